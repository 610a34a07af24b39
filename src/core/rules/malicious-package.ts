import { exactVersionOf, launchedPackages } from '../advisories/configPackages';
import { advisoriesAffecting, advisoriesOfPackage } from '../advisories/lookup';
import type { Advisory, AffectedRange } from '../advisories/types';
import { tokenFileRange } from '../launch/literal';
import type { JsonPath } from '../model/docNode';
import type { Rule } from './rule';
import { disabledBy } from '../config/disabledBy';

/** `Finding.data` of `malicious-package`. */
export interface MaliciousPackageData {
  kind: 'malicious-package';
  serverPath: JsonPath;
  ecosystem: 'npm' | 'pypi';
  name: string;
  /** The exact version launched; undefined when the launch is not pinned. */
  version?: string;
  advisories: string[];
}

function versionsSaid(ranges: readonly AffectedRange[]): string {
  const said = ranges.map((r) => {
    if (r.introduced === '0' && r.fixed === undefined && r.lastAffected === undefined) return 'every version';
    if (r.lastAffected === r.introduced) return `version ${r.introduced}`;
    const from = r.introduced === '0' ? '' : `from ${r.introduced}`;
    const to = r.fixed ? `before ${r.fixed}` : r.lastAffected ? `up to ${r.lastAffected}` : 'on';
    return `versions ${[from, to].filter(Boolean).join(' ')}`;
  });
  return said.join(' and ');
}

const idsOf = (advisories: readonly Advisory[]) => advisories.map((a) => a.id);

/**
 * A launch of a package, or of a release of it, that is recorded as malicious (OSV `MAL-` records,
 * GitHub malware advisories). Pinned: when that exact release is covered. Not pinned: when the
 * newest release is, because that is what the runner fetches.
 */
export const maliciousPackage: Rule = {
  meta: {
    id: 'malicious-package',
    category: 'supply-chain',
    defaultSeverity: 'error',
    description: 'A server is launched from a package or release recorded as malicious.',
  },
  check(file, context) {
    for (const { server, ref } of launchedPackages(file)) {
      if (advisoriesOfPackage(ref.ecosystem, ref.name).length === 0) continue;
      const version = exactVersionOf(ref);
      let advisories: Advisory[];
      let ranges: AffectedRange[];
      if (version) {
        const matches = advisoriesAffecting(ref.ecosystem, ref.name, version).filter((m) => m.advisory.kind === 'malicious');
        advisories = matches.map((m) => m.advisory);
        ranges = matches.map((m) => m.range);
      } else {
        const open = advisoriesOfPackage(ref.ecosystem, ref.name).filter(
          (e) => e.advisory.kind === 'malicious' && e.ranges.some((r) => r.fixed === undefined && r.lastAffected === undefined),
        );
        advisories = open.map((e) => e.advisory);
        ranges = open.flatMap((e) => e.ranges);
      }
      if (advisories.length === 0) continue;
      const off = disabledBy(server, file, context.project);
      const ids = idsOf(advisories);
      const data: MaliciousPackageData = {
        kind: 'malicious-package',
        serverPath: server.path,
        ecosystem: ref.ecosystem,
        name: ref.name,
        advisories: ids,
        ...(version ? { version } : {}),
      };
      const subject = version ? `${ref.name} ${version} is` : `"${ref.spec}" is not pinned and the newest releases of ${ref.name} are`;
      const details = advisories
        .map((a) => a.summary)
        .filter(Boolean)
        .join('; ');
      context.report({
        server,
        range: tokenFileRange(file.text, ref.token, ref.specStart, ref.specEnd),
        path: ref.token.field.path,
        message: `${subject} recorded as malicious (${ids.join(', ')}, ${versionsSaid(ranges)}). ${off ? `Disabled (${off}): remove it, do not enable it.` : 'Remove it and rotate the credentials it was given.'}`,
        // What the records say: the detail under the Problems row.
        ...(details ? { related: [{ file, range: tokenFileRange(file.text, ref.token, ref.specStart, ref.specEnd), message: details }] } : {}),
        ...(off ? { severity: 'warning' as const } : {}),
        data,
      });
    }
  },
};
