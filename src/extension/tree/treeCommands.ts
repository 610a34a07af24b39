import * as vscode from 'vscode';
import type { ServerEntry } from '../../core/index';
import { skippedMessage, splitByLoad } from '../live/skippedServers';
import type { ConfigIndex } from '../configIndex';
import type { LiveServers } from '../live/liveServers';
import { DefinitionDocuments } from './definitionDocuments';
import type { TreeNode } from './nodes';
import { renderItem } from './renderDefinition';

export interface TreeCommandContext {
  /** Settles once the configs have been read: commands wait for it. */
  ready: Promise<void>;
  index: ConfigIndex;
  live: LiveServers;
  documents: DefinitionDocuments;
  /** Why the server's client would not load it, as the rules say (`disabledBy`), or undefined. */
  notLoaded: (server: ServerEntry) => string | undefined;
  /** Renders an item's definition; the analysis layer may replace it to add highlights. */
  render?: (server: ServerEntry, list: string, name: string) => Promise<vscode.Uri | undefined>;
}

function allServers(ctx: TreeCommandContext): ServerEntry[] {
  return ctx.index.all.flatMap((t) => t.config.servers);
}

export async function connectServers(ctx: TreeCommandContext, servers: ServerEntry[], title: string): Promise<void> {
  if (servers.length === 0) {
    void vscode.window.showInformationMessage('MCP Warden found no MCP servers to connect to in this workspace or the user-level configs.');
    return;
  }
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    let done = 0;
    // Concurrent: the slowest server decides the wait, not the sum.
    await ctx.live.connect(servers, token, () => progress.report({ message: `${++done}/${servers.length}`, increment: 100 / servers.length }));
  });
}

export const treeCommands = {
  connect: (ctx: TreeCommandContext, node?: TreeNode) =>
    node?.kind === 'server' ? connectServers(ctx, [node.server], `MCP Warden: connecting to "${node.server.name}"`) : treeCommands.connectAll(ctx),
  /** Every server a client would load; the others (the rules' `disabledBy`) are left out, and a notification says which and why. */
  connectAll: async (ctx: TreeCommandContext) => {
    await ctx.ready;
    const { toConnect, skipped } = splitByLoad(allServers(ctx), ctx.notLoaded);
    if (skipped.size > 0) void vscode.window.showInformationMessage(skippedMessage(skipped));
    if (toConnect.length === 0 && skipped.size > 0) return;
    await connectServers(ctx, toConnect, 'MCP Warden: connecting to all servers');
  },
  refresh: async (ctx: TreeCommandContext, node?: TreeNode) => {
    if (node?.kind === 'server') await ctx.live.refresh(node.server);
  },
  disconnect: async (ctx: TreeCommandContext, node?: TreeNode) => {
    if (node?.kind === 'server') await ctx.live.disconnect(node.server);
  },
  disconnectAll: (ctx: TreeCommandContext) => ctx.live.disconnectAll(),
  openDefinition: async (ctx: TreeCommandContext, node?: TreeNode) => {
    if (!node || (node.kind !== 'item' && node.kind !== 'instructions')) return;
    const list = node.kind === 'item' ? node.list : 'server';
    const name = node.kind === 'item' ? node.name : 'instructions';
    let uri = ctx.render ? await ctx.render(node.server, list, name) : undefined;
    if (!uri) {
      const snapshot = ctx.live.snapshot(node.server);
      if (!snapshot) return;
      uri = DefinitionDocuments.uriFor(node.server.name, list, name);
      ctx.documents.set(uri, renderItem(node.server.name, snapshot, list, name));
    }
    await vscode.window.showTextDocument(uri, { preview: true });
  },
  copyDefinition: async (ctx: TreeCommandContext, node?: TreeNode) => {
    if (node?.kind !== 'item') return;
    const snapshot = ctx.live.snapshot(node.server);
    const item = snapshot?.[node.list].find((i) => ((i as { name?: string }).name ?? (i as { uri?: string }).uri) === node.name);
    if (item) await vscode.env.clipboard.writeText(JSON.stringify(item, null, 2));
  },
  revealInConfig: async (ctx: TreeCommandContext, node?: TreeNode) => {
    if (node?.kind !== 'server') return;
    const uri = ctx.index.uriOf(node.server.file);
    const document = await vscode.workspace.openTextDocument(uri);
    const start = document.positionAt(node.server.nameNode.offset);
    await vscode.window.showTextDocument(document, {
      selection: new vscode.Range(start, document.positionAt(node.server.node.offset + node.server.node.length)),
    });
  },
};
