import type * as vscode from 'vscode';
import { startWarden, type Started } from './activation/start';
import { activateTestHooks } from './testHooks';
import type { ServersTree } from './tree/serversTree';

// The entry point of the test build only (`node scripts/build.mjs --test`, packaged as
// mcp-warden-test.vsix for the end-to-end tests): the production activation plus the test hooks.
// The published bundle is built from extension.ts and holds none of this.

export { deactivate } from './extension';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = await startWarden(context);
  if (process.env.MCP_WARDEN_TEST_HOOKS) activateTestHooks(context, () => snapshot(started));
}

function snapshot(s: Started): Record<string, unknown> {
  const w = s.warden;
  return {
    statusBarText: w.statusBar.text,
    lintedFiles: w.linter.lintedPaths(),
    tree: snapshotTree(s.tree),
    sessions: snapshotTree(s.sessions as unknown as ServersTree),
    sessionsBanner: s.sessionsView.message,
    analysis: s.analysis.all().map((a) => ({
      server: a.server.name,
      findings: a.findings.map((f) => ({ category: f.category, target: f.target, field: f.field, excerpt: f.excerpt })),
      approval: a.comparison?.status,
      changes: a.comparison?.changes.map((c) => `${c.key}:${c.change}`),
    })),
    badge: s.treeView.badge?.value,
    secretNames: s.secrets.names(),
    monitor: s.monitorState(),
  };
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
