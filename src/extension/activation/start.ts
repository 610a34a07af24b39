import * as vscode from 'vscode';
import { LiveServers } from '../live/liveServers';
import { createLog } from '../log';
import { SecretStore } from '../secrets/secretStore';
import { KnownPins } from '../supply/supplyActions';
import { loadPolicy } from '../supply/policyFile';
import { registerMonitor, type MonitorState } from '../monitor/registerMonitor';
import { watchRestrictedMode } from '../restrictedModeNotice';
import { Warden } from '../warden';
import { registerCodeActions } from './codeActions';
import { registerGeneralCommands } from './commands';
import { registerPolicy } from './policy';
import { registerSecrets } from './secrets';
import { registerServerViews, type ServerViews } from './servers';

/** What activation built; the test build reads it for its state snapshots. Everything is owned by `context.subscriptions`. */
export interface Started extends ServerViews {
  warden: Warden;
  secrets: SecretStore;
  monitorState: () => MonitorState;
}

/** Wires MCP Warden into the editor: each part registers itself, then the first scan starts. */
export async function startWarden(context: vscode.ExtensionContext): Promise<Started> {
  const log = createLog();
  context.subscriptions.push(log);
  log.info(`MCP Warden ${context.extension.packageJSON.version} on ${vscode.env.appName} ${vscode.version}`);
  const warden = await Warden.create(context, log);
  context.subscriptions.push(warden);
  const secrets = new SecretStore(context);
  const live = new LiveServers(context, warden.index, secrets, log);
  context.subscriptions.push({ dispose: () => void live.dispose() });
  const pins = new KnownPins();
  const { canServe } = registerSecrets(context, warden, secrets);
  const views = registerServerViews(context, warden, live);
  registerPolicy(context, warden, pins);
  registerGeneralCommands(context, warden);
  registerCodeActions(context, warden, canServe, pins);
  const monitorState = registerMonitor(context);
  // Workspace configs are linted at once; user-level ones are read as context (duplicates across
  // scopes) and shown only on request or with `mcpWarden.lintUserConfigs`.
  warden.ready = loadPolicy(log)
    .then((policy) => (warden.linter.policy = policy))
    .then(() => warden.initialScan());
  context.subscriptions.push(watchRestrictedMode(context, warden.index, warden.ready, warden.linter.onDidLint, log));
  return { ...views, warden, secrets, monitorState };
}
