// Key paths such as `ledgers[0].alpha` or `workload.rate`: parsing, formatting, reading and writing.

export type KeyPath = (string | number)[];

const WHOLE = /^[A-Za-z_][\w-]*(?:\[\d+\]|\.[A-Za-z_][\w-]*)*$/;
const SEGMENT = /([^.[\]]+)|\[(\d+)\]/g;

const LEDGER_SCOPED = /^ledgers\[([^\]]*[^\]\d][^\]]*)\]\.(.+)$/;

/** `ledgers[tangle].alpha` -> { label: 'tangle', rest: 'alpha' }: a key of the ledger with that label; null for any other path. */
export function ledgerScopedKey(text: string): { label: string; rest: string } | null {
  const match = LEDGER_SCOPED.exec(text);
  return match ? { label: match[1], rest: match[2] } : null;
}

/** Splits `a.b[0].c` into ['a', 'b', 0, 'c']; throws on an empty or malformed path. */
export function parseKeyPath(text: string): KeyPath {
  if (!WHOLE.test(text)) throw new Error(`malformed key path "${text}" (expected e.g. workload.rate or ledgers[0].alpha)`);
  return [...text.matchAll(SEGMENT)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

/** Formats ['ledgers', 1, 'blockInterval'] as `ledgers[1].blockInterval`. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || '(top level)';
}

export function getAtPath(root: unknown, path: KeyPath): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** Returns a copy of `root` with `value` at `path`, creating objects (or arrays for numeric segments) on the way. */
export function setAtPath<T>(root: T, path: KeyPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const base: Record<string | number, unknown> | unknown[] =
    root !== null && typeof root === 'object' ? (Array.isArray(root) ? [...root] : { ...root }) : typeof head === 'number' ? [] : {};
  (base as Record<string | number, unknown>)[head] = setAtPath((base as Record<string | number, unknown>)[head], rest, value);
  return base as T;
}

/** Why `path` cannot be set in `root` when one of its list indices lies past the end (one past the end adds an entry). */
export function indexBeyondEnd(root: unknown, path: KeyPath): string | undefined {
  for (let i = 0; i < path.length; i++) {
    const index = path[i];
    if (typeof index !== 'number') continue;
    const list = getAtPath(root, path.slice(0, i));
    const length = Array.isArray(list) ? list.length : 0;
    if (index > length) {
      const entries = length === 0 ? 'no entries' : `${length} ${length === 1 ? 'entry' : 'entries'} (${length === 1 ? '0' : `0-${length - 1}`})`;
      return `${formatKeyPath(path.slice(0, i))} has ${entries}; index ${index} is past its end (index ${length} adds an entry)`;
    }
  }
  return undefined;
}
