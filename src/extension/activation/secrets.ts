import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import { mcpApi } from '../compat/mcpApi';
import { moveAllSecretsCommand, moveSecretCommand, type MoveContext } from '../secrets/moveSecret';
import { putSecretBackCommand } from '../secrets/putBack';
import { deleteSecretCommand, manageSecretsCommand, replaceSecretCommand, revealSecretCommand } from '../secrets/secretCommands';
import type { SecretStore } from '../secrets/secretStore';
import { ServedServers } from '../secrets/servedServers';
import type { Warden } from '../warden';

/** Serving moved servers through VS Code's MCP provider API (where it exists) and the secret commands. */
export function registerSecrets(context: vscode.ExtensionContext, w: Warden, secrets: SecretStore): { canServe: boolean } {
  const api = mcpApi();
  const served = api ? new ServedServers(api, w.index, secrets, w.log) : undefined;
  if (api && served) {
    context.subscriptions.push(
      served,
      api.registerProvider('mcpWarden.served', served),
      w.linter.onDidLint(() => served.refreshIfChanged()),
    );
  } else w.log.info('This editor has no MCP server definition provider API: servers with moved secrets cannot be served here.');
  const move: MoveContext = { warden: w, secrets, canServe: served !== undefined, onServedChanged: () => served?.refreshIfChanged() };
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.MoveSecret, (uri: vscode.Uri, start: number) => moveSecretCommand(move, uri, start)),
    vscode.commands.registerCommand(CommandId.MoveAllSecrets, (uri: vscode.Uri) => moveAllSecretsCommand(move, uri)),
    vscode.commands.registerCommand(CommandId.PutSecretBack, (uri: vscode.Uri, server: string) => putSecretBackCommand(move, uri, server)),
    vscode.commands.registerCommand(CommandId.ManageSecrets, () => manageSecretsCommand(secrets)),
    vscode.commands.registerCommand(CommandId.RevealSecret, (name?: string) => revealSecretCommand(secrets, name)),
    vscode.commands.registerCommand(CommandId.ReplaceSecret, (name?: string) => replaceSecretCommand(secrets, name)),
    vscode.commands.registerCommand(CommandId.DeleteSecret, (name?: string) => deleteSecretCommand(secrets, name)),
  );
  return { canServe: served !== undefined };
}
