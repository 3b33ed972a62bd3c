// The scenario reference (docs/scenario-reference.md), generated from the JSON Schema: every key
// with its type, default and description, so the docs can never drift from the code.

type Node = { type?: string | string[]; description?: string; default?: unknown; properties?: Record<string, Node>; items?: Node; anyOf?: Node[]; oneOf?: Node[]; enum?: unknown[]; const?: unknown; minimum?: number; exclusiveMinimum?: number };

export function scenarioReference(schema: Node): string {
  const rows: string[] = [];
  walk(schema, '', rows);
  return [
    '# Scenario reference',
    '',
    'Generated from `src/scenario/schema.ts` by `npm run schema` (a test fails when it is out of date).',
    'Durations take seconds or strings such as `250ms`, `90s`, `15m`, `24h`, `2d`. A *distribution* is a plain',
    'value (a constant) or `{dist: constant|uniform|exponential|normal|lognormal|empirical, ...}`.',
    '',
    '| key | type | default | meaning |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

function walk(node: Node, path: string, rows: string[]): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const keyPath = path ? `${path}.${key}` : key;
    rows.push(`| \`${keyPath}\` | ${typeOf(child)} | ${child.default === undefined ? '' : `\`${JSON.stringify(child.default)}\``} | ${(child.description ?? '').replace(/\|/g, '\\|')} |`);
    if (child.properties) walk(child, keyPath, rows);
    if (child.items?.properties) walk(child.items, `${keyPath}[]`, rows);
    const variants = [...(child.anyOf ?? []), ...(child.oneOf ?? []), ...(child.items?.anyOf ?? []), ...(child.items?.oneOf ?? [])];
    for (const v of variants) {
      const kind = Object.entries(v.properties ?? {}).find(([, p]) => p.const !== undefined);
      if (kind && kind[0] !== 'dist') walk(v, `${keyPath}${child.items ? '[]' : ''} (${kind[0]}: ${String(kind[1].const)})`, rows);
    }
  }
}

function typeOf(n: Node): string {
  if (n.enum) return n.enum.map((e) => `\`${String(e)}\``).join(' \\| ');
  if (n.const !== undefined) return `\`${String(n.const)}\``;
  const variants = n.anyOf ?? n.oneOf;
  if (variants) {
    if (variants.some((v) => v.oneOf)) return 'distribution';
    if (n.description?.startsWith('a duration') || variants.some((v) => v.description?.startsWith('a duration'))) return 'duration';
    return variants.map(typeOf).join(' \\| ');
  }
  if (n.type === 'array') return `list of ${n.items ? typeOf(n.items) : 'values'}`;
  return Array.isArray(n.type) ? n.type.join(' \\| ') : (n.type ?? 'any');
}
