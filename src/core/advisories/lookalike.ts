import { POPULAR_PACKAGES, type PopularPackage } from './data/popularPackages';
import { packageKey } from './lookup';
import type { AdvisoryEcosystem } from './types';

/** How a name resembles a popular one. */
export interface Lookalike {
  popular: PopularPackage;
  /** `typo`: a small edit distance; `scope`: the same package name under another (or no) npm scope. */
  how: 'typo' | 'scope';
  distance: number;
}

/** Names shorter than this are too generic (`mcp`, `@stripe/mcp`'s `mcp`) to call a lookalike. */
const MIN_LENGTH = 8;

function scopeOf(name: string): { scope?: string; bare: string } {
  const m = /^@([^/]+)\/(.+)$/.exec(name);
  return m ? { scope: m[1]!, bare: m[2]! } : { bare: name };
}

/** Optimal-string-alignment distance (insert, delete, substitute, swap two neighbours), cut off above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

const allowedFor = (length: number) => (length >= 15 ? 2 : 1);
const byKey = new Map(POPULAR_PACKAGES.map((p) => [packageKey(p.ecosystem, p.name), p]));
const siblings = new Set(POPULAR_PACKAGES.flatMap((p) => (p.alsoPublished ?? []).map((n) => packageKey(p.ecosystem, n))));
const cache = new Map<string, Lookalike | undefined>();

/** Package names several owners use under their own scopes (`@heroku/mcp-server`, `@sentry/mcp-server`): no scope is the original. */
const GENERIC_BARE = (() => {
  const scopes = new Map<string, Set<string>>();
  for (const p of POPULAR_PACKAGES) {
    const { scope, bare } = scopeOf(p.name);
    scopes.set(bare, (scopes.get(bare) ?? new Set()).add(scope ?? ''));
  }
  return new Set(
    [...scopes]
      .filter(([, s]) => s.size > 1)
      .map(([bare]) => bare)
      .concat(['mcp', 'server', 'mcp-server']),
  );
})();

function find(ecosystem: AdvisoryEcosystem, name: string): Lookalike | undefined {
  const key = packageKey(ecosystem, name);
  if (byKey.has(key) || siblings.has(key)) return undefined;
  const normal = key.slice(ecosystem.length + 1);
  const own = scopeOf(normal);
  let best: Lookalike | undefined;
  for (const popular of POPULAR_PACKAGES) {
    if (popular.ecosystem !== ecosystem) continue;
    const target = packageKey(ecosystem, popular.name).slice(ecosystem.length + 1);
    const other = scopeOf(target);
    // Under the popular package's own scope only its owner can publish: a sibling, not a lookalike.
    if (own.scope !== undefined && own.scope === other.scope) continue;
    if (target.length >= MIN_LENGTH && normal.length >= MIN_LENGTH) {
      const max = allowedFor(target.length);
      const distance = editDistance(normal, target, max);
      if (distance <= max) {
        if (!best || best.how === 'scope' || distance < best.distance) best = { popular, how: 'typo', distance };
        continue;
      }
    }
    if (!best && own.bare === other.bare && own.scope !== other.scope && other.bare.length >= MIN_LENGTH && !GENERIC_BARE.has(other.bare))
      best = { popular, how: 'scope', distance: 0 };
  }
  return best;
}

/** The popular MCP server package this name imitates, if any (cached per name). */
export function lookalikeOf(ecosystem: AdvisoryEcosystem, name: string): Lookalike | undefined {
  const key = `${ecosystem}:${name}`;
  if (!cache.has(key)) cache.set(key, find(ecosystem, name));
  return cache.get(key);
}
