// Renders a Vega-Lite specification without a browser: Vega-Lite -> Vega -> SVG (Vega's
// headless view), SVG -> PNG (resvg, at twice the size, with the system's fonts,
// on libuv's thread pool so that several charts render at once).

import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View, type Spec } from 'vega';
import { renderAsync } from '@resvg/resvg-js';
import type { JsonObject } from './json.js';

/** The Vega specification a Vega-Lite specification compiles to. */
export function toVega(spec: JsonObject): Spec {
  return compile(spec as unknown as TopLevelSpec).spec;
}

export async function renderSvg(spec: JsonObject): Promise<string> {
  const view = new View(parse(toVega(spec)), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Sans-serif text is drawn with DejaVu Sans where installed (Debian: fonts-dejavu-core). */
export async function renderPng(svg: string): Promise<Uint8Array> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return image.asPng();
}
