// string-width with a fast path for printable ASCII, whose width is its length: the bundler
// (scripts/bundle-cli.mjs) gives it to yargs, cliui and wrap-ansi, whose string-width 7 segments every
// character of the help text through ICU (about 40 ms of `dv2g --help`, where all the text is ASCII).

export type StringWidth = (text: string, options?: object) => number;

/** Printable ASCII only: no control characters, no escape sequences, nothing wide or combining. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** `stringWidth` answering printable ASCII itself (its length) and everything else as `stringWidth` does. */
export function withAsciiFastPath(stringWidth: StringWidth): StringWidth {
  return (text, options) => (typeof text === 'string' && PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text, options));
}
