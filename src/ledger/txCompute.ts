// Signatures and Merkle proofs, charged alike on every ledger kind: the issuer signs each transaction
// (plus any proof of work) on its device, every validating node verifies the signature on its device,
// and on chains the issuer checks a Merkle proof (ceil(log2(transactions in the block)) hashes).

import type { DeviceModel } from './ledger.js';

export class TxCompute {
  private issuerSeconds = 0;
  private transactions = 0;
  private verifications = 0;

  constructor(readonly issuer: DeviceModel, readonly validator: DeviceModel, readonly validators: number) {}

  /** Charges one transaction's signature and `workSeconds` of other issuer work; returns the issuer's seconds. */
  issue(workSeconds = 0): number {
    const seconds = this.issuer.signTime + workSeconds;
    this.issuerSeconds += seconds;
    this.transactions++;
    this.verifications += this.validators;
    return seconds;
  }

  /** Charges the issuers of `txCount` transactions in one block their Merkle-proof checks. */
  merkleProofs(txCount: number): void {
    if (txCount > 0) this.issuerSeconds += (txCount * merkleProofHashes(txCount)) / this.issuer.hashRate;
  }

  /** Joules of every issuer's work plus every validator's signature checks. */
  energyJ(): number {
    return this.issuerSeconds * this.issuer.power + this.verifications * this.validator.verifyTime * this.validator.power;
  }

  computeSPerTx(): number | null {
    return this.transactions > 0 ? this.issuerSeconds / this.transactions : null;
  }

  energyJPerTx(): number | null {
    return this.transactions > 0 ? (this.issuerSeconds * this.issuer.power) / this.transactions : null;
  }
}

/** Hashes of a Merkle proof in a block of `txCount` transactions (0 for a single transaction). */
export function merkleProofHashes(txCount: number): number {
  return Math.ceil(Math.log2(Math.max(1, txCount)));
}

/** Currency per hour to match `hashesPerHour` of honest consensus work on `device`. */
export function attackCostPerHour(hashesPerHour: number, device: DeviceModel): number {
  return hashesPerHour * device.costPerHash;
}
