// Escaping of scenario text (HTML, JSON in <script>, Markdown) and table number formatting.

import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, jsonForScript, markdownFence } from '../../src/report/escape.js';
import { formatNumber } from '../../src/report/formatNumber.js';

describe('escaping', () => {
  it('escapes HTML special characters', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });

  it('keeps </script> and <!-- out of JSON placed in a script element, and the JSON still parses', () => {
    const value = { d: '</script><script>alert(1)</script><!--' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('renders Markdown text literally', () => {
    expect(escapeMarkdown('# a|b *c* <i>')).toBe('\\# a\\|b \\*c\\* &lt;i&gt;');
    expect(markdownFence('a ```` b')).toBe('`````');
  });

  it('formats table numbers', () => {
    expect([formatNumber(null), formatNumber(0), formatNumber(12), formatNumber(3.14159), formatNumber(2.5e7), formatNumber(1.5e-5)]).toEqual(['–', '0', '12', '3.142', '2.50e+7', '1.50e-5']);
  });
});
