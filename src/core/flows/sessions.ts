import type { ClientId } from '../config/clientIds';
import { CLIENTS } from '../config/clients';
import { isProjectMcpJsonServer } from '../config/claudeCodeSettings';
import { disabledBy } from '../config/disabledBy';
import { WORKSPACE_FILES } from '../config/locations';
import { folderOfFile, normalizeFsPath, type Project } from '../engine/project';
import type { ConfigFile } from '../model/configFile';
import type { ServerEntry } from '../model/server';
import type { ServerSnapshot } from '../model/tool';
import { BUILTIN_TOOLS } from './catalog/builtins';
import type { CatalogServer } from './catalog/types';
import { resolveServerTools, type ResolvedTools } from './resolve';
import { serverListFilter } from './toolFilter';
import type { ToolClassification } from './types';

export interface SessionServer {
  /** `serverKey(entry)`, or `builtin:<client>` for the client's own tools. */
  key: string;
  name: string;
  entry?: ServerEntry;
  file?: ConfigFile;
  /** Where the tool list comes from. */
  origin: 'live' | 'catalog' | 'listing' | 'guess' | 'unknown' | 'builtin';
  catalog?: CatalogServer;
  /** Why the catalog's tool list was narrowed (read-only mode…). */
  narrowedBy?: string;
  tools: ToolClassification[];
  /** Tools the config's own tool filter hides from the model. */
  hiddenTools: string[];
}

/** The servers one client loads together for one workspace (or for the user alone). */
export interface Session {
  id: string;
  client: ClientId;
  clientName: string;
  /** The workspace folder, or undefined for a session of user-level configs only. */
  root?: string;
  files: ConfigFile[];
  servers: SessionServer[];
}

export interface SessionOptions {
  /** Live inspection results by `serverKey`; they replace the catalog's guesses. */
  live?: ReadonlyMap<string, ServerSnapshot>;
  /** Add the client's built-in tools (terminal, fetch, file edits) as one pseudo-server. Default true. */
  builtinTools?: boolean;
}

/** Identifies one server entry across the project: its file and JSON path. */
export function serverKey(entry: ServerEntry): string {
  return `${entry.file}#${entry.path.join('/')}`;
}

const WORKSPACE_PATTERNS = WORKSPACE_FILES.map((w) => ({
  client: w.client,
  pattern: new RegExp(`(^|/)${w.path.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]+')}$`),
}));

/** The client whose session a file's servers join: servers MCP Warden serves to VS Code are VS Code's. */
export function sessionClientOf(file: ConfigFile): ClientId {
  if (!file.client) return 'generic';
  return file.client === 'mcp-warden' ? 'vscode' : file.client;
}

/** The folder a client opens to load a workspace-scope file: what its known relative path implies, else a configured root containing it. */
export function workspaceRootOf(file: ConfigFile, roots: readonly string[]): string {
  const path = normalizeFsPath(file.path);
  const known = knownWorkspaceRoot(file);
  if (known !== undefined) return known;
  const containing = roots.filter((r) => path.startsWith(`${r}/`)).sort((a, b) => b.length - a.length)[0];
  if (containing) return containing;
  return folderOfFile(path);
}

function knownWorkspaceRoot(file: ConfigFile): string | undefined {
  const path = normalizeFsPath(file.path);
  for (const { client, pattern } of WORKSPACE_PATTERNS) {
    if (client !== file.client) continue;
    const m = pattern.exec(path);
    if (m) return path.slice(0, m.index);
  }
  return undefined;
}

/** User-level file names that say nothing of their folder: a real one sits in its client's own folder. */
const USER_FOLDERS: Partial<Record<ClientId, RegExp>> = {
  'claude-desktop': /\/claude\/claude_desktop_config\.json$/i,
  cline: /\/settings\/cline_mcp_settings\.json$/i,
};
const MANAGED_CLAUDE_CODE = /(^|\/)(claudecode|claude-code)\/managed-mcp\.json$/i;

/**
 * Whether a client would load this file together with others: a workspace file at its client's
 * known place in a folder, or a user-level file outside the project at a plausible user location.
 * A copy in `examples/`, `docs/` or anywhere else of no known location is a session of its own.
 */
export function loadedWithOthers(file: ConfigFile, roots: readonly string[]): boolean {
  if (!file.client || file.client === 'generic' || file.clientSource === 'content') return false;
  if (file.scope === 'workspace') return knownWorkspaceRoot(file) !== undefined;
  const path = normalizeFsPath(file.path);
  if (roots.some((r) => path.startsWith(`${r}/`))) return false;
  if (file.scope === 'managed' && file.client === 'claude-code') return MANAGED_CLAUDE_CODE.test(path);
  return USER_FOLDERS[file.client]?.test(path) ?? true;
}

/** Every session of the project: per client, per workspace folder (plus user-only sessions); files loaded with no other stand alone. */
export function buildSessions(project: Project, options: SessionOptions = {}): Session[] {
  const sessions: Session[] = [];
  const byClient = new Map<ClientId, ConfigFile[]>();
  const windowFile = project.window?.workspaceFile === undefined ? undefined : normalizeFsPath(project.window.workspaceFile);
  for (const file of project.files) {
    const client = sessionClientOf(file);
    if (!loadedWithOthers(file, project.workspaceRoots) && !(client === 'vscode' && normalizeFsPath(file.path) === windowFile)) {
      if (file.servers.length > 0)
        sessions.push(makeSession(project, client, undefined, [file], options, client === 'generic' ? file.path : `${client}:${file.path}`));
      continue;
    }
    byClient.set(client, [...(byClient.get(client) ?? []), file]);
  }
  for (const [client, files] of byClient) {
    // One VS Code window over several folders (a multi-root workspace) loads all their servers, and its workspace file's, together.
    const window = client === 'vscode' && project.window ? project.window.folders.map(normalizeFsPath) : undefined;
    const inWindow = (f: ConfigFile) =>
      window !== undefined && (normalizeFsPath(f.path) === windowFile || window.includes(workspaceRootOf(f, project.workspaceRoots)));
    const workspace = files.filter((f) => f.scope === 'workspace');
    const windowFiles = workspace.filter(inWindow);
    const own = workspace.filter((f) => !inWindow(f));
    const user = files.filter((f) => f.scope !== 'workspace');
    const roots = new Set(own.map((f) => workspaceRootOf(f, project.workspaceRoots)));
    for (const f of user)
      for (const s of f.servers)
        if (s.projectPath !== undefined && project.workspaceRoots.includes(normalizeFsPath(s.projectPath))) roots.add(normalizeFsPath(s.projectPath));
    if (window && windowFiles.length > 0) {
      const id = `${client}@window:${windowFile ?? [...window].sort().join(',')}`;
      sessions.push(makeSession(project, client, window[0], [...windowFiles, ...user], options, id));
    } else if (roots.size === 0) {
      if (user.some((f) => f.servers.length > 0)) sessions.push(makeSession(project, client, undefined, user, options, `${client}`));
      continue;
    }
    for (const root of [...roots].sort()) {
      const mine = own.filter((f) => workspaceRootOf(f, project.workspaceRoots) === root);
      sessions.push(makeSession(project, client, root, [...mine, ...user], options, `${client}@${root}`));
    }
  }
  return sessions;
}

const RANK = { local: 0, workspace: 1, user: 2, managed: 3 } as const;

function makeSession(project: Project, client: ClientId, root: string | undefined, files: ConfigFile[], options: SessionOptions, id: string): Session {
  const managed = client === 'claude-code' ? files.filter((f) => f.scope === 'managed' && f.servers.length > 0) : [];
  const loaded = managed.length > 0 ? managed : files;
  const candidates: { entry: ServerEntry; file: ConfigFile; rank: number }[] = [];
  const excluded = new Set<string>();
  let allowed: string[] | undefined;
  for (const file of loaded) {
    const lists = serverListFilter(file);
    lists.excluded.forEach((n) => excluded.add(n));
    if (lists.allowed && (allowed === undefined || file.scope === 'workspace')) allowed = lists.allowed;
    for (const entry of file.servers) {
      if (entry.projectPath !== undefined && (root === undefined || normalizeFsPath(entry.projectPath) !== root)) continue;
      // Claude Code drops the project servers it rejects before scopes are merged: a user server of the same name still loads.
      if (isProjectMcpJsonServer(file, entry.projectPath) && disabledBy(entry, file, project) !== undefined) continue;
      const rank = entry.projectPath !== undefined ? RANK.local : RANK[file.scope];
      candidates.push({ entry, file, rank });
    }
  }
  const chosen = new Map<string, { entry: ServerEntry; file: ConfigFile; rank: number }>();
  for (const c of candidates) {
    const key = client === 'vscode' ? `${c.file.path}\u0000${c.entry.name}` : c.entry.name;
    const kept = chosen.get(key);
    if (!kept || c.rank <= kept.rank) chosen.set(key, c);
  }
  const servers: SessionServer[] = [];
  for (const { entry, file } of chosen.values()) {
    // The client's lists apply across its files of one session (a user-level `mcp.excluded` hides a workspace server too).
    if (excluded.has(entry.name) || (allowed !== undefined && !allowed.includes(entry.name))) continue;
    if (disabledBy(entry, file, project) !== undefined) continue;
    servers.push(sessionServer(entry, file, options.live));
  }
  // The order files arrive in (the CLI's discovery, the editor's open documents) must not decide ties between servers.
  servers.sort(byPlace);
  const builtin = options.builtinTools === false ? undefined : BUILTIN_TOOLS[client];
  if (builtin) servers.push(builtinServer(client, builtin.title, builtin.tools));
  const session: Session = { id, client, clientName: CLIENTS[client].name, files: loaded, servers };
  if (root !== undefined) session.root = root;
  return session;
}

const sessionServers = new WeakMap<ResolvedTools, SessionServer>();

/** One server as sessions hold it: the same object for every session that loads the entry (resolution is memoized per entry). */
function sessionServer(entry: ServerEntry, file: ConfigFile, live: ReadonlyMap<string, ServerSnapshot> | undefined): SessionServer {
  const key = live ? serverKey(entry) : undefined;
  const resolved = resolveServerTools(entry, key === undefined ? undefined : live!.get(key));
  let server = sessionServers.get(resolved);
  if (!server) {
    server = new EntryServer(entry, file, resolved, key);
    sessionServers.set(resolved, server);
  }
  return server;
}

/** A session's server for a config entry. Its key is made when first read (a lint never reads it). */
class EntryServer implements SessionServer {
  readonly name: string;
  readonly origin: SessionServer['origin'];
  readonly tools: ToolClassification[];
  readonly hiddenTools: string[];
  declare catalog?: CatalogServer;
  declare narrowedBy?: string;

  constructor(
    readonly entry: ServerEntry,
    readonly file: ConfigFile,
    resolved: ResolvedTools,
    private known: string | undefined,
  ) {
    this.name = entry.name;
    this.origin = resolved.origin;
    this.tools = resolved.tools;
    this.hiddenTools = resolved.hiddenTools;
    if (resolved.catalog) this.catalog = resolved.catalog;
    if (resolved.narrowedBy) this.narrowedBy = resolved.narrowedBy;
  }

  get key(): string {
    return (this.known ??= serverKey(this.entry));
  }
}

/** By file path (code-unit order), then by place in the file. */
function byPlace(a: SessionServer, b: SessionServer): number {
  const pa = a.file!.path;
  const pb = b.file!.path;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.entry!.node.offset - b.entry!.node.offset;
}

function builtinServer(client: ClientId, title: string, tools: NonNullable<(typeof BUILTIN_TOOLS)[ClientId]>['tools']): SessionServer {
  const catalog: CatalogServer = { id: `builtin:${client}`, title, match: [], tools, source: 'built-in' };
  return {
    key: `builtin:${client}`,
    name: `${CLIENTS[client].name} built-in`,
    origin: 'builtin',
    catalog,
    tools: resolveServerTools(undefined, undefined, catalog).tools,
    hiddenTools: [],
  };
}
