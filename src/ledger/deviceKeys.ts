// Scenario keys every ledger kind shares: which declared device (scenario `devices`) issues and signs its
// transactions, and which one every validating node verifies them on.

import * as z from '../scenario/zod.js';

export const deviceKeys = {
  issuerDevice: z.string().min(1).default('ev').meta({ description: 'device class that signs each transaction (and does its proof of work and Merkle-proof check), a key of devices' }),
  validatorDevice: z.string().min(1).default('agent').meta({ description: 'device class on which every network node verifies each transaction\'s signature, a key of devices' }),
};
