// The bundle's stand-in for Intl.Segmenter: the same segments and options as the real one, built only
// when first asked for.

import { describe, expect, it } from 'vitest';
import { LazySegmenter } from '../../src/cli/lazySegmenter.js';

const TEXTS = ['', 'plain ascii', 'e\u0301te\u0301', '👩‍👩‍👧 family', '한국어 텍스트', 'a\r\nb', '🇳🇱🇩🇪'];

describe('LazySegmenter', () => {
  it.each([[undefined, undefined], ['en', { granularity: 'word' as const }], ['de', { granularity: 'grapheme' as const }]])('segments as Intl.Segmenter(%s, %o)', (locale, options) => {
    const lazy = new LazySegmenter(locale, options);
    const real = new Intl.Segmenter(locale, options);
    for (const text of TEXTS) expect([...lazy.segment(text)], text).toEqual([...real.segment(text)]);
    expect(lazy.resolvedOptions()).toEqual(real.resolvedOptions());
  });

  it('builds nothing until used, and reports the locales Intl.Segmenter supports', () => {
    expect(() => new LazySegmenter('en', { granularity: 'nonsense' as never })).not.toThrow();
    expect(LazySegmenter.supportedLocalesOf(['en', 'de'])).toEqual(Intl.Segmenter.supportedLocalesOf(['en', 'de']));
  });
});
