import { vulnerableRefOf, type VulnerablePackageData } from '../../core/advisories/configPackages';
import { advisoriesAffecting } from '../../core/advisories/lookup';
import { pinRequestOf, type PinRequest } from '../../core/launch/pin';
import type { ConfigFile } from '../../core/model/configFile';
import { RegistryError } from '../registry/errors';
import type { ResolvedPin } from '../registry/resolve';

export type PinResolver = (request: PinRequest) => Promise<ResolvedPin>;

/**
 * The release a `vulnerable-package` finding should move to, as the registry has it: the first fixed
 * version when it was published, else the newest release at or above it. Throws when the package
 * is no longer in the file, no fixed version is known, or what the registry offers is still covered.
 */
export async function resolveFixedVersion(file: ConfigFile, data: VulnerablePackageData, resolve: PinResolver): Promise<ResolvedPin> {
  const ref = vulnerableRefOf(file, data);
  const base = ref ? pinRequestOf(ref) : undefined;
  if (!ref || !base) throw new RegistryError('no-match', `${data.name} ${data.version} is no longer in the file`);
  if (!data.fixedVersion) throw new RegistryError('no-match', `no fixed release of ${data.name} is known`);
  const exact = data.ecosystem === 'pypi' ? `==${data.fixedVersion}` : data.fixedVersion;
  let resolved: ResolvedPin;
  try {
    resolved = await resolve({ ...base, wanted: exact });
  } catch (e) {
    if (!(e instanceof RegistryError) || e.kind !== 'no-match') throw e;
    resolved = await resolve({ ...base, wanted: `>=${data.fixedVersion}` });
  }
  const still = advisoriesAffecting(data.ecosystem, data.name, resolved.version);
  if (still.length > 0)
    throw new RegistryError('no-match', `${data.name} ${resolved.version} from the registry is still covered by ${still.map((m) => m.advisory.id).join(', ')}`);
  return resolved;
}
