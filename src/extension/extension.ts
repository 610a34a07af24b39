import * as vscode from 'vscode';
import { CodeActions } from './codeActions';
import { CommandId } from './commands/commandIds';
import { ignoreFindingCommand } from './commands/ignoreFinding';
import { scanUserConfigsCommand, scanWorkspaceCommand } from './commands/scanCommands';
import { showRuleDocsCommand } from './commands/showRuleDocs';
import { mcpApi } from './compat/mcpApi';
import { createLog } from './log';
import { moveAllSecretsCommand, moveSecretCommand, type MoveContext } from './secrets/moveSecret';
import { putSecretBackCommand } from './secrets/putBack';
import { moveAllAction, putBackActions, secretActions, setFindingSource } from './secrets/secretActions';
import { FIX_ALL_KIND } from './codeActions';
import { deleteSecretCommand, manageSecretsCommand, replaceSecretCommand, revealSecretCommand } from './secrets/secretCommands';
import { SecretStore } from './secrets/secretStore';
import { ServedServers } from './secrets/servedServers';
import { AnalysisStore } from './analysis/analysisStore';
import { Approvals } from './analysis/approvals';
import { ChangeWarnings } from './analysis/changeWarnings';
import { DefinitionView } from './analysis/definitionView';
import { SessionsTree } from './flows/sessionsTree';
import { loadPolicy, policyUri } from './supply/policyFile';
import { supplyActions } from './supply/supplyActions';
import { approveInPolicyCommand, createPolicyCommand, exportInventoryCommand, moveToFixedVersionCommand, pinPackageCommand } from './supply/supplyCommands';
import { LiveServers } from './live/liveServers';
import { registerMonitor } from './monitor/registerMonitor';
import { DEFINITION_SCHEME, DefinitionDocuments } from './tree/definitionDocuments';
import { ServersTree } from './tree/serversTree';
import { treeCommands, type TreeCommandContext } from './tree/treeCommands';
import { showRestrictedModeNoticeOnce } from './restrictedModeNotice';
import { Warden } from './warden';

let warden: Warden | undefined;
let liveServers: LiveServers | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = createLog();
  context.subscriptions.push(log);
  log.info(`MCP Warden ${context.extension.packageJSON.version} on ${vscode.env.appName} ${vscode.version}`);
  warden = await Warden.create(context, log);
  const w = warden;
  const secrets = new SecretStore(context);
  const api = mcpApi();
  const served = api ? new ServedServers(api, w.index, secrets, log) : undefined;
  if (api && served) {
    context.subscriptions.push(served, api.registerProvider('mcpWarden.served', served), w.linter.onDidLint(() => served.refreshIfChanged()));
  } else log.info('This editor has no MCP server definition provider API: servers with moved secrets cannot be served here.');
  const live = (liveServers = new LiveServers(context, w.index, secrets, log));
  const tree = new ServersTree(w.index, live);
  const treeView = vscode.window.createTreeView('mcpWarden.servers', { treeDataProvider: tree, showCollapseAll: true });
  const sessions = new SessionsTree(w.linter);
  const sessionsView = vscode.window.createTreeView('mcpWarden.sessions', { treeDataProvider: sessions, showCollapseAll: true });
  const refreshSessions = () => {
    sessions.refresh();
    sessionsView.message = sessions.banner();
  };
  // Live listings replace the static guesses of the toxic-flow analysis.
  w.linter.liveSnapshots = () => live.snapshots();
  const documents = new DefinitionDocuments();
  const analysis = new AnalysisStore(live, new Approvals(context), log, () => w.index.all.flatMap((t) => t.config.servers));
  tree.marks = analysis;
  const definitions = new DefinitionView(documents, analysis, (id) => w.docsUri(id));
  const changes = new ChangeWarnings(analysis, w.index, live, documents, (id) => w.docsUri(id));
  const treeCtx: TreeCommandContext = { get ready() { return w.ready; }, index: w.index, live, documents, render: (server, list, name) => definitions.render(server, list, name) };
  const updateBadge = () => {
    const c = w.linter.counts();
    const config = c.error + c.warning + c.info;
    const suspicious = analysis.all().reduce((n, a) => n + a.findings.length, 0);
    const changed = analysis.all().filter((a) => a.comparison?.status === 'changed').length;
    const total = config + suspicious + changed;
    const parts = [config ? `${config} in MCP configs` : '', suspicious ? `${suspicious} suspicious spans in tool definitions` : '', changed ? `${changed} servers changed since approval` : ''].filter(Boolean);
    treeView.badge = total > 0 ? { value: total, tooltip: `MCP Warden: ${parts.join(', ')}` } : undefined;
  };
  context.subscriptions.push(
    treeView,
    vscode.workspace.registerTextDocumentContentProvider(DEFINITION_SCHEME, documents),
    sessionsView,
    w.linter.onDidLint(() => {
      tree.refresh();
      updateBadge();
      refreshSessions();
    }),
    live.onDidChange(() => tree.refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => tree.refresh()),
    analysis,
    definitions,
    changes,
    analysis.onDidChange(() => {
      tree.refresh();
      updateBadge();
    }),
    vscode.commands.registerCommand(CommandId.ApproveServer, async (node) => {
      if (node?.kind !== 'server') return;
      try {
        await analysis.approve(node.server);
        void vscode.window.showInformationMessage(`MCP Warden recorded the current definitions of "${node.server.name}" as approved.`);
      } catch (e) {
        void vscode.window.showWarningMessage(`MCP Warden: ${(e as Error).message}.`);
      }
    }),
    vscode.commands.registerCommand(CommandId.ShowChanges, (node) => (node?.kind === 'server' ? changes.showDiff(node.server) : undefined)),
    live.onDidChangeSnapshot(() => w.linter.lintAll()),
    vscode.commands.registerCommand(CommandId.ConnectServer, (node) => treeCommands.connect(treeCtx, node)),
    vscode.commands.registerCommand(CommandId.ConnectAll, () => treeCommands.connectAll(treeCtx)),
    vscode.commands.registerCommand(CommandId.RefreshServer, (node) => treeCommands.refresh(treeCtx, node)),
    vscode.commands.registerCommand(CommandId.DisconnectServer, (node) => treeCommands.disconnect(treeCtx, node)),
    vscode.commands.registerCommand(CommandId.DisconnectAll, () => treeCommands.disconnectAll(treeCtx)),
    vscode.commands.registerCommand(CommandId.RefreshView, () => tree.refresh()),
    vscode.commands.registerCommand(CommandId.OpenDefinition, (node) => treeCommands.openDefinition(treeCtx, node)),
    vscode.commands.registerCommand(CommandId.CopyDefinition, (node) => treeCommands.copyDefinition(treeCtx, node)),
    vscode.commands.registerCommand(CommandId.RevealInConfig, (node) => treeCommands.revealInConfig(treeCtx, node)),
  );
  const reloadPolicy = async () => {
    w.linter.policy = await loadPolicy(log);
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
    vscode.commands.registerCommand(CommandId.PinPackage, (uri: vscode.Uri, start: number) => pinPackageCommand(w, uri, start)),
    vscode.commands.registerCommand(CommandId.MoveToFixedVersion, (uri: vscode.Uri, start: number) => moveToFixedVersionCommand(w, uri, start)),
    vscode.commands.registerCommand(CommandId.ApproveInPolicy, (uri: vscode.Uri, server: string) => approveInPolicyCommand(w, uri, server, reloadPolicy)),
    vscode.commands.registerCommand(CommandId.CreatePolicy, () => createPolicyCommand(w, reloadPolicy)),
    vscode.commands.registerCommand(CommandId.ExportInventory, () => exportInventoryCommand(w)),
  );
  setFindingSource((uri) => w.linter.findingsFor(uri));
  const move: MoveContext = { warden: w, secrets, canServe: served !== undefined, onServedChanged: () => served?.refreshIfChanged() };
  context.subscriptions.push(
    w,
    vscode.commands.registerCommand(CommandId.ScanWorkspace, () => scanWorkspaceCommand(w)),
    vscode.commands.registerCommand(CommandId.ScanUserConfigs, () => scanUserConfigsCommand(w)),
    vscode.commands.registerCommand(CommandId.ShowLog, () => log.show()),
    vscode.commands.registerCommand(CommandId.ShowRuleDocs, (ruleId?: string) => showRuleDocsCommand(w, ruleId)),
    vscode.commands.registerCommand(CommandId.IgnoreFinding, ignoreFindingCommand),
    vscode.commands.registerCommand(CommandId.MoveSecret, (uri: vscode.Uri, start: number) => moveSecretCommand(move, uri, start)),
    vscode.commands.registerCommand(CommandId.MoveAllSecrets, (uri: vscode.Uri) => moveAllSecretsCommand(move, uri)),
    vscode.commands.registerCommand(CommandId.PutSecretBack, (uri: vscode.Uri, server: string) => putSecretBackCommand(move, uri, server)),
    vscode.commands.registerCommand(CommandId.ManageSecrets, () => manageSecretsCommand(secrets)),
    vscode.commands.registerCommand(CommandId.RevealSecret, (name?: string) => revealSecretCommand(secrets, name)),
    vscode.commands.registerCommand(CommandId.ReplaceSecret, (name?: string) => replaceSecretCommand(secrets, name)),
    vscode.commands.registerCommand(CommandId.DeleteSecret, (name?: string) => deleteSecretCommand(secrets, name)),
    vscode.languages.registerCodeActionsProvider(
      [{ scheme: 'file' }, { scheme: 'vscode-userdata' }, { scheme: 'vscode-remote' }, { scheme: 'untitled' }],
      new CodeActions(w.index, w.linter, [secretActions(served !== undefined), supplyActions], [putBackActions], [
        (document, tracked, findings) => {
          const action = moveAllAction(document, tracked, findings, served !== undefined, FIX_ALL_KIND);
          return action ? [action] : [];
        },
      ]),
      { providedCodeActionKinds: CodeActions.kinds },
    ),
  );
  const monitorState = registerMonitor(context);
  if (process.env.MCP_WARDEN_TEST_HOOKS) {
    const { activateTestHooks } = await import('./testHooks');
    activateTestHooks(context, () => ({
      statusBarText: w.statusBar.text,
      lintedFiles: w.linter.lintedPaths(),
      tree: snapshotTree(tree),
      sessions: snapshotTree(sessions as unknown as ServersTree),
      sessionsBanner: sessionsView.message,
      analysis: analysis.all().map((a) => ({ server: a.server.name, findings: a.findings.map((f) => ({ category: f.category, target: f.target, field: f.field, excerpt: f.excerpt })), approval: a.comparison?.status, changes: a.comparison?.changes.map((c) => `${c.key}:${c.change}`) })),
      badge: treeView.badge?.value,
      secretNames: secrets.names(),
      monitor: monitorState(),
    }));
  }
  // Workspace configs are linted at once; user-level ones are read as context (duplicates across
  // scopes) and shown only on request or with `mcpWarden.lintUserConfigs`.
  w.ready = loadPolicy(log)
    .then((policy) => (w.linter.policy = policy))
    .then(() => w.initialScan());
  void w.ready.then(() => showRestrictedModeNoticeOnce(context, w.index));
}

/** Stops every server the sidebar started, with their process trees. */
export async function deactivate(): Promise<void> {
  await liveServers?.dispose();
  liveServers = undefined;
  warden = undefined;
}

/** The sidebar as data, for the end-to-end tests (two levels below each server). */
function snapshotTree(tree: ServersTree): unknown {
  const walk = (node: Parameters<ServersTree['getTreeItem']>[0] | undefined, depth: number): unknown[] =>
    tree.getChildren(node).map((child) => {
      const item = tree.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : item.label?.label;
      return { label, description: item.description, contextValue: item.contextValue, children: depth < 5 ? walk(child, depth + 1) : [] };
    });
  return walk(undefined, 0);
}
