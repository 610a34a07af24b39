import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { ServerEntry } from '../../core/index';

const APPROVED_KEY = 'mcpWarden.approvedLaunches';

/**
 * Nothing a workspace config defines is spawned or contacted in Restricted Mode; in a trusted
 * workspace, the first start of each workspace-defined launch is confirmed once, showing the exact
 * command line (secrets masked). A changed command line asks again.
 */
export class TrustGate {
  constructor(private readonly context: vscode.ExtensionContext) {}

  async allows(server: ServerEntry, commandLine: string): Promise<boolean> {
    if (server.scope !== 'workspace') return true;
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(`MCP Warden does not start "${server.name}": this workspace is in Restricted Mode, and the server is defined by the workspace.`);
      return false;
    }
    const id = createHash('sha256').update(`${server.file}\u0000${server.name}\u0000${commandLine}`).digest('hex');
    const approved = this.context.workspaceState.get<string[]>(APPROVED_KEY, []);
    if (approved.includes(id)) return true;
    const answer = await vscode.window.showWarningMessage(
      `Start the MCP server "${server.name}" defined by this workspace, to list its tools?`,
      { modal: true, detail: `It runs with your user's rights:\n\n${commandLine}` },
      'Start',
    );
    if (answer !== 'Start') return false;
    await this.context.workspaceState.update(APPROVED_KEY, [...approved, id]);
    return true;
  }
}
