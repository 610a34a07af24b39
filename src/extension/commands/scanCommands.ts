import * as vscode from 'vscode';
import type { Warden } from '../warden';
import { nounFor, plural } from '../../core/text/plural';

export async function scanWorkspaceCommand(warden: Warden): Promise<number> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'MCP Warden: scanning workspace configs' }, () =>
    warden.scanWorkspace(),
  );
}

/** Lints every user-level MCP config on this machine and shows the result. */
export async function scanUserConfigsCommand(warden: Warden): Promise<number> {
  const count = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'MCP Warden: scanning user-level MCP configs…' },
    () => warden.scanUserConfigs(true),
  );
  const c = warden.linter.counts();
  const total = c.error + c.warning + c.info;
  if (count === 0) {
    void vscode.window.showInformationMessage('MCP Warden: no user-level MCP config files were found on this machine.');
  } else {
    // Not awaited: the command is done when the scan is, whatever the user does with the message.
    void vscode.window
      .showInformationMessage(
        `MCP Warden: scanned ${count} user-level config ${nounFor(count, 'file')}; ${plural(total, 'finding')} in all open configs.`,
        'Show Problems',
        'Show Log',
      )
      .then((pick) => {
        if (pick === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
        if (pick === 'Show Log') warden.log.show();
      });
  }
  return count;
}
