import * as vscode from 'vscode';
import type { ConfigIndex } from './configIndex';
import type { Log } from './log';
import { plural } from '../core/text/plural';

const SHOWN_KEY = 'mcpWarden.restrictedModeNoticeShown';

/**
 * Says once per workspace, quietly (a notification, not a modal), that in Restricted Mode MCP Warden lints but
 * starts nothing the workspace defines, with the way to trust the folder. Nothing is said in a trusted workspace, or
 * while the workspace defines no server. It looks again after every lint until it has spoken or the folder is
 * trusted, so a first scan that failed or found the configs late still gets the notice.
 */
export function watchRestrictedMode(
  context: vscode.ExtensionContext,
  index: ConfigIndex,
  ready: Promise<void>,
  onDidLint: vscode.Event<unknown>,
  log: Log,
): vscode.Disposable {
  let done = vscode.workspace.isTrusted || context.workspaceState.get<boolean>(SHOWN_KEY) === true;
  const subscriptions: vscode.Disposable[] = [];
  const stop = () => {
    done = true;
    for (const s of subscriptions.splice(0)) s.dispose();
  };
  const check = () => {
    if (done || vscode.workspace.isTrusted) return stop();
    const defined = index.all.filter((t) => t.config.scope === 'workspace').reduce((n, t) => n + t.config.servers.length, 0);
    if (defined === 0) return;
    stop();
    void context.workspaceState.update(SHOWN_KEY, true);
    void say(defined);
  };
  if (!done) {
    ready.then(check, (error: unknown) => {
      log.warn(`The first scan failed: ${error instanceof Error ? error.message : String(error)}`);
      check();
    });
    subscriptions.push(onDidLint(check), vscode.workspace.onDidGrantWorkspaceTrust(stop));
  }
  return { dispose: stop };
}

async function say(defined: number): Promise<void> {
  const answer = await vscode.window.showInformationMessage(
    `MCP Warden is linting this folder's MCP configs. It starts ${defined === 1 ? 'no server' : `none of the ${plural(defined, 'server')}`} they define until you trust the folder.`,
    'Manage Workspace Trust',
  );
  if (answer === 'Manage Workspace Trust') await vscode.commands.executeCommand('workbench.trust.manage');
}
