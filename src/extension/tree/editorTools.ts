import * as vscode from 'vscode';

/** MCP tools of the servers VS Code runs itself (`vscode.lm.tools`, tag `mcp`; VS Code 1.90+, feature-detected). */
export function editorMcpTools(): { name: string; description: string }[] {
  const lm = (vscode as unknown as { lm?: { tools?: readonly { name: string; description: string; tags: readonly string[] }[] } }).lm;
  return (lm?.tools ?? []).filter((t) => t.tags.includes('mcp')).map((t) => ({ name: t.name, description: t.description }));
}
