import { isUnpinnedData } from '../launch/pin';
import type { Finding, Fix } from '../model/finding';
import { findRule } from '../rules/index';

/**
 * Fix accountability, as in ESLint: a rule with `meta.fixable` offers safe, local edits that
 * `scan --fix` and `source.fixAll.mcpWarden` apply on their own; a rule with `meta.hasSuggestions`
 * offers edits that change what runs (disable a server, restrict its tools), applied only when a
 * person picks them. Every finding with fixes marks one as preferred.
 */

/** The fix to apply for a finding: its preferred one. */
export function preferredFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((f) => f.preferred);
}

/** A fix `--fix` can apply without a person: the preferred fix of a fixable rule. */
export function automaticFix(finding: Finding): Fix | undefined {
  return findRule(finding.ruleId)?.meta.fixable ? preferredFix(finding) : undefined;
}

/** `--fix` can fix this finding: an automatic fix now, or a pin a registry can resolve. */
export function isFixable(finding: Finding): boolean {
  if (automaticFix(finding)) return true;
  return findRule(finding.ruleId)?.meta.fixable === true && isUnpinnedData(finding.data) && finding.data.request !== undefined;
}
