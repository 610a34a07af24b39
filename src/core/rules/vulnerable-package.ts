import { exactVersionOf, launchedPackages, type VulnerablePackageData } from '../advisories/configPackages';
import { advisoriesAffecting, firstSafeVersion, primaryIds, type AdvisoryMatch } from '../advisories/lookup';
import { tokenFileRange } from '../launch/literal';
import type { Severity } from '../model/finding';
import type { Rule } from './rule';

function describeOne({ advisory, range }: AdvisoryMatch): string {
  const [first, ...rest] = primaryIds(advisory);
  const notes = [...rest, ...(advisory.severity === 'unknown' ? [] : [advisory.severity]), ...(range.fixed ? [`fixed in ${range.fixed}`] : [])];
  return `${first}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}: ${advisory.summary}`;
}

function severityOf(matches: readonly AdvisoryMatch[], disabled: boolean): Severity {
  const worst: Severity = matches.some((m) => m.advisory.severity === 'critical') ? 'error' : 'warning';
  if (!disabled) return worst;
  return worst === 'error' ? 'warning' : 'info';
}

/**
 * A launch pinned to an npm or PyPI release that a published advisory covers (GitHub Advisory
 * Database / OSV records for MCP servers and SDKs, read from the snapshot that ships with MCP Warden).
 */
export const vulnerablePackage: Rule = {
  meta: {
    id: 'vulnerable-package',
    category: 'supply-chain',
    defaultSeverity: 'warning',
    description: 'A server is launched from a package version that a published security advisory covers.',
    fixable: true,
  },
  check(file, context) {
    for (const { server, ref, packageIndex } of launchedPackages(file)) {
      const version = exactVersionOf(ref);
      if (!version) continue;
      const matches = advisoriesAffecting(ref.ecosystem, ref.name, version).filter((m) => m.advisory.kind === 'vulnerability');
      if (matches.length === 0) continue;
      const fixedVersion = firstSafeVersion(ref.ecosystem, ref.name, version);
      const ids = matches.map((m) => m.advisory.id);
      const cves = matches.flatMap((m) => m.advisory.aliases.filter((a) => a.startsWith('CVE-')));
      const data: VulnerablePackageData = { kind: 'vulnerable-package', serverPath: server.path, packageIndex, ecosystem: ref.ecosystem, name: ref.name, version, advisories: ids, cves };
      if (fixedVersion) data.fixedVersion = fixedVersion;
      const what = matches.length === 1 ? 'a published advisory' : `${matches.length} published advisories`;
      const move = fixedVersion ? `First fixed version: ${fixedVersion}; move to it or later.` : 'No fixed release is known; replace or remove the server.';
      const disabled = server.disabled ? ' The server is disabled now; enabling it runs this version.' : '';
      context.report({
        server,
        range: tokenFileRange(file.text, ref.token, ref.specStart, ref.specEnd),
        path: ref.token.field.path,
        message: `${ref.name} ${version} is covered by ${what}: ${matches.map(describeOne).join('; ')}. ${move}${disabled}`,
        severity: severityOf(matches, server.disabled),
        data,
      });
    }
  },
};
