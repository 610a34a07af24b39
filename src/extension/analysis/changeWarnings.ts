import * as vscode from 'vscode';
import type { ServerEntry } from '../../core/index';
import { renderChangeSides } from '../../core/lock/changeView';
import type { Comparison } from '../../core/lock/lockfile';
import type { ConfigIndex } from '../configIndex';
import type { LiveServers } from '../live/liveServers';
import { DefinitionDocuments } from '../tree/definitionDocuments';
import type { AnalysisStore } from './analysisStore';
import { spanDiagnostics } from './definitionView';
import { nounFor } from '../../core/text/plural';

/**
 * Speaks up when a server no longer matches what was approved (a rug pull, or an honest update):
 * a diagnostic on the server's entry in its config, and a notification offering the diff,
 * "Approve Change" and "Disconnect". Suspicious definitions get a diagnostic on the entry too.
 */
export class ChangeWarnings implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('mcp-warden-live');
  private readonly diffDiagnostics = vscode.languages.createDiagnosticCollection('mcp-warden-changes');
  private readonly notified = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: AnalysisStore,
    private readonly index: ConfigIndex,
    private readonly live: LiveServers,
    private readonly documents: DefinitionDocuments,
    private readonly docsUri: (ruleId: string) => vscode.Uri,
  ) {
    this.subscription = store.onDidChange((a) => {
      this.publish();
      if (a.comparison?.status === 'changed') void this.notify(a.server, a.comparison);
    });
  }

  /**
   * Opens old vs new in a diff editor: each changed item rendered like its definition document (text
   * as text, hidden characters visible), with the current side's suspicious words underlined.
   */
  async showDiff(server: ServerEntry): Promise<void> {
    const analysis = this.store.get(server);
    if (analysis?.comparison?.status !== 'changed') {
      void vscode.window.showInformationMessage(
        `MCP Warden: "${server.name}" has ${analysis?.comparison?.status === 'unchanged' ? 'not changed since it was approved' : analysis ? 'not been approved yet' : 'not been connected yet'}: there is nothing to compare.`,
      );
      return;
    }
    const left = DefinitionDocuments.uriFor(server.name, 'approved', 'definitions');
    const right = DefinitionDocuments.uriFor(server.name, 'current', 'definitions');
    const sides = renderChangeSides(analysis.comparison, server.name, analysis.findings);
    this.documents.set(left, sides.approved);
    this.documents.set(right, sides.current);
    this.diffDiagnostics.set(right, spanDiagnostics(sides.current, sides.currentSpans, this.docsUri));
    await vscode.commands.executeCommand('vscode.diff', left, right, `${server.name}: approved ↔ now`);
  }

  private async notify(server: ServerEntry, comparison: Comparison): Promise<void> {
    const signature = `${server.file}#${server.name}#${comparison.changes.map((c) => `${c.key}:${c.currentHash ?? '-'}`).join(',')}`;
    if (this.notified.has(signature)) return;
    this.notified.add(signature);
    const pick = await vscode.window.showWarningMessage(
      `MCP server "${server.name}" changed since you approved it: ${describe(comparison)}. Its tools may now tell the model something else.`,
      'Show Diff',
      'Approve Change',
      'Disconnect',
    );
    if (pick === 'Show Diff') await this.showDiff(server);
    if (pick === 'Approve Change') await this.store.approve(server);
    if (pick === 'Disconnect') await this.live.disconnect(server);
  }

  private publish(): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const a of this.store.all()) {
      const tracked = this.index.all.find((t) => t.config.path === a.server.file);
      if (!tracked) continue;
      const current = tracked.config.servers.find((s) => s.name === a.server.name);
      if (!current) continue;
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === tracked.uri.toString());
      const range = doc
        ? new vscode.Range(doc.positionAt(current.nameNode.offset), doc.positionAt(current.nameNode.offset + current.nameNode.length))
        : rangeFromLines(
            tracked.config.lines.position(current.nameNode.offset),
            tracked.config.lines.position(current.nameNode.offset + current.nameNode.length),
          );
      const list = byFile.get(tracked.uri.toString()) ?? [];
      if (a.comparison?.status === 'changed')
        list.push(
          this.diagnostic(
            range,
            `Server "${a.server.name}" changed since it was approved: ${describe(a.comparison)}. Review the diff (right-click the server in the MCP Warden view: Show Changes Since Approval) before using it.`,
            'tool-changed',
          ),
        );
      if (a.findings.length) {
        const categories = [...new Set(a.findings.map((f) => f.category))].join(', ');
        list.push(
          this.diagnostic(
            range,
            `Server "${a.server.name}" offers ${a.findings.length} suspicious ${nounFor(a.findings.length, 'span')} in its tool definitions (${categories}). Open them in the MCP Warden view to see the exact words.`,
            a.findings[0]!.ruleId,
          ),
        );
      }
      byFile.set(tracked.uri.toString(), list);
    }
    this.diagnostics.clear();
    for (const [uri, list] of byFile) this.diagnostics.set(vscode.Uri.parse(uri), list);
  }

  private diagnostic(range: vscode.Range, message: string, ruleId: string): vscode.Diagnostic {
    const d = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Warning);
    d.source = 'MCP Warden';
    d.code = { value: ruleId, target: this.docsUri(ruleId) };
    return d;
  }

  dispose(): void {
    this.subscription.dispose();
    this.diagnostics.dispose();
    this.diffDiagnostics.dispose();
  }
}

function describe(c: Comparison): string {
  const counts = { added: 0, removed: 0, modified: 0 };
  for (const x of c.changes) counts[x.change]++;
  const parts = (Object.keys(counts) as (keyof typeof counts)[]).filter((k) => counts[k]).map((k) => `${counts[k]} ${k}`);
  if (c.identityChanges.length) parts.push(`identity (${c.identityChanges.map((i) => i.field).join(', ')})`);
  return parts.join(', ');
}

function rangeFromLines(start: { line: number; column: number }, end: { line: number; column: number }): vscode.Range {
  return new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1);
}
