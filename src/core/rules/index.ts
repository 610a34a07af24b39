import { autoApprove } from './auto-approve';
import { dockerPrivileged } from './docker-privileged';
import { duplicateServerName } from './duplicate-server-name';
import { filesystemRoot } from './filesystem-root';
import { insecureTransport } from './insecure-transport';
import { invalidServerEntry } from './invalid-server-entry';
import { listenAllInterfaces } from './listen-all-interfaces';
import { maliciousPackage } from './malicious-package';
import { misplacedServersKey } from './misplaced-servers-key';
import { packageNameLookalike } from './package-name-lookalike';
import { parseError } from './parse-error';
import { plaintextSecret } from './plaintext-secret';
import { shellWrapper } from './shell-wrapper';
import { toxicFlow } from './toxic-flow';
import { unapprovedServer } from './unapproved-server';
import { unknownConfigFormat } from './unknown-config-format';
import { unpinnedPackage } from './unpinned-package';
import { unreadableFile } from './unreadable-file';
import { vulnerablePackage } from './vulnerable-package';
import { workspaceExecutable } from './workspace-executable';
import type { Rule } from './rule';

/** Every rule, sorted by id. A test checks that each file in this folder is registered and documented. */
export const ALL_RULES: readonly Rule[] = [
  autoApprove,
  dockerPrivileged,
  duplicateServerName,
  filesystemRoot,
  insecureTransport,
  invalidServerEntry,
  listenAllInterfaces,
  maliciousPackage,
  misplacedServersKey,
  packageNameLookalike,
  parseError,
  plaintextSecret,
  shellWrapper,
  toxicFlow,
  unapprovedServer,
  unknownConfigFormat,
  unpinnedPackage,
  unreadableFile,
  vulnerablePackage,
  workspaceExecutable,
];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
