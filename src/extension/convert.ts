import * as vscode from 'vscode';
import type { Finding, Severity, TextEdit } from '../core/index';

export const DIAGNOSTIC_SOURCE = 'MCP Warden';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toRange(start: Finding['start'], end: Finding['end']): vscode.Range {
  return new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1);
}

/** A finding as the Problems panel shows it; `code` links to the rule's packaged doc page. */
export function toDiagnostic(finding: Finding, docsUri: (ruleId: string) => vscode.Uri, uriOf: (path: string) => vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(finding.start, finding.end), finding.message, SEVERITY[finding.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: finding.ruleId, target: docsUri(finding.ruleId) };
  if (finding.related.length > 0) {
    d.relatedInformation = finding.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uriOf(r.file), toRange(r.start, r.end)), r.message),
    );
  }
  return d;
}

/** Core edits (offsets into `text`) as a WorkspaceEdit on `document`. */
export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const e of edits) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.newText);
  }
  return edit;
}

export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}
