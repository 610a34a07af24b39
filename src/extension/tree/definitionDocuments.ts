import * as vscode from 'vscode';

export const DEFINITION_SCHEME = 'mcp-warden-definition';

/** Read-only documents showing one server item's full definition (never truncated, hidden characters visible). */
export class DefinitionDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '(this definition is no longer available: refresh the server in the MCP Warden view)';
  }

  static uriFor(server: string, list: string, name: string): vscode.Uri {
    const safe = (s: string) => encodeURIComponent(s.replace(/[\\/]/g, '_')).slice(0, 120);
    return vscode.Uri.from({ scheme: DEFINITION_SCHEME, path: `/${safe(server)}/${list}/${safe(name)}.mcp-definition` });
  }
}
