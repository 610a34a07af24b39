import * as vscode from 'vscode';
import type { ServerEntry } from '../../core/index';
import { renderDefinition, type DefinitionSpan } from '../../core/tools/render';
import type { TargetRef } from '../../core/tools/types';
import { DefinitionDocuments } from '../tree/definitionDocuments';
import type { ListName } from '../tree/nodes';
import type { AnalysisStore } from './analysisStore';

const KIND: Record<ListName | 'server', TargetRef['kind']> = {
  tools: 'tool',
  prompts: 'prompt',
  resources: 'resource',
  resourceTemplates: 'resourceTemplate',
  server: 'server',
};

/**
 * Renders one definition as a read-only document and puts each suspicious span on it as a
 * diagnostic: the exact words are underlined, and the hover says why.
 */
export class DefinitionView implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('mcp-warden-definitions');

  constructor(
    private readonly documents: DefinitionDocuments,
    private readonly analysis: AnalysisStore,
    private readonly docsUri: (ruleId: string) => vscode.Uri,
  ) {}

  async render(server: ServerEntry, list: string, name: string): Promise<vscode.Uri | undefined> {
    const analysis = this.analysis.get(server);
    if (!analysis) return undefined;
    const kind = KIND[list as ListName | 'server'];
    const target: TargetRef = kind === 'server' ? { kind, name: server.name } : { kind, name };
    const findings = analysis.findings.filter((f) => f.target.kind === target.kind && (kind === 'server' || f.target.name === target.name));
    const rendered = renderDefinition(target, { ...analysis.snapshot, server: server.name }, { findings });
    const uri = DefinitionDocuments.uriFor(server.name, list, name);
    this.documents.set(uri, rendered.text);
    this.diagnostics.set(uri, spanDiagnostics(rendered.text, rendered.spans, this.docsUri));
    return uri;
  }

  dispose(): void {
    this.diagnostics.dispose();
  }
}

/** One diagnostic per suspicious span of a rendered document: the exact words, the reason and the evidence. */
export function spanDiagnostics(text: string, spans: readonly DefinitionSpan[], docsUri: (ruleId: string) => vscode.Uri): vscode.Diagnostic[] {
  const lines = lineStarts(text);
  return spans.map(({ start, end, finding }) => {
    const d = new vscode.Diagnostic(
      new vscode.Range(position(lines, start), position(lines, end)),
      `${finding.message}${finding.evidence.length ? ` (${finding.evidence.join('; ')})` : ''}`,
      SEVERITY[finding.severity],
    );
    d.source = 'MCP Warden';
    d.code = { value: finding.ruleId, target: docsUri(finding.ruleId) };
    return d;
  });
}

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information } as const;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): vscode.Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return new vscode.Position(lo, offset - starts[lo]!);
}
