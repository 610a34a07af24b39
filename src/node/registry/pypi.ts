import { RegistryError } from './errors';
import { getJson, joinUrl, type HttpOptions } from './http';
import { comparePy, isPreRelease, mentionsPreRelease, parsePyVersion, satisfiesPy } from './pep440';

export const PYPI_DEFAULT_URL = 'https://pypi.org';

interface PypiProject {
  info?: { version?: string };
  releases?: Record<string, { yanked?: boolean }[]>;
}

/**
 * The exact version of a PyPI project that `wanted` means today (JSON API `/pypi/<name>/json`):
 * the newest final release when nothing is asked, else the newest non-yanked release matching the
 * specifiers (pre-releases only when the specifiers name one).
 */
export async function resolvePypiVersion(
  name: string,
  wanted: string | undefined,
  baseUrl = PYPI_DEFAULT_URL,
  options: HttpOptions = {},
): Promise<{ version: string; url: string }> {
  const url = joinUrl(baseUrl, `pypi/${encodeURIComponent(name)}/json`);
  const doc = (await getJson(url, `PyPI project ${name}`, options)) as PypiProject;
  const specifiers = wanted?.replace(/^@/, '');
  const releases = Object.entries(doc.releases ?? {}).filter(([, files]) => files.length > 0 && !files.every((f) => f.yanked));
  const allowPre = specifiers !== undefined && mentionsPreRelease(specifiers);
  let best: { text: string; v: NonNullable<ReturnType<typeof parsePyVersion>> } | undefined;
  for (const [text] of releases) {
    const v = parsePyVersion(text);
    if (!v || (isPreRelease(v) && !allowPre)) continue;
    if (specifiers !== undefined) {
      const ok = satisfiesPy(text, specifiers);
      if (ok === undefined) throw new RegistryError('unsupported', `cannot read the version specifiers "${specifiers}"`);
      if (!ok) continue;
    }
    if (!best || comparePy(v, best.v) > 0) best = { text, v };
  }
  if (!best && specifiers === undefined && doc.info?.version) return { version: doc.info.version, url };
  if (!best) throw new RegistryError('no-match', `PyPI project ${name} has no release matching "${specifiers ?? 'latest'}" at ${baseUrl}`);
  return { version: best.text, url };
}
