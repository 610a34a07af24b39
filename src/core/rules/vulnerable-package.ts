import { exactVersionOf, launchedPackages, type VulnerablePackageData } from '../advisories/configPackages';
import { advisoriesAffecting, advisoriesOfPackage, firstSafeVersion, primaryIds, type AdvisoryMatch } from '../advisories/lookup';
import { tokenFileRange } from '../launch/literal';
import type { Severity } from '../model/finding';
import type { Rule } from './rule';
import { nounFor } from '../text/plural';
import { disabledBy } from '../config/disabledBy';

function describeOne({ advisory, range }: AdvisoryMatch): string {
  const [first, ...rest] = primaryIds(advisory);
  const notes = [...rest, ...(advisory.severity === 'unknown' ? [] : [advisory.severity]), ...(range.fixed ? [`fixed in ${range.fixed}`] : [])];
  return `${first}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}: ${advisory.summary}`;
}

/** The first id of up to three advisories, and how many more: the Problems row stays short. */
function listIds(matches: readonly AdvisoryMatch[]): string {
  const ids = matches.map((m) => primaryIds(m.advisory)[0]!);
  return ids.length > 3 ? `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more` : ids.join(', ');
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
      if (advisoriesOfPackage(ref.ecosystem, ref.name).length === 0) continue;
      const version = exactVersionOf(ref);
      if (!version) continue;
      const matches = advisoriesAffecting(ref.ecosystem, ref.name, version).filter((m) => m.advisory.kind === 'vulnerability');
      if (matches.length === 0) continue;
      const fixedVersion = firstSafeVersion(ref.ecosystem, ref.name, version);
      const ids = matches.map((m) => m.advisory.id);
      const cves = matches.flatMap((m) => m.advisory.aliases.filter((a) => a.startsWith('CVE-')));
      const data: VulnerablePackageData = {
        kind: 'vulnerable-package',
        serverPath: server.path,
        packageIndex,
        ecosystem: ref.ecosystem,
        name: ref.name,
        version,
        advisories: ids,
        cves,
      };
      if (fixedVersion) data.fixedVersion = fixedVersion;
      const what = matches.length === 1 ? 'a published advisory' : `${matches.length} published ${nounFor(matches.length, 'advisory')}`;
      const off = disabledBy(server, file, context.project);
      // Shorter advice for a disabled server, so that the setting that disables it fits in the message.
      const move = fixedVersion
        ? off
          ? `Fixed in ${fixedVersion}.`
          : `First fixed version: ${fixedVersion}; move to it or later.`
        : 'No fixed release is known; replace or remove the server.';
      const disabled = off ? ` Disabled (${off}): enabling it runs this version.` : '';
      context.report({
        server,
        range: tokenFileRange(file.text, ref.token, ref.specStart, ref.specEnd),
        path: ref.token.field.path,
        message: `${ref.name} ${version} is covered by ${what} (${listIds(matches)}). ${move}${disabled}`,
        // Each advisory's ids, severity, fixed version and summary: the detail under the Problems row.
        related: matches.map((m) => ({ file, range: tokenFileRange(file.text, ref.token, ref.specStart, ref.specEnd), message: describeOne(m) })),
        severity: severityOf(matches, off !== undefined),
        data,
      });
    }
  },
};
