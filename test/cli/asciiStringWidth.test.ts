// The help text's string width: printable ASCII answered as its length without the wrapped function,
// everything else (ANSI colours, wide, combining and emoji text) as string-width itself measures it.

import { describe, expect, it, vi } from 'vitest';
import { createRequire } from 'node:module';
import { withAsciiFastPath, type StringWidth } from '../../src/cli/asciiStringWidth.js';

// The copy the bundle wraps (cliui's string-width 7), as scripts/bundle-cli.mjs finds it.
const cliuiStringWidth = createRequire(import.meta.resolve('cliui')).resolve('string-width');
const { default: stringWidth } = (await import(cliuiStringWidth)) as { default: StringWidth };

const ASCII = ['', 'plain ascii', '  --workers N   worker threads [number] [default: 2]', '~!@#$%^&*()_+{}|:"<>?`-=[]\\;\',./0123456789'];
const OTHER = ['\u001b[31mred\u001b[39m', 'tab\there', 'é', 'e\u0301te\u0301', '한국어', '👩‍👩‍👧 family', '🇳🇱', '#\uFE0F\u20E3', 'a\u200Bb', 'line\nbreak'];

describe('withAsciiFastPath', () => {
  it('measures every text as string-width does', () => {
    const width = withAsciiFastPath(stringWidth);
    for (const text of [...ASCII, ...OTHER]) expect(width(text), JSON.stringify(text)).toBe(stringWidth(text));
    expect(width('\u001b[31mred\u001b[39m', { countAnsiEscapeCodes: true })).toBe(stringWidth('\u001b[31mred\u001b[39m', { countAnsiEscapeCodes: true }));
  });

  it('answers printable ASCII itself and passes the rest on, options included', () => {
    const wrapped = vi.fn<StringWidth>(() => 7);
    const width = withAsciiFastPath(wrapped);
    for (const text of ASCII) expect(width(text)).toBe(text.length);
    expect(wrapped).not.toHaveBeenCalled();
    for (const text of OTHER) expect(width(text, { ambiguousIsNarrow: false })).toBe(7);
    expect(wrapped).toHaveBeenCalledTimes(OTHER.length);
    expect(wrapped).toHaveBeenLastCalledWith(OTHER.at(-1), { ambiguousIsNarrow: false });
  });
});
