import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import { loadPolicy, policyUri } from '../supply/policyFile';
import type { KnownPins } from '../supply/supplyActions';
import { approveInPolicyCommand, createPolicyCommand, exportInventoryCommand, moveToFixedVersionCommand, pinPackageCommand } from '../supply/supplyCommands';
import type { Warden } from '../warden';

/** The approved-server policy (watched and reloaded) and the supply-chain commands. Returns the reload. */
export function registerPolicy(context: vscode.ExtensionContext, w: Warden, pins: KnownPins): () => Promise<void> {
  const reloadPolicy = async () => {
    w.linter.policy = await loadPolicy(w.log);
    w.linter.lintAll();
  };
  const policyWatcher = vscode.workspace.createFileSystemWatcher('**/*.json');
  const isPolicy = (uri: vscode.Uri) => uri.toString() === policyUri()?.toString();
  context.subscriptions.push(
    policyWatcher,
    policyWatcher.onDidChange((uri) => isPolicy(uri) && void reloadPolicy()),
    policyWatcher.onDidCreate((uri) => isPolicy(uri) && void reloadPolicy()),
    policyWatcher.onDidDelete((uri) => isPolicy(uri) && void reloadPolicy()),
    vscode.workspace.onDidSaveTextDocument((doc) => isPolicy(doc.uri) && void reloadPolicy()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('mcpWarden.policyPath') && void reloadPolicy()),
    vscode.commands.registerCommand(CommandId.PinPackage, (uri: vscode.Uri, start: number) => pinPackageCommand(w, pins, uri, start)),
    vscode.commands.registerCommand(CommandId.MoveToFixedVersion, (uri: vscode.Uri, start: number) => moveToFixedVersionCommand(w, uri, start)),
    vscode.commands.registerCommand(CommandId.ApproveInPolicy, (uri: vscode.Uri, server: string) => approveInPolicyCommand(w, uri, server, reloadPolicy)),
    vscode.commands.registerCommand(CommandId.CreatePolicy, () => createPolicyCommand(w, reloadPolicy)),
    vscode.commands.registerCommand(CommandId.ExportInventory, () => exportInventoryCommand(w)),
  );
  return reloadPolicy;
}
