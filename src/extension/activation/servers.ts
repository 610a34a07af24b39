import * as vscode from 'vscode';
import { AnalysisStore } from '../analysis/analysisStore';
import { Approvals } from '../analysis/approvals';
import { ChangeWarnings } from '../analysis/changeWarnings';
import { DefinitionView } from '../analysis/definitionView';
import { CommandId } from '../commands/commandIds';
import { SessionsTree } from '../flows/sessionsTree';
import type { LiveServers } from '../live/liveServers';
import { DEFINITION_SCHEME, DefinitionDocuments } from '../tree/definitionDocuments';
import { ServersTree } from '../tree/serversTree';
import { treeCommands, type TreeCommandContext } from '../tree/treeCommands';
import type { Warden } from '../warden';
import { nounFor, plural } from '../../core/text/plural';
import { withMovedListings } from '../../core/served/movedListings';
import { whyNotLoaded } from '../../core/config/notLoaded';
import type { ServerEntry } from '../../core/index';

/** The sidebar: servers with their live tools and approval marks, and the sessions view. */
export interface ServerViews {
  tree: ServersTree;
  treeView: vscode.TreeView<unknown>;
  sessions: SessionsTree;
  sessionsView: vscode.TreeView<unknown>;
  analysis: AnalysisStore;
}

export function registerServerViews(context: vscode.ExtensionContext, w: Warden, live: LiveServers): ServerViews {
  // The rules' one meaning of "disabled" (`disabledBy`): Connect All skips such servers, and their rows say why.
  const notLoaded = (server: ServerEntry) =>
    whyNotLoaded(
      server,
      w.index.all.map((t) => t.config),
      w.linter.project(),
    );
  const tree = new ServersTree(w.index, live, notLoaded);
  const treeView = vscode.window.createTreeView('mcpWarden.servers', { treeDataProvider: tree, showCollapseAll: true });
  const sessions = new SessionsTree(w.linter);
  const sessionsView = vscode.window.createTreeView('mcpWarden.sessions', { treeDataProvider: sessions, showCollapseAll: true });
  const refreshSessions = () => {
    sessions.refresh();
    sessionsView.message = sessions.banner();
  };
  // Live listings replace the static guesses of the toxic-flow analysis.
  // A server whose secret was just moved keeps its listing until it is reconnected under its new entry.
  w.linter.liveSnapshots = () =>
    withMovedListings(
      live.snapshots(),
      w.index.all.flatMap((t) => t.config.servers),
    );
  const documents = new DefinitionDocuments();
  const analysis = new AnalysisStore(live, new Approvals(context), w.log, () => w.index.all.flatMap((t) => t.config.servers));
  tree.marks = analysis;
  const definitions = new DefinitionView(documents, analysis, (id) => w.docsUri(id));
  const changes = new ChangeWarnings(analysis, w.index, live, documents, (id) => w.docsUri(id));
  const treeCtx: TreeCommandContext = {
    get ready() {
      return w.ready;
    },
    index: w.index,
    live,
    notLoaded,
    documents,
    render: (server, list, name) => definitions.render(server, list, name),
  };
  const updateBadge = () => {
    const c = w.linter.counts();
    const config = c.error + c.warning + c.info;
    const suspicious = analysis.all().reduce((n, a) => n + a.findings.length, 0);
    const changed = analysis.all().filter((a) => a.comparison?.status === 'changed').length;
    const total = config + suspicious + changed;
    const parts = [
      config ? `${config} in MCP configs` : '',
      suspicious ? `${suspicious} suspicious ${nounFor(suspicious, 'span')} in tool definitions` : '',
      changed ? `${plural(changed, 'server')} changed since approval` : '',
    ].filter(Boolean);
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
  return { tree, treeView: treeView as vscode.TreeView<unknown>, sessions, sessionsView: sessionsView as vscode.TreeView<unknown>, analysis };
}
