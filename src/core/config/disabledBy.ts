import type { Project } from '../engine/project';
import { claudeCodeRejected, serverListFilter } from '../flows/toolFilter';
import type { ConfigFile } from '../model/configFile';
import type { ServerEntry } from '../model/server';

/**
 * How a server is turned off, in words for a message, or undefined when it is on: its own flag
 * (`disabled: true` of Cline, Roo Code, Kiro, Amazon Q; `enabled = false` of Codex and Goose), Gemini
 * CLI's `mcp.excluded` / `mcp.allowed` lists, or Claude Code's `disabledMcpjsonServers` for this
 * project's folder in `~/.claude.json`.
 */
export function disabledBy(server: ServerEntry, file: ConfigFile, project: Project): string | undefined {
  if (server.disabled) return server.client === 'codex' || server.client === 'goose' ? '`enabled = false`' : '`disabled: true`';
  const lists = serverListFilter(file);
  if (lists.excluded.includes(server.name)) return 'listed in `mcp.excluded`';
  if (lists.allowed && !lists.allowed.includes(server.name)) return 'missing from `mcp.allowed`';
  if (file.client === 'claude-code' && file.scope === 'workspace' && server.projectPath === undefined && claudeCodeDisabled(project).has(server.name)) {
    return "listed in Claude Code's `disabledMcpjsonServers`";
  }
  return undefined;
}

const rejectedByProject = new WeakMap<Project, Set<string>>();

function claudeCodeDisabled(project: Project): Set<string> {
  const cached = rejectedByProject.get(project);
  if (cached) return cached;
  const names = new Set<string>();
  rejectedByProject.set(project, names);
  for (const f of project.files) {
    if (f.client !== 'claude-code') continue;
    for (const root of project.workspaceRoots) claudeCodeRejected(f, root).forEach((n) => names.add(n));
  }
  return names;
}
