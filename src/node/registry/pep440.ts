/** A small reader of Python (PEP 440) versions and specifiers, enough to resolve `>=1.2,<2`, `~=1.4`, `==1.*`. */
interface PyVersion {
  epoch: number;
  release: number[];
  /** 0 = alpha, 1 = beta, 2 = rc; undefined for a final release. */
  pre?: [number, number];
  post?: number;
  dev?: number;
}

const VERSION =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+){0,15})(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d*))?(?:(?:[-_.]?(?:post|rev|r)[-_.]?(\d*))|-(\d+))?(?:[-_.]?dev[-_.]?(\d*))?(?:\+[a-z0-9._-]{1,64})?$/i;
const PRE_RANK: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

export function parsePyVersion(text: string): PyVersion | undefined {
  const m = VERSION.exec(text.trim());
  if (!m) return undefined;
  const v: PyVersion = { epoch: m[1] ? +m[1] : 0, release: m[2]!.split('.').map(Number) };
  if (m[3]) v.pre = [PRE_RANK[m[3].toLowerCase()]!, m[4] ? +m[4] : 0];
  if (m[5] !== undefined || m[6] !== undefined) v.post = +(m[5] || m[6] || 0);
  if (m[7] !== undefined) v.dev = m[7] ? +m[7] : 0;
  return v;
}

export function isPreRelease(v: PyVersion): boolean {
  return v.pre !== undefined || v.dev !== undefined;
}

/** Sort key pieces in PEP 440 order: dev < pre < final < post. */
function key(v: PyVersion, length: number): number[] {
  const release = [...v.release, ...Array(Math.max(0, length - v.release.length)).fill(0)];
  const pre = v.pre ? v.pre : v.dev !== undefined && v.post === undefined ? [-1, 0] : [3, 0];
  return [v.epoch, ...release, ...pre, v.post ?? -1, v.dev ?? Number.MAX_SAFE_INTEGER];
}

export function comparePy(a: PyVersion, b: PyVersion): number {
  const length = Math.max(a.release.length, b.release.length);
  const ka = key(a, length);
  const kb = key(b, length);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return Math.sign(ka[i]! - kb[i]!);
  return 0;
}

function prefixMatch(v: PyVersion, prefix: string): boolean {
  const p = prefix.split('.').map(Number);
  return p.every((n, i) => (v.release[i] ?? 0) === n);
}

function test(v: PyVersion, text: string, op: string, operand: string): boolean {
  if (op === '===') return text === operand;
  if ((op === '==' || op === '!=') && operand.endsWith('.*')) return prefixMatch(v, operand.slice(0, -2)) === (op === '==');
  const o = parsePyVersion(operand);
  if (!o) return false;
  const c = comparePy(v, o);
  switch (op) {
    case '==':
      return c === 0;
    case '!=':
      return c !== 0;
    case '>=':
      return c >= 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '<':
      return c < 0;
    case '~=': {
      const up = o.release.slice(0, -1).join('.');
      return c >= 0 && o.release.length > 1 && prefixMatch(v, up);
    }
    default:
      return false;
  }
}

/** Whether a version satisfies a comma-separated specifier set; undefined when the set cannot be read. */
export function satisfiesPy(version: string, specifiers: string): boolean | undefined {
  const v = parsePyVersion(version);
  if (!v) return false;
  for (const part of specifiers.split(',')) {
    const m = /^\s*(===|==|!=|~=|>=|<=|>|<)\s*([^\s,]+)\s*$/.exec(part);
    if (!m) return undefined;
    if (!test(v, version, m[1]!, m[2]!)) return false;
  }
  return true;
}

/** Whether a specifier set names a pre-release, which allows pre-releases to match (as pip does). */
export function mentionsPreRelease(specifiers: string): boolean {
  return specifiers.split(',').some((p) => {
    const v = parsePyVersion(p.replace(/^\s*(===|==|!=|~=|>=|<=|>|<)\s*/, '').replace(/\.\*$/, ''));
    return v !== undefined && isPreRelease(v);
  });
}
