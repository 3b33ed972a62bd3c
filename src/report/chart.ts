// What a chart is (a named, titled, self-contained Vega-Lite specification) and the pieces
// every chart shares: top-level settings, scale choice, time units, faceting by sweep point.

import type { Json, JsonObject } from './json.js';

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export interface Chart {
  /** File name stem under charts/. */
  name: string;
  title: string;
  /** One or two sentences for the report and the notebook. */
  description: string;
  spec: JsonObject;
}

export const PANEL_WIDTH = 380;
export const PANEL_HEIGHT = 220;

/** A complete top-level specification: schema, title, white background, readable fonts. */
export function topLevel(title: string, body: JsonObject, subtitle?: string): JsonObject {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: subtitle ? { text: title, subtitle } : title,
    background: 'white',
    padding: 8,
    ...body,
    config: {
      font: 'sans-serif',
      title: { fontSize: 15, subtitleFontSize: 12, anchor: 'start' },
      axis: { labelFontSize: 11, titleFontSize: 12 },
      legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260 },
      header: { labelFontSize: 12, titleFontSize: 12 },
    },
  };
}

/** Axis labels: exponent notation past 1e5 or below 1e-3, shortest plain form otherwise; labels that would collide are dropped. */
export const NUMBER_AXIS: JsonObject = {
  labelOverlap: 'greedy',
  labelSeparation: 6,
  labelExpr: "abs(datum.value) >= 1e5 || (datum.value != 0 && abs(datum.value) < 1e-3) ? format(datum.value, '.0e') : format(datum.value, '~g')",
};

/** Log scale when every value is positive and they span two decades or more; linear otherwise. */
export function scaleFor(values: readonly (number | null)[], zero = true): JsonObject {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length > 1 && xs.every((v) => v > 0) && Math.max(...xs) / Math.min(...xs) >= 50) return { type: 'log' };
  return { type: 'linear', zero };
}

export function isLog(scale: JsonObject): boolean {
  return scale.type === 'log';
}

export interface TimeUnit {
  divisor: number;
  title: string;
}

/** Seconds, minutes or hours for a time axis, whichever keeps the numbers short. */
export function timeUnitFor(durationS: number): TimeUnit {
  if (durationS >= 6 * 3600) return { divisor: 3600, title: 'simulated time (h)' };
  if (durationS >= 600) return { divisor: 60, title: 'simulated time (min)' };
  return { divisor: 1, title: 'simulated time (s)' };
}

/** Wraps a unit or layered specification into rows per sweep point when there are several. */
export function facetByPoint(inner: JsonObject, data: Json[], pointCount: number, pointOrder: string[]): JsonObject {
  if (pointCount <= 1) return { data: { values: data }, ...inner };
  return {
    data: { values: data },
    facet: { row: { field: 'point_label', type: 'nominal', title: null, sort: pointOrder, header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelLimit: 400, labelFontWeight: 'bold' } } },
    spec: inner,
  };
}

/** A safe file-name stem from a key path, e.g. "ledgers[0].alpha" -> "ledgers_0_alpha". */
export function fileStem(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase();
}

/** One tooltip entry: a field, its title and, for numbers, a d3 format. */
export function tip(field: string, title: string, type: 'nominal' | 'quantitative' = 'nominal', format?: string): JsonObject {
  return { field, type, title, ...(format ? { format } : {}) };
}

export const NUMBER_FORMAT = '.4~g';
