// evs.csv rows of a split run formatted where they are made (each partition's thread, in parallel), as
// UTF-8 bytes that cross to the run's thread without a copy, and their merge into EV order there, with
// the columns that runs.csv's charging metrics sum.

import { emptyChargingColumns, fillChargingColumns, type EvChargingColumns, type EvRow, type EvRowSource } from '../../model/charging/owners.js';
import { csvRows } from '../../output/csv.js';
import { EV_FILE_COLUMNS } from '../../store/runStore.js';

/** The cells that start every evs.csv row of a run. */
export interface EvTag {
  run_id: string;
  ledger: string;
}

/** Rows of evs.csv in EV order, as UTF-8 lines and as the charging columns. */
export interface EvLines extends EvChargingColumns {
  /** The EV of each row, ascending. */
  ids: Int32Array;
  /** The rows' lines (each ending in CRLF), `linesPerChunk` to a chunk (the last may hold fewer); each chunk owns its buffer. */
  chunks: Uint8Array[];
  /** Where each row's line ends within its chunk (bytes). */
  ends: Int32Array;
  linesPerChunk: number;
}

/** Lines per chunk: a chunk is written to the run's file at once, and is one batch of rows made and formatted at once. */
export const LINES_PER_CHUNK = 2048;
const CRLF = Buffer.from('\r\n');
const encoder = new TextEncoder();

/** `rows`, in any order, as a source in EV order (for callers that hold every row already). */
export function rowSource(rows: readonly EvRow[]): EvRowSource {
  const sorted = [...rows].sort((x, y) => (x.ev_id ?? 0) - (y.ev_id ?? 0));
  return { count: sorted.length, rows: (from, to) => sorted.slice(from, to) };
}

/**
 * Formats the rows of `source` as evs.csv lines in EV order, a chunk at a time, each chunk's text encoded into bytes
 * of its exact size at once (so that the row objects and the cells' strings die young in a partition's thread, whose
 * heap holds the whole partition: a chunk's text kept as strings until the chunk was full outlived its nursery,
 * and collecting it took about 40% of the formatting; and no buffer of spare room outlives its chunk).
 */
export function formatEvLines(source: EvRowSource, tag: EvTag, linesPerChunk = LINES_PER_CHUNK): EvLines {
  const count = source.count;
  const lines: EvLines = { ids: new Int32Array(count), chunks: [], ends: new Int32Array(count), linesPerChunk, ...emptyChargingColumns(count) };
  for (let start = 0; start < count; start += linesPerChunk) {
    const stop = Math.min(count, start + linesPerChunk);
    const rows = source.rows(start, stop);
    rows.forEach((row, k) => {
      const id = row.ev_id ?? 0;
      if (start + k > 0 && id <= lines.ids[start + k - 1]) throw new Error(`evs.csv: EV ${id} comes after EV ${lines.ids[start + k - 1]}; rows must come in ascending EV id`);
      lines.ids[start + k] = id;
    });
    fillChargingColumns(lines, start, rows);
    const bytes = encoder.encode(csvRows(rows, EV_FILE_COLUMNS, { ...tag }));
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    let at = 0;
    for (let i = start; i < stop; i++) {
      // Every cell but the tag is a number, so CRLF ends a line and nothing else.
      at = view.indexOf(CRLF, at) + 2;
      lines.ends[i] = at;
    }
    if (at !== bytes.length) throw new Error(`evs.csv: formatted ${bytes.length} bytes but the rows end at ${at}`);
    lines.chunks.push(bytes);
  }
  return lines;
}

/** Every buffer of `lines` (to hand them to another thread without a copy). */
export function evLinesBuffers(lines: EvLines): ArrayBuffer[] {
  return [lines.ids, lines.ends, lines.charged, lines.cost, lines.netBenefit, lines.hasSession, ...lines.chunks].map((a) => a.buffer as ArrayBuffer);
}

const RELEASED = new Uint8Array(0);

/**
 * The partitions' lines merged into EV order (each partition's EVs are its own, so ids never tie). Consumes
 * `parts`: a part's chunk is released as soon as its lines are copied, so the run's thread holds about one
 * copy of the text, not two.
 */
export function mergeEvLines(parts: EvLines[]): EvLines {
  if (parts.length === 1) return parts[0];
  const linesPerChunk = parts[0].linesPerChunk;
  const total = parts.reduce((n, part) => n + part.ids.length, 0);
  const merged: EvLines = { ids: new Int32Array(total), chunks: [], ends: new Int32Array(total), linesPerChunk, ...emptyChargingColumns(total) };
  const next = new Array<number>(parts.length).fill(0);
  const released = new Array<number>(parts.length).fill(0);
  const source = new Int32Array(linesPerChunk);
  const index = new Int32Array(linesPerChunk);
  const lineStart = (part: EvLines, i: number) => (i % part.linesPerChunk === 0 ? 0 : part.ends[i - 1]);
  for (let start = 0; start < total; start += linesPerChunk) {
    const stop = Math.min(total, start + linesPerChunk);
    let length = 0;
    for (let row = start; row < stop; row++) {
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
      length += part.ends[i] - lineStart(part, i);
      merged.ends[row] = length;
      source[row - start] = from;
      index[row - start] = i;
    }
    const chunk = new Uint8Array(length);
    for (let row = start, at = 0; row < stop; row++) {
      const part = parts[source[row - start]];
      const i = index[row - start];
      const from = lineStart(part, i);
      chunk.set(part.chunks[Math.floor(i / part.linesPerChunk)].subarray(from, part.ends[i]), at);
      at += part.ends[i] - from;
    }
    merged.chunks.push(chunk);
    // Chunks wholly copied are let go.
    parts.forEach((part, p) => {
      for (; released[p] < Math.floor(next[p] / part.linesPerChunk); released[p]++) part.chunks[released[p]] = RELEASED;
    });
  }
  return merged;
}
