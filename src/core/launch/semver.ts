/** A small npm-compatible semantic-version reader: exact versions, ranges (`^`, `~`, x-ranges, hyphen, `||`). */
export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: (string | number)[];
}

type Op = '<' | '<=' | '>' | '>=' | '=';
interface Comparator {
  op: Op;
  version: SemVer;
}

const NUM = '0|[1-9]\\d{0,15}';
const IDENT = '[0-9A-Za-z-]{1,64}';
const EXACT = new RegExp(`^[v=]?\\s*(${NUM})\\.(${NUM})\\.(${NUM})(?:-(${IDENT}(?:\\.${IDENT}){0,16}))?(?:\\+${IDENT}(?:\\.${IDENT}){0,16})?$`);
const PARTIAL = new RegExp(
  `^[v=]?(${NUM}|[xX*])(?:\\.(${NUM}|[xX*])(?:\\.(${NUM}|[xX*])(?:-(${IDENT}(?:\\.${IDENT}){0,16}))?(?:\\+${IDENT}(?:\\.${IDENT}){0,16})?)?)?$`,
);

/** An exact version (`1.2.3`, `v1.2.3-beta.1`), or undefined. */
export function parseVersion(text: string): SemVer | undefined {
  const m = EXACT.exec(text.trim());
  if (!m) return undefined;
  return { major: +m[1]!, minor: +m[2]!, patch: +m[3]!, prerelease: m[4] ? m[4].split('.').map((p) => (/^\d+$/.test(p) ? +p : p)) : [] };
}

export function isExactVersion(text: string): boolean {
  return parseVersion(text) !== undefined;
}

export function compareVersions(a: SemVer, b: SemVer): number {
  const main = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (main !== 0) return Math.sign(main);
  if (a.prerelease.length === 0 && b.prerelease.length === 0) return 0;
  if (a.prerelease.length === 0) return 1;
  if (b.prerelease.length === 0) return -1;
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return Math.sign(x - y);
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function v(major: number, minor: number, patch: number, prerelease: (string | number)[] = []): SemVer {
  return { major, minor, patch, prerelease };
}

/** `<x.y.z-0`: below every release and prerelease of x.y.z. */
function below(major: number, minor: number, patch: number): Comparator {
  return { op: '<', version: v(major, minor, patch, [0]) };
}

/** Comparators of one `simple` term, or undefined if it is not valid range syntax. */
function desugar(term: string): Comparator[] | undefined {
  const m = /^(\^|~>?|[<>]=?|=)?\s*(.*)$/.exec(term)!;
  const op = m[1] ?? '';
  const p = PARTIAL.exec(m[2]!);
  if (!p) return undefined;
  const wild = (s: string | undefined) => s === undefined || /^[xX*]$/.test(s);
  const xM = wild(p[1]);
  const xm = xM || wild(p[2]);
  const xp = xm || wild(p[3]);
  const M = xM ? 0 : +p[1]!;
  const mi = xm ? 0 : +p[2]!;
  const pa = xp ? 0 : +p[3]!;
  const pre = p[4] ? p[4].split('.').map((s) => (/^\d+$/.test(s) ? +s : s)) : [];
  const base = v(M, mi, pa, pre);
  if (op === '^') {
    if (xM) return [];
    if (M > 0 || xm) return [{ op: '>=', version: base }, below(M + 1, 0, 0)];
    if (mi > 0 || xp) return [{ op: '>=', version: base }, below(0, mi + 1, 0)];
    return [{ op: '>=', version: base }, below(0, 0, pa + 1)];
  }
  if (op.startsWith('~')) {
    if (xM) return [];
    return [{ op: '>=', version: base }, xm ? below(M + 1, 0, 0) : below(M, mi + 1, 0)];
  }
  if (op === '' || op === '=') {
    if (xM) return [];
    if (xm) return [{ op: '>=', version: base }, below(M + 1, 0, 0)];
    if (xp) return [{ op: '>=', version: base }, below(M, mi + 1, 0)];
    return [{ op: '=', version: base }];
  }
  if (xM) return op === '<' || op === '>' ? [{ op: '<', version: v(0, 0, 0, [0]) }] : [];
  if (op === '>') return [xm ? { op: '>=', version: v(M + 1, 0, 0) } : xp ? { op: '>=', version: v(M, mi + 1, 0) } : { op: '>', version: base }];
  if (op === '<=') return [xm ? below(M + 1, 0, 0) : xp ? below(M, mi + 1, 0) : { op: '<=', version: base }];
  if (op === '<') return [xm || xp ? below(M, mi, 0) : { op: '<', version: base }];
  return [{ op: '>=', version: base }];
}

/** Parses a range into alternatives of comparator sets; undefined when it is not a valid range. */
export function parseRange(range: string): Comparator[][] | undefined {
  if (range.length > 512) return undefined;
  const sets: Comparator[][] = [];
  for (const alternative of range.split('||')) {
    const text = alternative.trim().replace(/([<>=^~]+)\s+/g, '$1');
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
    if (hyphen) {
      const lo = desugar('>=' + hyphen[1]);
      const hi = desugar('<=' + hyphen[2]);
      if (!lo || !hi) return undefined;
      sets.push([...lo, ...hi]);
      continue;
    }
    const set: Comparator[] = [];
    for (const term of text === '' ? [] : text.split(/\s+/)) {
      const c = desugar(term);
      if (!c) return undefined;
      set.push(...c);
    }
    sets.push(set);
  }
  return sets;
}

function test(c: Comparator, version: SemVer): boolean {
  const cmp = compareVersions(version, c.version);
  switch (c.op) {
    case '<':
      return cmp < 0;
    case '<=':
      return cmp <= 0;
    case '>':
      return cmp > 0;
    case '>=':
      return cmp >= 0;
    default:
      return cmp === 0;
  }
}

/** npm's rule: a prerelease matches only a set that names a prerelease of the same major.minor.patch. */
export function satisfies(version: string, range: string): boolean {
  const ver = parseVersion(version);
  const sets = parseRange(range);
  if (!ver || !sets) return false;
  return sets.some((set) => {
    if (!set.every((c) => test(c, ver))) return false;
    if (ver.prerelease.length === 0) return true;
    return set.some((c) => c.version.prerelease.length > 0 && c.version.major === ver.major && c.version.minor === ver.minor && c.version.patch === ver.patch);
  });
}

export function maxSatisfying(versions: readonly string[], range: string): string | undefined {
  let best: { text: string; ver: SemVer } | undefined;
  for (const text of versions) {
    const ver = parseVersion(text);
    if (!ver || !satisfies(text, range)) continue;
    if (!best || compareVersions(ver, best.ver) > 0) best = { text, ver };
  }
  return best?.text;
}

/** Valid npm range syntax that is not an exact version (`^1.2.0`, `~1`, `1`, `1.x`, `>=2 <3`, `*`). */
export function isRange(text: string): boolean {
  return !isExactVersion(text) && /^[\s\dxX*^~<>=|.v+-]+$/.test(text) && /[\dxX*]/.test(text) && parseRange(text) !== undefined;
}
