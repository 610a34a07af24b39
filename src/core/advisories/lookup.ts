import { SNAPSHOT } from './data/snapshot';
import type { Advisory, AdvisoryEcosystem, AdvisorySnapshot, AffectedRange } from './types';
import { compareEcosystemVersions } from './versionOrder';

/** An advisory that covers one version, and the range that does. */
export interface AdvisoryMatch {
  advisory: Advisory;
  range: AffectedRange;
}

/** PyPI names compare case-insensitively with `-`, `_` and `.` alike (PEP 503); npm names as written. */
export function packageKey(ecosystem: AdvisoryEcosystem, name: string): string {
  return `${ecosystem}:${ecosystem === 'pypi' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name}`;
}

const indexes = new WeakMap<AdvisorySnapshot, Map<string, { advisory: Advisory; ranges: AffectedRange[] }[]>>();

function indexOf(snapshot: AdvisorySnapshot): Map<string, { advisory: Advisory; ranges: AffectedRange[] }[]> {
  let index = indexes.get(snapshot);
  if (!index) {
    index = new Map();
    for (const advisory of snapshot.advisories) {
      for (const a of advisory.affected) {
        const key = packageKey(a.ecosystem, a.name);
        const list = index.get(key) ?? [];
        list.push({ advisory, ranges: a.ranges });
        index.set(key, list);
      }
    }
    indexes.set(snapshot, index);
  }
  return index;
}

/** True, false, or undefined when the version cannot be compared with the range's bounds. */
export function inRange(ecosystem: AdvisoryEcosystem, version: string, range: AffectedRange): boolean | undefined {
  const cmp = (bound: string) => compareEcosystemVersions(ecosystem, version, bound);
  if (range.introduced !== '0') {
    const lower = cmp(range.introduced);
    if (lower === undefined) return undefined;
    if (lower < 0) return false;
  } else if (compareEcosystemVersions(ecosystem, version, version) === undefined) return undefined;
  if (range.fixed !== undefined) {
    const upper = cmp(range.fixed);
    return upper === undefined ? undefined : upper < 0;
  }
  if (range.lastAffected !== undefined) {
    const upper = cmp(range.lastAffected);
    return upper === undefined ? undefined : upper <= 0;
  }
  return true;
}

/** Every advisory of the snapshot that names this package, whatever the version. */
export function advisoriesOfPackage(
  ecosystem: AdvisoryEcosystem,
  name: string,
  snapshot: AdvisorySnapshot = SNAPSHOT,
): { advisory: Advisory; ranges: AffectedRange[] }[] {
  return indexOf(snapshot).get(packageKey(ecosystem, name)) ?? NO_ENTRIES;
}

/** What a package without advisories has: one shared, frozen list (callers only read it). */
const NO_ENTRIES = Object.freeze([]) as unknown as { advisory: Advisory; ranges: AffectedRange[] }[];

const NO_MATCHES: readonly AdvisoryMatch[] = Object.freeze([]);
const affecting = new WeakMap<AdvisorySnapshot, Map<string, readonly AdvisoryMatch[]>>();
const MAX_REMEMBERED = 4096;

/** The advisories that cover this exact version, in snapshot order (remembered per package and version: hundreds of servers may launch the same one). */
export function advisoriesAffecting(
  ecosystem: AdvisoryEcosystem,
  name: string,
  version: string,
  snapshot: AdvisorySnapshot = SNAPSHOT,
): readonly AdvisoryMatch[] {
  const entries = advisoriesOfPackage(ecosystem, name, snapshot);
  if (entries.length === 0) return NO_MATCHES;
  let known = affecting.get(snapshot);
  if (!known) affecting.set(snapshot, (known = new Map()));
  const key = `${packageKey(ecosystem, name)}@${version}`;
  let out = known.get(key);
  if (!out) {
    const found: AdvisoryMatch[] = [];
    for (const { advisory, ranges } of entries) {
      const range = ranges.find((r) => inRange(ecosystem, version, r) === true);
      if (range) found.push({ advisory, range });
    }
    if (known.size >= MAX_REMEMBERED) known.clear();
    known.set(key, (out = found));
  }
  return out;
}

/** Advisories with no fixed release: every version from `introduced` on is covered, the newest included. */
export function openAdvisories(ecosystem: AdvisoryEcosystem, name: string, snapshot: AdvisorySnapshot = SNAPSHOT): AdvisoryMatch[] {
  const out: AdvisoryMatch[] = [];
  for (const { advisory, ranges } of advisoriesOfPackage(ecosystem, name, snapshot)) {
    const range = ranges.find((r) => r.fixed === undefined && r.lastAffected === undefined);
    if (range) out.push({ advisory, range });
  }
  return out;
}

/**
 * The lowest version above `version` that the snapshot's advisories say is fixed and that no advisory
 * of the package covers; undefined when there is none (e.g. a malicious release with no clean successor).
 */
export function firstSafeVersion(ecosystem: AdvisoryEcosystem, name: string, version: string, snapshot: AdvisorySnapshot = SNAPSHOT): string | undefined {
  const entries = advisoriesOfPackage(ecosystem, name, snapshot);
  const candidates = [...new Set(entries.flatMap((e) => e.ranges.map((r) => r.fixed).filter((f): f is string => f !== undefined)))]
    .filter((f) => (compareEcosystemVersions(ecosystem, f, version) ?? 0) > 0)
    .sort((a, b) => compareEcosystemVersions(ecosystem, a, b) ?? 0);
  return candidates.find((c) => entries.every((e) => e.ranges.every((r) => inRange(ecosystem, c, r) === false)));
}

/** The id to show first: the CVE when there is one, then the record's own id. */
export function primaryIds(advisory: Advisory): string[] {
  const cve = advisory.aliases.filter((a) => a.startsWith('CVE-'));
  return [...cve, advisory.id];
}
