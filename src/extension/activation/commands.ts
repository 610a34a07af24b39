import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import { ignoreFindingCommand } from '../commands/ignoreFinding';
import { scanUserConfigsCommand, scanWorkspaceCommand } from '../commands/scanCommands';
import { showRuleDocsCommand } from '../commands/showRuleDocs';
import type { Warden } from '../warden';

/** Scans, the log, rule docs and "ignore finding". */
export function registerGeneralCommands(context: vscode.ExtensionContext, w: Warden): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.ScanWorkspace, () => scanWorkspaceCommand(w)),
    vscode.commands.registerCommand(CommandId.ScanUserConfigs, () => scanUserConfigsCommand(w)),
    vscode.commands.registerCommand(CommandId.ShowLog, () => w.log.show()),
    vscode.commands.registerCommand(CommandId.ShowRuleDocs, (ruleId?: string) => showRuleDocsCommand(w, ruleId)),
    vscode.commands.registerCommand(CommandId.IgnoreFinding, ignoreFindingCommand),
  );
}
