// Half of a partition's evs.csv rows formatted on a helper thread where a core would otherwise idle (a tangle
// run on two threads, whose own thread has only the log's summary to make while the partition formats its
// rows): the first whole chunks' rows go to the helper as numbers, the partition formats the rest meanwhile,
// then puts the helper's lines before its own. The same rows, so the same lines, on any thread.

import { EV_COLUMNS, type EvRow, type EvRowSource } from '../../model/charging/owners.js';
import { projectModule } from '../sourceMode.js';
import { startHelperThread } from './threadReply.js';
import { concatEvLines, formatEvLines, FORMAT_BATCH, LINES_PER_CHUNK, type EvLines, type EvTag } from './evLines.js';

/** The helper's one task. */
export interface EvsTask {
  rows: EvCells;
  tag: EvTag;
  linesPerChunk: number;
}

/** The helper's one answer: the lines of its rows, or why it could not format them. */
export type EvsReply = { lines: EvLines } | { error: string };

/** formatEvLines(source, tag, linesPerChunk), about half of the rows formatted on a helper thread (none when there is not one whole chunk to give it). */
export function formatEvLinesWithHelper(source: EvRowSource, tag: EvTag, linesPerChunk = LINES_PER_CHUNK): EvLines {
  const given = Math.floor(source.count / 2 / linesPerChunk) * linesPerChunk;
  if (given === 0) return formatEvLines(source, tag, linesPerChunk);
  const helper = startHelperThread(projectModule('runner/split/evsWorker'), "the evs.csv rows' helper thread");
  try {
    const rows = evCells(source, 0, given);
    helper.port.postMessage({ rows, tag, linesPerChunk } satisfies EvsTask, [rows.cells.buffer as ArrayBuffer, rows.empty.buffer as ArrayBuffer]);
    const rest = formatEvLines(evRowRange(source, given, source.count), tag, linesPerChunk);
    const reply = helper.answer<EvsReply>();
    if ('error' in reply) throw new Error(`the evs.csv rows' helper thread failed: ${reply.error}`);
    return concatEvLines(reply.lines, rest);
  } finally {
    helper.end();
  }
}

/** Rows of an EvRowSource as numbers, to move to another thread: EV_COLUMNS.length cells a row, an empty cell flagged. */
export interface EvCells {
  count: number;
  cells: Float64Array;
  /** 1 where the row's cell is null (its place in `cells` is 0). */
  empty: Uint8Array;
}

/** Rows from..to of `source` as numbers, a batch of row objects at a time. */
export function evCells(source: EvRowSource, from: number, to: number): EvCells {
  const width = EV_COLUMNS.length;
  const out: EvCells = { count: to - from, cells: new Float64Array((to - from) * width), empty: new Uint8Array((to - from) * width) };
  for (let batch = from; batch < to; batch += FORMAT_BATCH) {
    source.rows(batch, Math.min(batch + FORMAT_BATCH, to)).forEach((row, k) => {
      const at = (batch - from + k) * width;
      EV_COLUMNS.forEach((column, c) => {
        const cell = row[column];
        if (cell === null) out.empty[at + c] = 1;
        else out.cells[at + c] = cell;
      });
    });
  }
  return out;
}

/** The rows evCells took, as a source again (the same rows, so the same lines). */
export function evCellsSource({ count, cells, empty }: EvCells): EvRowSource {
  const width = EV_COLUMNS.length;
  return {
    count,
    rows: (from, to) => Array.from({ length: to - from }, (_, k) => {
      const at = (from + k) * width;
      const cell = (c: number) => (empty[at + c] ? null : cells[at + c]);
      // A literal in EV_COLUMNS' order (one shape for every row, as the workload's own rows have).
      return {
        ev_id: cell(0), agent: cell(1), arrival_s: cell(2), departure_s: cell(3), energy_sold_kwh: cell(4), energy_charged_kwh: cell(5),
        revenue: cell(6), charging_cost: cell(7), degradation_cost: cell(8), fees: cell(9), net_benefit: cell(10),
      } satisfies EvRow;
    }),
  };
}

/** Rows from..to of `source`, as a source of their own. */
export function evRowRange(source: EvRowSource, from: number, to: number): EvRowSource {
  return { count: to - from, rows: (a, b) => source.rows(from + a, from + b) };
}
