import * as vscode from 'vscode';
import { CLIENTS, type ConfigFile, type Finding, type TextEdit } from '../core/index';
import type { ConfigIndex, TrackedConfig } from './configIndex';
import { DIAGNOSTIC_SOURCE, ruleIdOf, toRange, toWorkspaceEdit } from './convert';
import type { Linter } from './linter';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('mcpWarden');

/** Adds actions for one finding of a rule (e.g. fixes that need the editor, such as SecretStorage). */
export type ActionContributor = (document: vscode.TextDocument, tracked: TrackedConfig, finding: Finding, diagnostic: vscode.Diagnostic) => vscode.CodeAction[];
/** Adds actions at a position, without a diagnostic. */
export type RangeContributor = (document: vscode.TextDocument, tracked: TrackedConfig, range: vscode.Range) => vscode.CodeAction[];

/**
 * Quick fixes for MCP Warden's diagnostics: each finding's own fixes, "disable for this line" (in
 * formats whose client accepts comments) or "ignore in settings", and "show documentation";
 * plus `source.fixAll.mcpWarden`, which applies every preferred fix of the file.
 */
export class CodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite, FIX_ALL_KIND];

  constructor(
    private readonly index: ConfigIndex,
    private readonly linter: Linter,
    private readonly contributors: ActionContributor[] = [],
    private readonly rangeContributors: RangeContributor[] = [],
    private readonly fixAllContributors: ((document: vscode.TextDocument, tracked: TrackedConfig, findings: Finding[]) => vscode.CodeAction[])[] = [],
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const tracked = this.index.get(document.uri);
    if (!tracked) return [];
    const current = tracked.version === undefined || tracked.version === document.version;
    const findings = this.linter.findingsFor(document.uri);
    if (context.only && FIX_ALL_KIND.contains(context.only)) return current ? [...this.fixAll(document, findings), ...this.fixAllContributors.flatMap((c) => c(document, tracked, findings))] : [];
    const actions: vscode.CodeAction[] = current ? this.rangeContributors.flatMap((c) => c(document, tracked, _range)) : [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = findings.find((f) => f.ruleId === ruleIdOf(diagnostic) && f.message === diagnostic.message && toRange(f.start, f.end).isEqual(diagnostic.range));
      if (!finding) continue;
      if (current) {
        for (const contribute of this.contributors) actions.push(...contribute(document, tracked, finding, diagnostic));
        for (const fix of finding.fixes) {
          const edit = fix.file && fix.file !== tracked.config.path ? this.editElsewhere(fix.file, fix.edits) : toWorkspaceEdit(document, fix.edits);
          if (!edit) continue;
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.edit = edit;
          action.diagnostics = [diagnostic];
          action.isPreferred = fix.preferred === true;
          actions.push(action);
        }
      }
      actions.push(this.silence(document, tracked.config, finding, diagnostic));
      const docs = new vscode.CodeAction(`Show documentation for ${finding.ruleId}`, vscode.CodeActionKind.QuickFix);
      docs.command = { title: docs.title, command: 'mcpWarden.showRuleDocs', arguments: [finding.ruleId] };
      actions.push(docs);
    }
    return actions;
  }

  /** Edits of another tracked config (a toxic flow's other leg), placed by that file's own text as the index holds it. */
  private editElsewhere(path: string, edits: readonly TextEdit[]): vscode.WorkspaceEdit | undefined {
    const other = this.index.all.find((t) => t.config.path === path);
    if (!other) return undefined;
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(other.uri, toRange(other.config.lines.position(e.offset), other.config.lines.position(e.offset + e.length)), e.newText);
    return edit;
  }

  private fixAll(document: vscode.TextDocument, findings: Finding[]): vscode.CodeAction[] {
    const edits = findings.flatMap((f) => f.fixes.find((x) => x.preferred)?.edits ?? []);
    if (edits.length === 0) return [];
    const sorted = [...edits].sort((a, b) => a.offset - b.offset);
    const safe = sorted.filter((e, i) => i === 0 || e.offset >= sorted[i - 1]!.offset + sorted[i - 1]!.length);
    const action = new vscode.CodeAction('MCP Warden: fix all auto-fixable problems', FIX_ALL_KIND);
    action.edit = toWorkspaceEdit(document, safe);
    return [action];
  }

  /** A comment directive where the client reads comments; otherwise an `ignore` entry in workspace settings. */
  private silence(document: vscode.TextDocument, config: ConfigFile, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const commentable = config.format === 'yaml' || config.format === 'toml' || (config.client !== undefined && CLIENTS[config.client].allowsComments === true);
    if (commentable) {
      const line = document.lineAt(finding.start.line - 1);
      const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
      const marker = config.format === 'yaml' || config.format === 'toml' ? '#' : '//';
      const action = new vscode.CodeAction(`Disable ${finding.ruleId} for this line`, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.insert(document.uri, line.range.start, `${indent}${marker} mcp-warden-disable-next-line ${finding.ruleId}\n`);
      action.diagnostics = [diagnostic];
      return action;
    }
    const label = finding.server ? `server "${finding.server}"` : 'this file';
    const action = new vscode.CodeAction(`Ignore ${finding.ruleId} for ${label} (workspace setting)`, vscode.CodeActionKind.QuickFix);
    action.command = { title: action.title, command: 'mcpWarden.ignoreFinding', arguments: [document.uri, finding.ruleId, finding.server] };
    action.diagnostics = [diagnostic];
    return action;
  }
}
