// Problems found in a scenario: each names the file, the key path, the YAML line when known,
// and what was expected. ScenarioError carries all of them; the CLI prints one per line, exit 2.

export interface Problem {
  file: string;
  /** Key path such as `ledgers[1].blockInterval`, or empty for the file as a whole. */
  path: string;
  line?: number;
  message: string;
}

/** Problems printed at most; the rest are counted ("... and N more problems"). */
export const MAX_PRINTED_PROBLEMS = 20;
/** Longest key path and message printed, so that hostile input is never echoed at length. */
const MAX_PATH_LENGTH = 120;
const MAX_MESSAGE_LENGTH = 400;

export class ScenarioError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'ScenarioError';
  }
}

export function formatProblem(p: Problem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  const message = shorten(p.message, MAX_MESSAGE_LENGTH);
  return p.path ? `${where}: ${shorten(p.path, MAX_PATH_LENGTH)}: ${message}` : `${where}: ${message}`;
}

/** One line per problem, the first MAX_PRINTED_PROBLEMS of them, then how many more there are. */
export function formatProblems(problems: readonly Problem[]): string {
  const lines = problems.slice(0, MAX_PRINTED_PROBLEMS).map(formatProblem);
  const more = problems.length - MAX_PRINTED_PROBLEMS;
  if (more > 0) lines.push(`... and ${more} more problem${more === 1 ? '' : 's'}`);
  return lines.join('\n');
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
