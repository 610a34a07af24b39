import type { ConfigFile } from '../model/configFile';
import type { JsonPath } from '../model/docNode';
import type { Finding, TextEdit } from '../model/finding';
import type { ServerEntry } from '../model/server';
import { replaceInField } from './literal';
import { parseLaunch } from './parse';
import { isExactVersion } from './semver';
import { PINNED_STATES, type PackageRef } from './types';
import { valueRange } from './words';

/** What to ask a registry for to pin a package: an exact version (npm, PyPI, JSR, Go) or a digest (images). */
export interface PinRequest {
  ecosystem: 'npm' | 'pypi' | 'oci' | 'jsr' | 'go';
  /** Package name, image repository as written (`mcp/fetch`, `ghcr.io/o/x`), or Go package path. */
  name: string;
  /** What the config asks for now (a range, dist-tag or image tag); undefined means the newest release. */
  wanted?: string;
  /** A registry or index named on the command line itself; it overrides configured registries. */
  registry?: string;
}

/** `Finding.data` of `unpinned-package`: where the package is and what would pin it. */
export interface UnpinnedPackageData {
  kind: 'unpinned-package';
  serverPath: JsonPath;
  /** Index in the server's `LaunchSpec.packages`. */
  packageIndex: number;
  ecosystem: PackageRef['ecosystem'];
  name: string;
  pin: PackageRef['pin'];
  /** Undefined where no registry can pin it (git sources: pin to a commit by hand). */
  request?: PinRequest;
}

export function pinRequestOf(ref: PackageRef): PinRequest | undefined {
  if (ref.ecosystem === 'git') return undefined;
  const request: PinRequest = { ecosystem: ref.ecosystem, name: ref.name };
  const wanted = ref.ecosystem === 'oci' ? ref.version : ref.pin === 'none' || ref.pin === 'latest' ? undefined : ref.version;
  if (wanted !== undefined && wanted !== '') request.wanted = wanted;
  if (ref.registry !== undefined) request.registry = ref.registry;
  return request;
}

export function isUnpinnedData(data: unknown): data is UnpinnedPackageData {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as UnpinnedPackageData).kind === 'unpinned-package' &&
    Array.isArray((data as UnpinnedPackageData).serverPath)
  );
}

/** The package an `unpinned-package` finding is about, read again from the file (undefined if it has changed). */
export function packageOfFinding(file: ConfigFile, finding: Finding): PackageRef | undefined {
  if (!isUnpinnedData(finding.data)) return undefined;
  const data = finding.data;
  const server = serverOfFinding(file, data.serverPath, finding);
  const ref = server ? parseLaunch(server)?.packages[data.packageIndex] : undefined;
  return ref && ref.name === data.name && !PINNED_STATES.has(ref.pin) ? ref : undefined;
}

/**
 * The entry a finding is about. A name defined twice in one map gives two entries with one path:
 * the one whose text holds the finding, else the last one, which is the one the client uses.
 */
function serverOfFinding(file: ConfigFile, path: JsonPath, finding: Finding): ServerEntry | undefined {
  const same = file.servers.filter((s) => s.path.length === path.length && s.path.every((p, i) => p === path[i]));
  if (same.length <= 1) return same[0];
  const holding = same.find((s) => s.node.offset <= finding.range.start && finding.range.end <= s.node.offset + s.node.length);
  return holding ?? same[same.length - 1];
}

/** What a registry must resolve to fix an `unpinned-package` finding; undefined when nothing can. */
export function pinRequestFor(file: ConfigFile, finding: Finding): PinRequest | undefined {
  const ref = packageOfFinding(file, finding);
  return ref ? pinRequestOf(ref) : undefined;
}

const VALID: Record<PinRequest['ecosystem'] | 'git', RegExp> = {
  npm: /^\S+$/,
  jsr: /^\S+$/,
  pypi: /^[0-9][A-Za-z0-9.+!_-]{0,63}$/,
  go: /^v\d+\.\d+\.\d+(?:-[\w.-]+)?(?:\+incompatible)?$/,
  oci: /^sha(?:256:[0-9a-f]{64}|512:[0-9a-f]{128})$/,
  git: /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/,
};

/** The reference as it reads once pinned, e.g. `@scope/x@1.4.2`, `mcp-server-git==0.6.2`, `mcp/fetch:latest@sha256:…`. */
export function pinnedSpec(ref: PackageRef, exact: string): string {
  const local = (i: number) => i - ref.specStart;
  return ref.spec.slice(0, local(ref.pinStart)) + ref.pinPrefix + exact + ref.spec.slice(local(ref.pinEnd));
}

/**
 * The edits that write an exact version (or image digest, or git commit) into the config, in the
 * file's own quoting. `target` is an `unpinned-package` finding on this file or a package from
 * `parseLaunch`. Throws on a version that is not exact for its ecosystem; returns [] when the
 * package can no longer be found or its string cannot be edited safely.
 */
export function pinEdit(file: ConfigFile, target: Finding | PackageRef, exactVersion: string): TextEdit[] {
  const ref = 'token' in target ? target : packageOfFinding(file, target);
  if (!ref) return [];
  const ok = VALID[ref.ecosystem].test(exactVersion) && (ref.ecosystem === 'npm' || ref.ecosystem === 'jsr' ? isExactVersion(exactVersion) : true);
  if (!ok)
    throw new Error(
      `"${exactVersion}" is not an exact ${ref.ecosystem === 'oci' ? 'image digest' : ref.ecosystem === 'git' ? 'commit id' : 'version'} for ${ref.name}`,
    );
  const range = valueRange(ref.token, ref.pinStart, ref.pinEnd);
  if (!range) return [];
  const edit = replaceInField(file.text, ref.token.field, range.start, range.end, ref.pinPrefix + exactVersion);
  return edit ? [edit] : [];
}
