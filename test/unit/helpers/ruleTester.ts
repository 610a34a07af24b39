import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText, type LoadOptions } from '../../../src/core/config/load';
import { lintFile } from '../../../src/core/engine/lint';
import { createProject, type Project } from '../../../src/core/engine/project';
import type { WardenSettings } from '../../../src/core/engine/settings';
import type { ConfigFile } from '../../../src/core/model/configFile';
import type { Finding } from '../../../src/core/model/finding';
import type { Rule } from '../../../src/core/rules/rule';
import type { Policy } from '../../../src/core/policy/model';
import { nonOverlappingGroups } from '../../../src/core/policy/applyEdits';
import { messageProblems } from './messageChecks';

/** A config to lint: its path decides the client unless `client` is given. */
export interface Case {
  /** Short label shown in the test name. */
  name?: string;
  path: string;
  text: string;
  client?: LoadOptions['client'];
  /** The file's scope, where its path alone does not say it. */
  scope?: LoadOptions['scope'];
  /** Other files of the same project (for cross-file rules). */
  others?: { path: string; text: string; scope?: LoadOptions['scope'] }[];
  workspaceRoots?: string[];
  /** The editor window, when several folders are open in one (a multi-root workspace). */
  window?: Project['window'];
  settings?: WardenSettings;
  /** The approved-server policy in effect. */
  policy?: Policy;
}

export interface ExpectedFinding {
  /** A substring (or pattern) the message must contain. */
  message?: string | RegExp;
  /** 1-based line of the finding's start. */
  line?: number;
  /** The exact text the finding's range covers. */
  text?: string;
  severity?: Finding['severity'];
  server?: string;
  path?: (string | number)[];
}

export interface InvalidCase extends Case {
  errors: ExpectedFinding[];
  /**
   * The file's text after applying the preferred fix of every finding (whole fixes, the first of
   * overlapping ones, as `--fix` does). Required whenever a finding has a fix; `null` says none has.
   */
  output?: string | null;
}

/** ESLint's accountability: a rule that fixes says so, marks one preferred fix per finding, and its table shows the result. */
export function checkFixes(rule: Rule, findings: readonly Finding[], c: InvalidCase | Case): void {
  const withFixes = findings.filter((f) => f.fixes.length > 0);
  if (withFixes.length === 0) return;
  assert.ok(rule.meta.fixable || rule.meta.hasSuggestions, `${rule.meta.id} returns fixes but its meta declares neither "fixable" nor "hasSuggestions"`);
  for (const f of withFixes)
    assert.equal(f.fixes.filter((x) => x.preferred).length, 1, `${rule.meta.id}: "${f.message}" has ${f.fixes.length} fixes but not exactly one preferred`);
  assert.ok('output' in c && c.output !== undefined && c.output !== null, `${rule.meta.id}: this case has fixes, so the table must give its "output"`);
}

function load(c: Case): { file: ConfigFile; others: ConfigFile[] } {
  const file = loadConfigText(c.text, { path: c.path, ...(c.client ? { client: c.client } : {}), ...(c.scope ? { scope: c.scope } : {}) });
  const others = (c.others ?? []).map((o) => loadConfigText(o.text, { path: o.path, ...(o.scope ? { scope: o.scope } : {}) }));
  return { file, others };
}

/** Runs one rule over a case and returns its findings. */
export function runRule(rule: Rule, c: Case): { file: ConfigFile; findings: Finding[] } {
  const { file, others } = load(c);
  const project = createProject([file, ...others], c.workspaceRoots ?? []);
  if (c.policy) project.policy = c.policy;
  if (c.window) project.window = c.window;
  const findings = lintFile(file, project, { rules: [rule], ...(c.settings ? { settings: c.settings } : {}) });
  return { file, findings };
}

/** Applies edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: { offset: number; length: number; newText: string }[]): string {
  // Back to front; edits at the same offset keep their given order (the later one is applied first).
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.offset - a.e.offset || b.i - a.i)
    .map((x) => x.e);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

/** Every message fits a Problems row and counts in the right number (helpers/messageChecks.ts). */
export function checkMessages(findings: readonly Finding[]): void {
  const problems = findings.flatMap((f) => messageProblems(f.message).map((p) => `${f.ruleId}: ${p}: ${f.message}`));
  assert.deepEqual(problems, []);
}

/** ESLint-style table test: `valid` cases must produce no finding, `invalid` cases exactly the listed ones. */
export function ruleTable(rule: Rule, table: { valid: Case[]; invalid: InvalidCase[] }): void {
  for (const [i, c] of table.valid.entries()) {
    test(`${rule.meta.id} valid #${i + 1}${c.name ? ` (${c.name})` : ''}`, () => {
      const { findings } = runRule(rule, c);
      assert.deepEqual(
        findings.map((f) => `${f.start.line}:${f.start.column} ${f.message}`),
        [],
      );
      checkFixes(rule, findings, c);
    });
  }
  for (const [i, c] of table.invalid.entries()) {
    test(`${rule.meta.id} invalid #${i + 1}${c.name ? ` (${c.name})` : ''}`, () => {
      const { file, findings } = runRule(rule, c);
      assert.equal(
        findings.length,
        c.errors.length,
        `expected ${c.errors.length} findings, got:\n${findings.map((f) => `  ${f.start.line}:${f.start.column} ${f.message}`).join('\n')}`,
      );
      c.errors.forEach((want, j) => {
        const got = findings[j]!;
        if (want.message instanceof RegExp) assert.match(got.message, want.message);
        else if (want.message !== undefined) assert.ok(got.message.includes(want.message), `message "${got.message}" lacks "${want.message}"`);
        if (want.line !== undefined) assert.equal(got.start.line, want.line, `line of "${got.message}"`);
        if (want.text !== undefined) assert.equal(file.text.slice(got.range.start, got.range.end), want.text);
        if (want.severity !== undefined) assert.equal(got.severity, want.severity);
        if (want.server !== undefined) assert.equal(got.server, want.server);
        if (want.path !== undefined) assert.deepEqual(got.path, want.path);
      });
      checkFixes(rule, findings, c);
      checkMessages(findings);
      if (c.output !== undefined) {
        const groups = findings.map((f) => f.fixes.find((x) => x.preferred)?.edits ?? []);
        const kept = nonOverlappingGroups(groups);
        const text = applyEdits(
          file.text,
          kept.flatMap((i) => groups[i]!),
        );
        assert.equal(text, c.output === null ? file.text : c.output);
      }
    });
  }
}
