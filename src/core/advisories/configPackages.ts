import { launchOf } from '../launch/parse';
import type { LaunchSpec, PackageRef } from '../launch/types';
import type { ConfigFile } from '../model/configFile';
import type { JsonPath } from '../model/docNode';
import type { ServerEntry } from '../model/server';
import type { AdvisoryEcosystem } from './types';

/** A package a server launches from npm or PyPI, the ecosystems the advisory snapshot covers. */
export interface LaunchedPackage {
  server: ServerEntry;
  launch: LaunchSpec;
  ref: PackageRef & { ecosystem: AdvisoryEcosystem };
  packageIndex: number;
}

/** The packages a file's servers launch, in server order; made once per file (three rules read them). */
export function launchedPackages(file: ConfigFile): readonly LaunchedPackage[] {
  const known = launched.get(file);
  if (known) return known;
  const out: LaunchedPackage[] = [];
  for (const server of file.servers) {
    const launch = launchOf(server);
    if (!launch) continue;
    for (let packageIndex = 0; packageIndex < launch.packages.length; packageIndex++) {
      const ref = launch.packages[packageIndex]!;
      if (ref.ecosystem === 'npm' || ref.ecosystem === 'pypi') out.push({ server, launch, ref: ref as LaunchedPackage['ref'], packageIndex });
    }
  }
  launched.set(file, out);
  return out;
}

const launched = new WeakMap<ConfigFile, readonly LaunchedPackage[]>();

/** The exact version a reference names (`x@1.2.3`, `x==1.2.3`), or undefined for anything looser. */
export function exactVersionOf(ref: PackageRef): string | undefined {
  return ref.pin === 'exact' && ref.version ? ref.version.replace(/^[=v]+/, '') : undefined;
}

/** `Finding.data` of `vulnerable-package`: where the package is, and what to move it to. */
export interface VulnerablePackageData {
  kind: 'vulnerable-package';
  serverPath: JsonPath;
  /** Index in the server's `LaunchSpec.packages`. */
  packageIndex: number;
  ecosystem: AdvisoryEcosystem;
  name: string;
  version: string;
  /** Record ids (`GHSA-…`) of the advisories that cover this version. */
  advisories: string[];
  /** CVE ids among their aliases. */
  cves: string[];
  /** The lowest release the snapshot says is fixed for all of them; undefined when none is known. */
  fixedVersion?: string;
}

export function isVulnerableData(data: unknown): data is VulnerablePackageData {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as VulnerablePackageData).kind === 'vulnerable-package' &&
    Array.isArray((data as VulnerablePackageData).serverPath)
  );
}

/** The package a `vulnerable-package` finding is about, read again from the file (undefined if it has changed since). */
export function vulnerableRefOf(file: ConfigFile, data: VulnerablePackageData): PackageRef | undefined {
  const server = file.servers.find((s) => s.path.length === data.serverPath.length && s.path.every((p, i) => p === data.serverPath[i]));
  const ref = server ? launchOf(server)?.packages[data.packageIndex] : undefined;
  return ref && ref.name === data.name && exactVersionOf(ref) === data.version ? ref : undefined;
}
