// The valley-filling protocol's messages on the ledger (charging.settleMessages): in every round an agent ran,
// each of its EVs posts one profile update per charging window it has as a value-0 transaction, at its own phase
// within the round, from the end of warm-up on (the plan is made day-ahead; its messages count in the measured window).

import type { WorkloadContext } from '../workload/workload.js';
import type { Fleet } from '../fleet.js';
import type { SessionTable } from '../sessionTable.js';
import type { ChargingPlan } from './plan.js';
import type { ChargingConfig } from './schema.js';

export class ProtocolMessages {
  /** Messages posted. */
  count = 0;
  private readonly postKind: number;

  constructor(private readonly config: ChargingConfig, private readonly ctx: WorkloadContext) {
    this.postKind = ctx.sim.register((ev) => this.post(ev));
  }

  /**
   * Schedules every message of the plan's rounds: EV i's message of round r at warm-up + (r + phase_i) x roundTime;
   * only for the EVs of the agents `ownsAgent` picks (every EV still draws its phase, so the stream is the same).
   */
  schedule(plan: ChargingPlan, fleet: Fleet, sessions: SessionTable, ownsAgent: (g: number) => boolean = () => true): void {
    const phase = this.ctx.stream('charging.messagePhase');
    // Drawn in EV id order, so an EV's phase does not depend on where the fleet stores it.
    const phases = Float64Array.from({ length: fleet.size }, () => phase());
    const rounds = plan.rounds();
    for (let i = 0; i < fleet.size; i++) {
      const offset = phases[fleet.id[i]];
      const g = fleet.agent[i];
      if (!ownsAgent(g)) continue;
      const p = plan.problems[g];
      let windows = 0;
      for (let s = sessions.first[i]; s < sessions.first[i + 1]; s++) {
        const j = plan.local[s];
        if (p.offset[j + 1] > p.offset[j]) windows++;
      }
      for (let r = 0; r < rounds[g]; r++) {
        const t = this.ctx.warmup + (r + offset) * this.config.roundTime;
        for (let w = 0; w < windows && t < this.ctx.duration; w++) this.ctx.sim.at(t, this.postKind, i);
      }
    }
  }

  private post(ev: number): void {
    const { sim, txLog, ledger } = this.ctx;
    const size = this.config.messageSize;
    this.count++;
    ledger.submit(txLog.add(ev, size, 0, ledger.feeFor(size), sim.now));
  }
}
