// Scenario keys of EV charging (`charging`): how EVs recharge for departure, the decentralized
// valley-filling protocol's rounds, and whether its messages are settled on the ledger (docs/charging.md).

import * as z from '../../scenario/zod.js';

export const chargingSchema = z.strictObject({
  policy: z.enum(['uncontrolled', 'valley-filling']).default('uncontrolled').meta({ description: 'how EVs recharge for departure: uncontrolled (full charger power from arrival until the departure target is met; the default, as EVs charge today) or valley-filling (Gan, Topcu and Low\'s decentralized protocol filling the valleys of each grid agent\'s load, planned day-ahead)' }),
  departureSoc: z.number().min(0).max(1).default(1).meta({ description: 'state of charge (fraction) each EV must reach by departure (default 1: dv2g draws the ElaadNL arrival state of charge as 1 - session energy / capacity, so reaching 1 charges the session\'s energy); never below the EV\'s reserve, capped by what its charger can add during the stay within the run' }),
  iterations: z.int().min(1).max(1000).default(50).meta({ description: 'valley-filling: most rounds of the protocol per grid agent (signal out, profiles back; default 50: about 30-40 reach the default tolerance on ElaadNL days)' }),
  tolerance: z.number().positive().default(0.001).meta({ description: 'valley-filling: the protocol stops once no interval\'s aggregate charging load moves by more than this share of the agent\'s peak load between rounds (default 0.001)' }),
  settleMessages: z.boolean().default(false).meta({ description: 'valley-filling: settle each EV\'s profile update of each round on the ledger as a transaction (issuer = the EV, value 0), so the protocol\'s chattiness is part of the ledger comparison (default false)' }),
  messageSize: z.int().positive().default(100).meta({ description: 'bytes of one profile-update transaction (settleMessages; default 100)' }),
  roundTime: z.number().positive().default(1).meta({ description: 'seconds between the protocol\'s rounds when its messages are settled (each EV posts a round\'s message at its own phase within the round; default 1)' }),
});

export type ChargingConfig = z.output<typeof chargingSchema>;
