// The run's time series: at the end of each bucket, the ledger's and the workload's readings and the
// transactions submitted and confirmed since the previous bucket (one row per bucket).

import type { Simulation } from '../engine/simulation.js';
import type { Ledger } from '../ledger/ledger.js';
import type { TxLog } from '../metrics/txLog.js';
import type { WorkloadGauges } from '../model/workload/workload.js';
import type { TimeseriesRow } from '../store/runStore.js';

/** Schedules the sampling on `sim` every `bucket` seconds up to `duration`; returns the rows it fills. */
export function sampleTimeseries(sim: Simulation, txLog: TxLog, ledger: Ledger, workloadGauges: () => WorkloadGauges, bucket: number, duration: number): TimeseriesRow[] {
  const timeseries: TimeseriesRow[] = [];
  let lastSubmitted = 0, lastConfirmed = 0;
  const sample = sim.register(() => {
    const g = ledger.gauges();
    const w = workloadGauges();
    timeseries.push({
      t_s: sim.now,
      submitted: txLog.count - lastSubmitted,
      confirmed: txLog.confirmations - lastConfirmed,
      tips: g.tips,
      mempool: g.mempool,
      price: w.price,
      energy_kwh: w.energyKwh,
      load_kw: w.loadKw,
      v2g_capacity_kw: w.v2gCapacityKw,
      charging_kw: w.chargingKw,
      v2g_energy_kwh: w.v2gEnergyKwh,
      deficit_kw: w.deficitKw,
      ledger_bytes: g.ledgerBytes,
    });
    lastSubmitted = txLog.count;
    lastConfirmed = txLog.confirmations;
    const next = Math.min(duration, sim.now + bucket);
    if (next > sim.now) sim.at(next, sample);
  });
  sim.at(Math.min(bucket, duration), sample);
  return timeseries;
}
