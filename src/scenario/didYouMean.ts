// "Did you mean ...?": the closest known name to a mistyped one, if it is close enough to be a typo.

import { closest, distance } from 'fastest-levenshtein';

/** The known name nearest to `word` (edit distance at most 2, or a third of its length); undefined if none is that near. */
export function nearestName(word: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const candidate = closest(word, [...known]);
  return distance(word, candidate) <= Math.max(2, Math.floor(word.length / 3)) ? candidate : undefined;
}
