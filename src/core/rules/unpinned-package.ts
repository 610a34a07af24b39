import { openAdvisories } from '../advisories/lookup';
import { tokenFileRange } from '../launch/literal';
import { launchOf } from '../launch/parse';
import { pinRequestOf, type UnpinnedPackageData } from '../launch/pin';
import { RUNNER_LABEL } from '../launch/runnerNames';
import { PINNED_STATES, type LaunchSpec, type PackageRef } from '../launch/types';
import { disabledBy } from '../config/disabledBy';
import { guessedServers } from '../config/guessServers';
import type { Rule } from './rule';
import { CLIENTS } from '../config/clients';

const REGISTRY: Record<PackageRef['ecosystem'], string> = {
  npm: 'the npm registry',
  pypi: 'PyPI',
  jsr: 'JSR',
  go: 'the Go module proxy',
  oci: 'the image registry',
  git: 'the repository',
};

function describe(ref: PackageRef, launch: LaunchSpec, brief: boolean): string {
  const fetchedBy = ref.runner ?? launch.runner;
  const runner = fetchedBy ? RUNNER_LABEL[fetchedBy] : 'the client';
  const spec = `"${ref.spec}"`;
  const served = `whatever ${REGISTRY[ref.ecosystem]} serves`;
  if (ref.ecosystem === 'oci') {
    if (ref.pin === 'tag')
      return `Image ${spec} is pinned by tag only: a tag can be pushed again with different content. Add its digest (@sha256:…) to run exactly the image you reviewed.`;
    const what = ref.pin === 'none' ? 'has no tag, so' : 'uses the `latest` tag:';
    return `Image ${spec} ${what} ${runner} runs whichever image \`latest\` points to when it pulls. Pin it by digest (@sha256:…).`;
  }
  if (ref.ecosystem === 'git') {
    if (ref.pin === 'none') return `Git source ${spec} names no commit: each install runs whatever its default branch holds then. Pin a full commit id.`;
    return `Git source ${spec} follows the ref "${ref.version}", which can be moved to other code. Pin a full commit id.`;
  }
  const pinHow = ref.ecosystem === 'pypi' ? 'an exact version (`==x.y.z`)' : 'an exact version';
  switch (ref.pin) {
    case 'none':
      return brief
        ? `${spec} has no version (${runner} runs the newest release). Pin ${pinHow}.`
        : `${spec} has no version: ${runner} runs ${served} as newest at each start, with your credentials. Pin ${pinHow}.`;
    case 'latest':
      return brief
        ? `${spec} asks for \`latest\` (${runner} runs the newest release). Pin ${pinHow}.`
        : `${spec} asks for the latest release: ${runner} runs ${served} as newest each time the server starts. Pin ${pinHow}.`;
    case 'tag':
      return ref.ecosystem === 'go'
        ? `${spec} builds the branch or tag "${ref.version}", which can move to other code. Pin a released version (vX.Y.Z).`
        : `${spec} follows the dist-tag "${ref.version}", which the publisher can point at any release. Pin ${pinHow}.`;
    default:
      return `${spec} is a version range ("${ref.version}"): any new release that matches it runs without review. Pin ${pinHow}.`;
  }
}

/** An unpinned launch fetches the newest release: say so when an advisory without a fix covers it. */
function openAdvisoryNote(ref: PackageRef): string {
  if (ref.ecosystem !== 'npm' && ref.ecosystem !== 'pypi') return '';
  const open = openAdvisories(ref.ecosystem, ref.name);
  if (open.length === 0) return '';
  return ` Newest: ${open.map((m) => `${m.advisory.id} (${m.advisory.kind === 'malicious' ? 'malicious' : m.advisory.severity})`).join(', ')}, unfixed.`;
}

/**
 * A launch that downloads a package, image or module without naming one exact artifact: no version,
 * `latest`, a dist-tag or branch, a version range, an image tag without digest, a git source without
 * a commit. Whatever the registry serves next runs with the user's credentials.
 */
export const unpinnedPackage: Rule = {
  meta: {
    id: 'unpinned-package',
    category: 'supply-chain',
    defaultSeverity: 'warning',
    description: 'A server is launched from a package, image or git source without an exact version, digest or commit.',
    fixable: true,
  },
  check(file, context) {
    const guessed = guessedServers(file);
    for (const server of [...file.servers, ...guessed]) {
      const off = disabledBy(server, file, context.project);
      // A known client never starts an entry outside its keys: context worth knowing, not a warning.
      const notLoaded = guessed.includes(server) && file.client !== undefined && file.client !== 'generic';
      const notes = [
        off && ` Disabled (${off}): enabling it runs this.`,
        guessed.includes(server) &&
          (notLoaded
            ? ` (${CLIENTS[file.client!].name} does not load this entry, which is outside its keys: launch checked only.)`
            : ' (Unknown layout: launch checked only.)'),
      ]
        .filter(Boolean)
        .join('');
      const launch = launchOf(server);
      launch?.packages.forEach((ref, packageIndex) => {
        if (PINNED_STATES.has(ref.pin)) return;
        const data: UnpinnedPackageData = {
          kind: 'unpinned-package',
          serverPath: server.path,
          packageIndex,
          ecosystem: ref.ecosystem,
          name: ref.name,
          pin: ref.pin,
        };
        const request = pinRequestOf(ref);
        if (request) data.request = request;
        context.report({
          server,
          range: tokenFileRange(file.text, ref.token, ref.specStart, ref.specEnd),
          path: ref.token.field.path,
          message: describe(ref, launch, notes !== '') + openAdvisoryNote(ref) + notes,
          data,
          ...((ref.ecosystem === 'oci' && ref.pin === 'tag') || off || notLoaded ? { severity: 'info' as const } : {}),
        });
      });
    }
  },
};
