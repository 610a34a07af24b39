import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { ServerEntry } from '../../core/index';
import { plural } from '../../core/text/plural';

const APPROVED_KEY = 'mcpWarden.approvedLaunches';
const SHOWN_IN_DIALOG = 12;

/**
 * Nothing a workspace config defines is spawned or contacted in Restricted Mode; in a trusted
 * workspace, the first start of workspace-defined launches is confirmed once, in one dialog that
 * shows each exact command line (secrets masked). A changed command line asks again.
 */
export class TrustGate {
  constructor(private readonly context: vscode.ExtensionContext) {}

  /** The servers that may start now. */
  async allowed(launches: { server: ServerEntry; commandLine: string }[]): Promise<Set<ServerEntry>> {
    const ok = new Set<ServerEntry>(launches.filter((l) => l.server.scope !== 'workspace').map((l) => l.server));
    const fromWorkspace = launches.filter((l) => l.server.scope === 'workspace');
    if (fromWorkspace.length === 0) return ok;
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(
        `MCP Warden does not start ${fromWorkspace.length === 1 ? `"${fromWorkspace[0]!.server.name}"` : plural(fromWorkspace.length, 'server')}: this workspace is in Restricted Mode, and ${fromWorkspace.length === 1 ? 'it is' : 'they are'} defined by the workspace.`,
      );
      return ok;
    }
    const approved = this.context.workspaceState.get<string[]>(APPROVED_KEY, []);
    const ids = new Map(fromWorkspace.map((l) => [l, idOf(l.server, l.commandLine)]));
    const pending = fromWorkspace.filter((l) => !approved.includes(ids.get(l)!));
    for (const l of fromWorkspace) if (!pending.includes(l)) ok.add(l.server);
    if (pending.length === 0) return ok;
    const lines = pending.slice(0, SHOWN_IN_DIALOG).map((l) => `• ${l.server.name}: ${l.commandLine}`);
    if (pending.length > SHOWN_IN_DIALOG) lines.push(`… and ${pending.length - SHOWN_IN_DIALOG} more (see the MCP Warden log)`);
    const answer = await vscode.window.showWarningMessage(
      pending.length === 1
        ? `Start the MCP server "${pending[0]!.server.name}" defined by this workspace, to list its tools?`
        : `Start ${pending.length} MCP servers defined by this workspace, to list their tools?`,
      { modal: true, detail: `They run with your user's rights:\n\n${lines.join('\n')}` },
      'Start',
    );
    if (answer !== 'Start') return ok;
    await this.context.workspaceState.update(APPROVED_KEY, [...approved, ...pending.map((l) => ids.get(l)!)]);
    for (const l of pending) ok.add(l.server);
    return ok;
  }
}

function idOf(server: ServerEntry, commandLine: string): string {
  return createHash('sha256').update(`${server.file}\u0000${server.name}\u0000${commandLine}`).digest('hex');
}
