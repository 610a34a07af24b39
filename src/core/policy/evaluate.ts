import { minimatch } from 'minimatch';
import { parseVersion, satisfies } from '../launch/semver';
import type { PackageRef } from '../launch/types';
import type { ServerEntry } from '../model/server';
import { exactVersionOf, identityOf, imageNames, type ServerIdentity } from './identity';
import type { Policy, PolicyEntry } from './model';

/** Where a server stands against a policy. */
export type Approval =
  | { state: 'approved'; entry: number }
  /** No allow-list and no deny entry matches. */
  | { state: 'not-denied' }
  | { state: 'denied'; entry: number; reason?: string }
  | { state: 'unlisted' }
  /** An allow entry names the server, but not the version it runs (or it runs no exact version). */
  | { state: 'version-not-allowed'; entry: number; allowed: string; version?: string };

const SEP = '\uE000';

/** Globs for names and packages follow minimatch (`*` stays inside one `/` segment); for commands and URLs `/` and `\` are ordinary characters. */
function globMatch(subject: string, pattern: string, flat: boolean): boolean {
  const opts = { dot: true, nocomment: true, nonegate: true };
  if (!flat) return minimatch(subject, pattern, opts);
  const f = (s: string) => s.replace(/[/\\]/g, SEP);
  return minimatch(f(subject), f(pattern), opts);
}

const any = (subjects: readonly string[], patterns: readonly string[] | undefined, flat = false) =>
  patterns === undefined || subjects.some((s) => patterns.some((p) => globMatch(s, p, flat)));

/** The packages or images of the server that this entry names (all of them if it names none). */
function matchedRefs(entry: PolicyEntry, id: ServerIdentity): PackageRef[] | undefined {
  if (!any([id.name], entry.name) || !any([id.client], entry.client)) return undefined;
  if (!any(id.commandLine === undefined ? [] : [id.commandLine], entry.command, true)) return undefined;
  if (!any(id.url === undefined ? [] : [id.url], entry.url, true)) return undefined;
  const refs: PackageRef[] = [];
  if (entry.package) {
    const hits = id.packages.filter((r) => entry.package!.some((p) => globMatch(r.name, p, false)));
    if (hits.length === 0) return undefined;
    refs.push(...hits);
  }
  if (entry.image) {
    const hits = id.images.filter((r) => imageNames(r.name).some((n) => entry.image!.some((p) => globMatch(n, p, false))));
    if (hits.length === 0) return undefined;
    refs.push(...hits);
  }
  return entry.package || entry.image ? refs : [...id.packages, ...id.images];
}

/** An exact version against `versions`: equal as written, or inside a semver range (`v` and `==` ignored). */
export function versionAllowed(version: string, versions: string): boolean {
  const v = version.replace(/^v(?=\d)/, '');
  if (versions.split('||').some((alt) => alt.trim() === version || alt.trim() === v)) return true;
  const coerced = parseVersion(v) ? v : /^\d+(\.\d+)?$/.test(v) ? (v.split('.').length === 1 ? `${v}.0.0` : `${v}.0`) : undefined;
  return coerced !== undefined && satisfies(coerced, versions);
}

function versionsOk(refs: PackageRef[], versions: string): { ok: boolean; version?: string } {
  if (refs.length === 0) return { ok: false };
  for (const ref of refs) {
    const version = exactVersionOf(ref);
    if (version === undefined || !versionAllowed(version, versions)) return version === undefined ? { ok: false } : { ok: false, version };
  }
  return { ok: true };
}

/** Deny entries win; then the first allow entry that names the server and allows its version. */
export function evaluatePolicy(policy: Policy, server: ServerEntry): Approval {
  const id = identityOf(server);
  for (const [i, entry] of policy.deny.entries()) {
    const refs = matchedRefs(entry, id);
    if (!refs) continue;
    if (
      entry.versions !== undefined &&
      !refs.some((r) => {
        const v = exactVersionOf(r);
        return v !== undefined && versionAllowed(v, entry.versions!);
      })
    )
      continue;
    return entry.reason === undefined ? { state: 'denied', entry: i } : { state: 'denied', entry: i, reason: entry.reason };
  }
  if (!policy.allow) return { state: 'not-denied' };
  let versionMiss: Approval | undefined;
  for (const [i, entry] of policy.allow.entries()) {
    const refs = matchedRefs(entry, id);
    if (!refs) continue;
    if (entry.versions === undefined) return { state: 'approved', entry: i };
    const check = versionsOk(refs, entry.versions);
    if (check.ok) return { state: 'approved', entry: i };
    versionMiss ??= { state: 'version-not-allowed', entry: i, allowed: entry.versions, ...(check.version !== undefined ? { version: check.version } : {}) };
  }
  return versionMiss ?? { state: 'unlisted' };
}
