// Problems found in a scenario: each names the file, the key path, the YAML line when known,
// and what was expected. ScenarioError carries all of them; the CLI prints one per line, exit 2.

export interface Problem {
  file: string;
  /** Key path such as `ledgers[1].blockInterval`, or empty for the file as a whole. */
  path: string;
  line?: number;
  message: string;
}

export class ScenarioError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
  }
}

export function formatProblem(p: Problem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}
