// Reads a scenario file as UTF-8 text, refusing at once, with one message naming the file, what is not:
// a directory, a missing or unreadable file, a file too large to be a scenario, binary data, UTF-16/32.

import { readFileSync, statSync } from 'node:fs';
import { ScenarioError } from './problems.js';

/** Largest scenario file read (scenarios are a few KB; empirical distributions may add some MB). */
export const MAX_SCENARIO_BYTES = 16 * 1024 * 1024;

const BYTE_ORDER_MARKS: [string, number[]][] = [
  ['UTF-32 (little-endian)', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32 (big-endian)', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16 (little-endian)', [0xff, 0xfe]],
  ['UTF-16 (big-endian)', [0xfe, 0xff]],
];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function readScenarioText(file: string): string {
  const refuse = (message: string) => new ScenarioError([{ file, path: '', message }]);
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw refuse('is a directory, expected a scenario file (.yaml or .json)');
    if (stat.size > MAX_SCENARIO_BYTES) throw refuse(`is ${megabytes(stat.size)}, larger than any scenario file (at most ${megabytes(MAX_SCENARIO_BYTES)})`);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw refuse(code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`);
  }
  return decodeScenarioText(bytes, refuse);
}

/** UTF-8 text of `bytes` (a UTF-8 byte-order mark dropped), or the error `refuse` makes of what they are instead. */
export function decodeScenarioText(bytes: Uint8Array, refuse: (message: string) => Error): string {
  const encoding = BYTE_ORDER_MARKS.find(([, mark]) => startsWith(bytes, mark));
  if (encoding) throw refuse(`is ${encoding[0]} text; save it as UTF-8`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw refuse(`looks like a binary file (a NUL byte at offset ${nul}), expected YAML or JSON text in UTF-8`);
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw refuse('is not valid UTF-8 text (a binary file, or another encoding); save it as UTF-8');
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
