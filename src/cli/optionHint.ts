// "Did you mean --replications?" for yargs' "Unknown argument(s): ..." messages.

import { nearestName } from '../scenario/didYouMean.js';

/** A hint naming the nearest known option for each unknown one in a yargs failure message ('' if none). */
export function optionHint(message: string, known: readonly string[]): string {
  const match = /^Unknown arguments?: (.+)$/.exec(message);
  if (!match) return '';
  const options = known.filter((k) => k.length > 1 && k !== '$0');
  const hints = match[1].split(', ').flatMap((word) => {
    const nearest = nearestName(word.replace(/^-+/, ''), options);
    return nearest ? [`did you mean --${nearest} (for ${word})?`] : [];
  });
  return hints.length ? `; ${hints.join('; ')}` : '';
}
