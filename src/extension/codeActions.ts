import * as vscode from 'vscode';
import { applyFixSafely, CLIENTS, type ConfigFile, type Finding, type TextEdit } from '../core/index';
import { automaticFix } from '../core/engine/fixes';
import type { ConfigIndex, TrackedConfig } from './configIndex';
import { DIAGNOSTIC_SOURCE, ruleIdOf, toRange, toWorkspaceEdit } from './convert';
import type { Linter } from './linter';
import { whyUnsafe } from './safeEdit';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('mcpWarden');
/** Moving secrets changes how servers start, so it is its own source action, never part of fix-all. */
export const MOVE_SECRETS_KIND = vscode.CodeActionKind.Source.append('mcpWarden').append('moveSecrets');

/** The request asks for this kind: the exact kind, one of its parents (`source.fixAll`), or one of its children. */
function asksFor(only: vscode.CodeActionKind | undefined, kind: vscode.CodeActionKind): boolean {
  return only !== undefined && (only.contains(kind) || kind.contains(only));
}

/** Adds actions for one finding of a rule (e.g. fixes that need the editor, such as SecretStorage). */
export type ActionContributor = (document: vscode.TextDocument, tracked: TrackedConfig, finding: Finding, diagnostic: vscode.Diagnostic) => vscode.CodeAction[];
/** Adds actions at a position, without a diagnostic. */
export type RangeContributor = (document: vscode.TextDocument, tracked: TrackedConfig, range: vscode.Range) => vscode.CodeAction[];

/**
 * Quick fixes for MCP Warden's diagnostics: each finding's own fixes, "disable for this line" (in
 * formats whose client accepts comments) or "ignore in settings", and "show documentation";
 * plus `source.fixAll.mcpWarden`, which applies the preferred fix of every fixable rule (safe, local
 * edits only, as `scan --fix`), and `source.mcpWarden.moveSecrets`, which users opt into.
 */
export class CodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite, FIX_ALL_KIND, MOVE_SECRETS_KIND];

  constructor(
    private readonly index: ConfigIndex,
    private readonly linter: Linter,
    private readonly contributors: ActionContributor[] = [],
    private readonly rangeContributors: RangeContributor[] = [],
    private readonly sourceContributors: ((
      document: vscode.TextDocument,
      tracked: TrackedConfig,
      findings: Finding[],
      kind: vscode.CodeActionKind,
    ) => vscode.CodeAction[])[] = [],
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const tracked = this.index.get(document.uri);
    if (!tracked) return [];
    const current = tracked.version === undefined || tracked.version === document.version;
    const findings = this.linter.findingsFor(document.uri);
    if (asksFor(context.only, FIX_ALL_KIND) || asksFor(context.only, MOVE_SECRETS_KIND)) {
      if (!current) return [];
      const fixAll = asksFor(context.only, FIX_ALL_KIND) ? this.fixAll(document, tracked, findings) : [];
      const moves = asksFor(context.only, MOVE_SECRETS_KIND) ? this.sourceContributors.flatMap((c) => c(document, tracked, findings, MOVE_SECRETS_KIND)) : [];
      return [...fixAll, ...moves];
    }
    const actions: vscode.CodeAction[] = current ? this.rangeContributors.flatMap((c) => c(document, tracked, _range)) : [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = findings.find(
        (f) => f.ruleId === ruleIdOf(diagnostic) && f.message === diagnostic.message && toRange(f.start, f.end).isEqual(diagnostic.range),
      );
      if (!finding) continue;
      if (current) {
        for (const contribute of this.contributors) actions.push(...contribute(document, tracked, finding, diagnostic));
        for (const fix of finding.fixes) {
          const edit = fix.file && fix.file !== tracked.config.path ? this.editElsewhere(fix.file, fix.edits) : toWorkspaceEdit(document, fix.edits);
          if (!edit) continue;
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          // A fix of this file is checked like every edit (re-parsed, same servers); one of another file edits that file only.
          const unsafe = fix.file && fix.file !== tracked.config.path ? undefined : whyUnsafe(tracked, [fix]);
          if (unsafe) action.disabled = { reason: `MCP Warden: ${unsafe}` };
          else action.edit = edit;
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

  /** The preferred fixes of fixable rules (safe, local edits), whole and non-overlapping, checked by `applyFixSafely`. */
  private fixAll(document: vscode.TextDocument, tracked: TrackedConfig, findings: Finding[]): vscode.CodeAction[] {
    const groups = findings.map(automaticFix).filter((f) => f !== undefined);
    if (groups.length === 0) return [];
    const result = applyFixSafely(tracked.config, groups);
    if ('refused' in result || result.applied.length === 0) return [];
    const action = new vscode.CodeAction('MCP Warden: fix all auto-fixable problems', FIX_ALL_KIND);
    action.edit = toWorkspaceEdit(
      document,
      result.applied.flatMap((i) => groups[i]!.edits),
    );
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
