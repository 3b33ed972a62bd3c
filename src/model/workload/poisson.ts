// The `poisson` workload: synthetic transactions at a constant rate, for ledger-only studies
// and for checking a ledger against theory. Issuers are drawn uniformly.

import { exponential } from '../../engine/rng.js';
import { sampler } from '../../engine/distributions.js';
import type { PoissonWorkloadConfig } from '../../scenario/schema.js';
import { NO_MARKET, type Workload, type WorkloadContext, type WorkloadGauges, type WorkloadReport } from './workload.js';

export function createPoissonWorkload(config: PoissonWorkloadConfig, ctx: WorkloadContext): Workload {
  const { sim, txLog, ledger } = ctx;
  const arrivals = ctx.stream('workload.arrivals');
  const issuers = ctx.stream('workload.issuers');
  const drawValue = sampler(config.value, ctx.stream('workload.values'));
  const meanGap = 1 / config.rate;

  const arrive = sim.register(() => {
    const issuer = Math.floor(issuers() * config.issuers);
    const fee = ledger.feeFor(config.txSize);
    const tx = txLog.add(issuer, config.txSize, drawValue(), fee, sim.now);
    ledger.submit(tx);
    sim.schedule(exponential(arrivals, meanGap), arrive);
  });

  return {
    start: () => void sim.schedule(exponential(arrivals, meanGap), arrive),
    gauges: (): WorkloadGauges => ({ price: null, energyKwh: null, loadKw: null, v2gCapacityKw: null, chargingKw: null, v2gEnergyKwh: null, deficitKw: null }),
    report: (): WorkloadReport => NO_MARKET,
  };
}
