// Escaping of scenario-provided text for HTML, for JSON inside <script> tags and for Markdown.

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/** JSON that is safe inside a <script> element: no `<`, `>` or `&` can end the element or open a comment. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Markdown text that renders literally: HTML characters as entities, Markdown syntax backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c])
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/^([#+\-])/, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/** A Markdown code fence longer than any run of backticks inside the text. */
export function markdownFence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}
