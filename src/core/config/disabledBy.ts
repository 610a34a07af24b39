import { folderOfFile, type Project } from '../engine/project';
import { serverListFilter } from '../flows/toolFilter';
import type { ConfigFile } from '../model/configFile';
import type { ServerEntry } from '../model/server';
import { child } from '../model/docNode';
import { claudeCodeRejections, claudeCodeServerName, isProjectMcpJsonServer } from './claudeCodeSettings';

/**
 * How a server is turned off, in words for a message, or undefined when it is on: its own flag
 * (`disabled: true` of Cline, Roo Code, Kiro, Amazon Q; `enabled: false` of Zed, Goose, OpenCode; `enabled = false` of Codex), Gemini
 * CLI's `mcp.excluded` / `mcp.allowed` lists, or, for a project `.mcp.json` server, Claude Code's
 * `disabledMcpjsonServers` in any of its settings files or in this folder's entry of `~/.claude.json`.
 * Every rule asks this one question, so "disabled" means the same everywhere.
 */
export function disabledBy(server: ServerEntry, file: ConfigFile, project: Project): string | undefined {
  if (server.disabled)
    return child(server.node, 'enabled')?.value === false ? (file.format === 'toml' ? '`enabled = false`' : '`enabled: false`') : '`disabled: true`';
  const lists = serverListFilter(file);
  if (lists.excluded.includes(server.name)) return 'listed in `mcp.excluded`';
  if (lists.allowed && !lists.allowed.includes(server.name)) return 'missing from `mcp.allowed`';
  if (isProjectMcpJsonServer(file, server.projectPath)) {
    const rejected = claudeCodeRejections(project, mcpJsonRoot(file)).get(claudeCodeServerName(server.name));
    if (rejected) return rejected.said;
  }
  return undefined;
}

/** The folder Claude Code opens to load a `.mcp.json`: the one that holds it. */
export function mcpJsonRoot(file: ConfigFile): string {
  return folderOfFile(file.path);
}
