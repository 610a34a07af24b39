import { duplicateServerName } from './duplicate-server-name';
import { invalidServerEntry } from './invalid-server-entry';
import { misplacedServersKey } from './misplaced-servers-key';
import { parseError } from './parse-error';
import type { Rule } from './rule';
import { unknownConfigFormat } from './unknown-config-format';
import { unreadableFile } from './unreadable-file';

/** Every rule, sorted by id. A test checks that each file in this folder is registered and documented. */
export const ALL_RULES: readonly Rule[] = [
  duplicateServerName,
  invalidServerEntry,
  misplacedServersKey,
  parseError,
  unknownConfigFormat,
  unreadableFile,
];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
