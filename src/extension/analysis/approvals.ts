import * as vscode from 'vscode';
import type { ServerEntry } from '../../core/index';
import { lockfilePathOf } from '../../core/workspace/locations';
import { readText } from '../workspaceText';

export { identityOf, lockKeyOf } from '../../core/lock/serverKey';

const USER_LOCK_KEY = 'mcpWarden.userLockfile';

/**
 * Where approvals live: workspace servers in `.vscode/mcp-lock.json` of their project folder (as the CLI's `verify` reads it) (meant to be
 * committed, so the team shares one baseline); user-level servers in this editor's own state.
 */
export class Approvals {
  constructor(private readonly context: vscode.ExtensionContext) {}

  lockUri(server: ServerEntry): vscode.Uri | undefined {
    const path = lockfilePathOf(server);
    return path === undefined ? undefined : vscode.Uri.file(path);
  }

  async read(server: ServerEntry): Promise<string | undefined> {
    const uri = this.lockUri(server);
    return uri ? readText(uri) : this.context.globalState.get<string>(USER_LOCK_KEY);
  }

  async write(server: ServerEntry, text: string): Promise<void> {
    const uri = this.lockUri(server);
    if (!uri) {
      await this.context.globalState.update(USER_LOCK_KEY, text);
      return;
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(new vscode.Position(0, 0), open.lineAt(open.lineCount - 1).range.end), text);
      await vscode.workspace.applyEdit(edit);
      await open.save();
      return;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  }
}
