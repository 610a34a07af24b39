import * as vscode from 'vscode';
import { CodeActions } from './codeActions';
import { CommandId } from './commands/commandIds';
import { ignoreFindingCommand } from './commands/ignoreFinding';
import { scanUserConfigsCommand, scanWorkspaceCommand } from './commands/scanCommands';
import { showRuleDocsCommand } from './commands/showRuleDocs';
import { createLog } from './log';
import { Warden } from './warden';

let warden: Warden | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = createLog();
  context.subscriptions.push(log);
  log.info(`MCP Warden ${context.extension.packageJSON.version} on ${vscode.env.appName} ${vscode.version}`);
  warden = await Warden.create(context, log);
  const w = warden;
  context.subscriptions.push(
    w,
    vscode.commands.registerCommand(CommandId.ScanWorkspace, () => scanWorkspaceCommand(w)),
    vscode.commands.registerCommand(CommandId.ScanUserConfigs, () => scanUserConfigsCommand(w)),
    vscode.commands.registerCommand(CommandId.ShowLog, () => log.show()),
    vscode.commands.registerCommand(CommandId.ShowRuleDocs, (ruleId?: string) => showRuleDocsCommand(w, ruleId)),
    vscode.commands.registerCommand(CommandId.IgnoreFinding, ignoreFindingCommand),
    vscode.languages.registerCodeActionsProvider(
      [{ scheme: 'file' }, { scheme: 'vscode-userdata' }, { scheme: 'vscode-remote' }, { scheme: 'untitled' }],
      new CodeActions(w.index, w.linter),
      { providedCodeActionKinds: CodeActions.kinds },
    ),
  );
  if (process.env.MCP_WARDEN_TEST_HOOKS) {
    const { activateTestHooks } = await import('./testHooks');
    activateTestHooks(context, () => ({ statusBarText: w.statusBar.text, lintedFiles: w.linter.lintedPaths() }));
  }
  // Workspace configs are linted at once; user-level ones are read as context (duplicates across
  // scopes) and shown only on request or with `mcpWarden.lintUserConfigs`.
  void w.scanWorkspace().then(() => w.scanUserConfigs(false));
}

export function deactivate(): void {
  warden = undefined;
}
