import { normalizeFsPath, type Project } from '../engine/project';
import type { ConfigFile } from '../model/configFile';
import { child, items, properties, scalarItems } from '../model/docNode';
import type { ParseProblem } from '../parse/problem';

/**
 * Claude Code's settings files (`~/.claude/settings.json`, `<project>/.claude/settings.json`,
 * `<project>/.claude/settings.local.json`, the managed `managed-settings.json`). They hold no servers
 * (Claude Code ignores `mcpServers` there) but decide whether a project `.mcp.json` server is loaded:
 * Claude Code merges every settings file (lists are joined), rejects a server named in any
 * `disabledMcpjsonServers`, approves one named in `enabledMcpjsonServers` or every one when
 * `enableAllProjectMcpServers` is true, and asks the user about the rest. Rejected is disabled; an
 * approved or asked-about server may run, so it is linted as enabled.
 */
const SETTINGS_PATH = /(^|\/)\.claude\/settings(\.local)?\.json$/i;
const MANAGED_SETTINGS_PATH = /(^|\/)(claudecode|claude-code)\/managed-settings\.json$/i;

export function isClaudeCodeSettingsPath(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return SETTINGS_PATH.test(p) || MANAGED_SETTINGS_PATH.test(p);
}

/** Claude Code compares server names after replacing every character outside `[A-Za-z0-9_-]` with `_`. */
export function claudeCodeServerName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]/g, '_');
}

/** The folder a workspace settings file belongs to (the parent of its `.claude` folder). */
function settingsRoot(file: ConfigFile): string | undefined {
  const m = /^(.*)\/\.claude\/settings(\.local)?\.json$/i.exec(normalizeFsPath(file.path));
  return m ? m[1] : undefined;
}

/** What a settings file names in a list that must hold server names, and is not one: Claude Code rejects the file's settings. */
export function claudeCodeSettingsProblems(file: Pick<ConfigFile, 'path' | 'root'>): ParseProblem[] {
  if (!isClaudeCodeSettingsPath(file.path) || file.root?.type !== 'object') return [];
  const out: ParseProblem[] = [];
  for (const key of ['disabledMcpjsonServers', 'enabledMcpjsonServers']) {
    const node = child(file.root, key);
    if (!node) continue;
    const bad = node.type !== 'array' ? node : items(node).find((i) => i.type !== 'string');
    if (!bad) continue;
    out.push({
      kind: 'schema',
      offset: bad.offset,
      length: bad.length,
      message: `\`${key}\` must be a list of server names: Claude Code rejects this settings file, so none of its settings apply.`,
    });
  }
  const all = child(file.root, 'enableAllProjectMcpServers');
  if (all && all.type !== 'boolean') {
    out.push({
      kind: 'schema',
      offset: all.offset,
      length: all.length,
      message: '`enableAllProjectMcpServers` must be true or false: Claude Code rejects this settings file, so none of its settings apply.',
    });
  }
  return out;
}

/** Where one rejection is written, for a message: the setting and the file that holds it. */
export interface ClaudeCodeRejection {
  file: ConfigFile;
  /** E.g. "`disabledMcpjsonServers` in .claude/settings.local.json". */
  said: string;
}

function label(file: ConfigFile): string {
  const p = normalizeFsPath(file.path);
  if (/\/\.claude\.json$/i.test(p)) return '~/.claude.json';
  if (MANAGED_SETTINGS_PATH.test(p)) return 'managed-settings.json';
  if (file.scope === 'user') return '~/.claude/settings.json';
  return p.endsWith('.local.json') ? '.claude/settings.local.json' : '.claude/settings.json';
}

const cache = new WeakMap<Project, Map<string, Map<string, ClaudeCodeRejection>>>();

/**
 * The project servers Claude Code rejects in one folder, by normalised name: `disabledMcpjsonServers`
 * of the user's, the managed and that folder's settings files, and of the folder's entry in
 * `~/.claude.json` (where Claude Code keeps the user's own answers). A settings file Claude Code would
 * refuse (a malformed list) counts for nothing.
 */
export function claudeCodeRejections(project: Project, root: string): Map<string, ClaudeCodeRejection> {
  let byRoot = cache.get(project);
  if (!byRoot) cache.set(project, (byRoot = new Map()));
  const cached = byRoot.get(root);
  if (cached) return cached;
  const out = new Map<string, ClaudeCodeRejection>();
  const add = (file: ConfigFile, names: string[]) => {
    const said = `\`disabledMcpjsonServers\` in ${label(file)}`;
    for (const n of names) if (!out.has(claudeCodeServerName(n))) out.set(claudeCodeServerName(n), { file, said });
  };
  for (const file of project.files) {
    if (file.client !== 'claude-code' || !file.root) continue;
    if (isClaudeCodeSettingsPath(file.path)) {
      if (file.problems.some((p) => p.kind === 'schema' || p.kind === 'syntax')) continue;
      if (file.scope === 'workspace' && settingsRoot(file) !== root) continue;
      add(file, scalarItems(child(file.root, 'disabledMcpjsonServers')));
    } else if (/(^|\/)\.claude\.json$/i.test(normalizeFsPath(file.path))) {
      for (const { key, value } of properties(child(file.root, 'projects')))
        if (normalizeFsPath(key) === root) add(file, scalarItems(child(value, 'disabledMcpjsonServers')));
    }
  }
  byRoot.set(root, out);
  return out;
}

/** Whether the server is one of a project `.mcp.json`'s (the only servers these lists govern). */
export function isProjectMcpJsonServer(file: ConfigFile, projectPath: string | undefined): boolean {
  return file.client === 'claude-code' && file.scope === 'workspace' && projectPath === undefined && !isClaudeCodeSettingsPath(file.path);
}
