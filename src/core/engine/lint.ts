import type { ConfigFile } from '../model/configFile';
import { nodeRange, pathOf } from '../model/docNode';
import type { Finding, Fix, Severity } from '../model/finding';
import { ALL_RULES } from '../rules/index';
import type { Report, Rule } from '../rules/rule';
import { isSuppressed, readDirectives } from './directives';
import type { Project } from './project';
import { DEFAULT_SETTINGS, isIgnored, type WardenSettings } from './settings';

export interface LintOptions {
  settings?: WardenSettings;
  rules?: readonly Rule[];
}

/** Lints one file of the project. Findings are sorted by position. */
export function lintFile(file: ConfigFile, project: Project, options: LintOptions = {}): Finding[] {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const rules = options.rules ?? ALL_RULES;
  const directives = readDirectives(file.text, file.format, file.lines);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const configured = settings.rules[rule.meta.id];
    if (configured === 'off') continue;
    const report = (r: Report) => {
      const finding = toFinding(file, rule, r, configured ?? r.severity ?? rule.meta.defaultSeverity);
      if (isSuppressed(directives, rule.meta.id, finding.start.line)) return;
      if (settings.ignore.length > 0 && isIgnored(settings, file.path, rule.meta.id, finding.server)) return;
      findings.push(finding);
    };
    rule.check(file, { project, settings, report });
  }
  return findings.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
}

/** Lints every file of the project. */
export function lintProject(project: Project, options: LintOptions = {}): { file: ConfigFile; findings: Finding[] }[] {
  return project.files.map((file) => ({ file, findings: lintFile(file, project, options) }));
}

function toFinding(file: ConfigFile, rule: Rule, r: Report, severity: Severity): Finding {
  const range = r.range ?? (r.node ? nodeRange(r.node) : r.server ? nodeRange(r.server.nameNode) : { start: 0, end: 0 });
  const path = r.path ?? (r.node ? pathOf(r.node) : r.server ? r.server.path : []);
  const finding: Finding = {
    ruleId: rule.meta.id,
    severity,
    category: rule.meta.category,
    message: r.message,
    file: file.path,
    range,
    start: file.lines.position(range.start),
    end: file.lines.position(range.end),
    path,
    fixes: Array.isArray(r.fixes) ? r.fixes : [],
    related: (r.related ?? []).map((rel) => ({
      file: rel.file.path,
      range: rel.range,
      start: rel.file.lines.position(rel.range.start),
      end: rel.file.lines.position(rel.range.end),
      message: rel.message,
    })),
  };
  if (r.server) finding.server = r.server.name;
  if (r.data !== undefined) finding.data = r.data;
  if (typeof r.fixes === 'function') deferFixes(finding, r.fixes);
  return finding;
}

/** `finding.fixes` computed on first read, then kept (an ordinary, enumerable property for every reader). */
function deferFixes(finding: Finding, compute: () => Fix[]): void {
  let fixes: Fix[] | undefined;
  Object.defineProperty(finding, 'fixes', {
    enumerable: true,
    configurable: true,
    get: () => (fixes ??= compute()),
    set: (value: Fix[]) => void (fixes = value),
  });
}
