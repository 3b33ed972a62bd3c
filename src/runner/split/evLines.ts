// evs.csv rows of a split run formatted where they are made (each partition's thread, in parallel), and
// their merge into EV order on the run's thread, with the columns that runs.csv's charging metrics sum.

import { chargingColumns, type EvChargingColumns, type EvRow } from '../../model/charging/owners.js';
import { csvRows } from '../../output/csv.js';
import { EV_FILE_COLUMNS } from '../../store/runStore.js';

/** The cells that start every evs.csv row of a run. */
export interface EvTag {
  run_id: string;
  ledger: string;
}

/** Rows of evs.csv in EV order, as CSV text and as the charging columns. */
export interface EvLines extends EvChargingColumns {
  /** The EV of each row, ascending. */
  ids: Int32Array;
  /** The rows' lines (each ending in CRLF), `linesPerChunk` to a chunk (the last may hold fewer). */
  chunks: string[];
  /** Where each row's line ends within its chunk. */
  ends: Int32Array;
  linesPerChunk: number;
}

/** Lines per chunk of text: a chunk is written to the run's file at once (a million-EV run has 1e6 rows). */
export const LINES_PER_CHUNK = 50_000;
/** Rows formatted at once. */
const FORMAT_BATCH = 2048;

/** Formats `rows` (any order) as evs.csv lines in EV order. */
export function formatEvLines(rows: EvRow[], tag: EvTag, linesPerChunk = LINES_PER_CHUNK): EvLines {
  const sorted = [...rows].sort((x, y) => (x.ev_id ?? 0) - (y.ev_id ?? 0));
  const chunks: string[] = [];
  const ends = new Int32Array(sorted.length);
  for (let start = 0; start < sorted.length; start += linesPerChunk) {
    // Formatted a batch at a time, so that the cells' strings die young (in a partition's thread, whose
    // heap holds the whole partition, a chunk's worth of them lived long enough to grow it).
    const pieces: string[] = [];
    for (let batch = start; batch < Math.min(sorted.length, start + linesPerChunk); batch += FORMAT_BATCH) {
      pieces.push(csvRows(sorted.slice(batch, Math.min(batch + FORMAT_BATCH, start + linesPerChunk)), EV_FILE_COLUMNS, { ...tag }));
    }
    const text = pieces.join('');
    let at = 0;
    for (let i = start; i < Math.min(sorted.length, start + linesPerChunk); i++) {
      // Every cell but the tag is a number, so CRLF ends a line and nothing else.
      at = text.indexOf('\r\n', at) + 2;
      ends[i] = at;
    }
    if (at !== text.length) throw new Error(`evs.csv: formatted ${text.length} characters but the rows end at ${at}`);
    chunks.push(text);
  }
  return { ids: Int32Array.from(sorted, (r) => r.ev_id ?? 0), chunks, ends, linesPerChunk, ...chargingColumns(sorted) };
}

/** The partitions' lines merged into EV order (each partition's EVs are its own, so ids never tie). */
export function mergeEvLines(parts: EvLines[]): EvLines {
  if (parts.length === 1) return parts[0];
  const linesPerChunk = parts[0].linesPerChunk;
  const total = parts.reduce((n, part) => n + part.ids.length, 0);
  const merged: EvLines = {
    ids: new Int32Array(total), chunks: [], ends: new Int32Array(total), linesPerChunk,
    charged: new Float64Array(total), cost: new Float64Array(total), netBenefit: new Float64Array(total), hasSession: new Uint8Array(total),
  };
  const next = new Array<number>(parts.length).fill(0);
  let pieces: string[] = [];
  let length = 0;
  for (let row = 0; row < total; row++) {
    let from = -1;
    for (let p = 0; p < parts.length; p++) {
      if (next[p] < parts[p].ids.length && (from < 0 || parts[p].ids[next[p]] < parts[from].ids[next[from]])) from = p;
    }
    const part = parts[from];
    const i = next[from]++;
    merged.ids[row] = part.ids[i];
    merged.charged[row] = part.charged[i];
    merged.cost[row] = part.cost[i];
    merged.netBenefit[row] = part.netBenefit[i];
    merged.hasSession[row] = part.hasSession[i];
    const chunk = Math.floor(i / part.linesPerChunk);
    const start = i % part.linesPerChunk === 0 ? 0 : part.ends[i - 1];
    pieces.push(part.chunks[chunk].slice(start, part.ends[i]));
    length += part.ends[i] - start;
    merged.ends[row] = length;
    if (pieces.length === linesPerChunk || row === total - 1) {
      merged.chunks.push(pieces.join(''));
      pieces = [];
      length = 0;
    }
  }
  return merged;
}
