import type { ConfigFile } from '../model/configFile';
import type { DocNode, JsonPath, TextRange } from '../model/docNode';
import type { Fix, RuleCategory, Severity } from '../model/finding';
import type { ServerEntry } from '../model/server';
import type { WardenSettings } from '../engine/settings';
import type { Project } from '../engine/project';

export interface RuleMeta {
  /** Kebab-case, equal to the rule's file name and its doc page `docs/rules/<id>.md`. */
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** One line for listings and SARIF `shortDescription`. */
  description: string;
  /**
   * The rule's fixes are safe, local edits: `scan --fix` and `source.fixAll.mcpWarden` apply each
   * finding's preferred fix on their own (pins resolved from a registry count too). The rule tester
   * fails a rule that returns a fix without declaring `fixable` or `hasSuggestions`.
   */
  fixable?: boolean;
  /** The rule's fixes change what runs (disable a server, restrict its tools): offered, applied only when a person picks one. */
  hasSuggestions?: boolean;
}

export interface RelatedReport {
  file: ConfigFile;
  range: TextRange;
  message: string;
}

export interface Report {
  /** Where: a node, or an explicit range. */
  node?: DocNode;
  range?: TextRange;
  message: string;
  server?: ServerEntry;
  /** Defaults to the path of `node`, or of the server. */
  path?: JsonPath;
  /** The fixes, or a function that computes them when a fix is first asked for (costly checks stay out of the lint). */
  fixes?: Fix[] | (() => Fix[]);
  related?: RelatedReport[];
  /** A finding-specific severity (e.g. a lower one for a weaker signal); settings still override. */
  severity?: Severity;
  /** Copied to `Finding.data`: JSON-serializable facts for tools that act on the finding. */
  data?: unknown;
}

export interface RuleContext {
  readonly project: Project;
  readonly settings: WardenSettings;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(file: ConfigFile, context: RuleContext): void;
}

export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
