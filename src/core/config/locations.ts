import type { ClientId } from './clientIds';
import type { Scope } from './clients';

/** The bits of the machine that decide where user-level configs live. Passed in; core reads no environment. */
export interface MachineEnv {
  platform: 'darwin' | 'win32' | 'linux';
  home: string;
  /** %APPDATA% on Windows. */
  appData?: string;
  /** $XDG_CONFIG_HOME; defaults to ~/.config. */
  xdgConfigHome?: string;
  codexHome?: string;
  copilotHome?: string;
}

export interface KnownLocation {
  client: ClientId;
  scope: Scope;
  path: string;
}

/** Config files inside a project, relative to its root. Globs use `*` for one path segment. */
export const WORKSPACE_FILES: readonly { client: ClientId; path: string }[] = [
  { client: 'vscode', path: '.vscode/mcp.json' },
  { client: 'mcp-warden', path: '.vscode/mcp-warden.json' },
  { client: 'cursor', path: '.cursor/mcp.json' },
  { client: 'claude-code', path: '.mcp.json' },
  { client: 'claude-code', path: '.claude/settings.json' },
  { client: 'claude-code', path: '.claude/settings.local.json' },
  { client: 'roo-code', path: '.roo/mcp.json' },
  { client: 'kilo-code', path: '.kilocode/mcp.json' },
  { client: 'firebase-studio', path: '.idx/mcp.json' },
  { client: 'opencode', path: 'opencode.json' },
  { client: 'opencode', path: 'opencode.jsonc' },
  { client: 'windsurf', path: '.windsurf/mcp.json' },
  { client: 'kiro', path: '.kiro/settings/mcp.json' },
  { client: 'amazon-q', path: '.amazonq/mcp.json' },
  { client: 'amazon-q', path: '.amazonq/default.json' },
  { client: 'gemini-cli', path: '.gemini/settings.json' },
  { client: 'zed', path: '.zed/settings.json' },
  { client: 'codex', path: '.codex/config.toml' },
  { client: 'continue', path: '.continue/mcpServers/*.yaml' },
  { client: 'continue', path: '.continue/mcpServers/*.yml' },
  { client: 'continue', path: '.continue/mcpServers/*.json' },
];

const EDITOR_USER_DIRS = ['Code', 'Code - Insiders', 'VSCodium', 'Cursor', 'Windsurf', 'code-server'];

function join(...parts: string[]): string {
  return parts.join('/').replace(/\\/g, '/').replace(/\/+/g, '/');
}

/** The application-data folder where editors keep `<Editor>/User`. */
function editorBase(env: MachineEnv): string[] {
  if (env.platform === 'darwin') return [join(env.home, 'Library/Application Support')];
  if (env.platform === 'win32') return [env.appData ?? join(env.home, 'AppData/Roaming')];
  return [env.xdgConfigHome ?? join(env.home, '.config'), join(env.home, '.local/share')];
}

/**
 * The configs kept in one editor's `User` folder: its own `mcp.json` and `settings.json` (the
 * deprecated `mcp.servers` setting) and those of the Cline and Roo Code extensions.
 */
export function editorUserFiles(userDir: string): { client: ClientId; path: string }[] {
  return [
    { client: 'vscode', path: join(userDir, 'mcp.json') },
    { client: 'vscode', path: join(userDir, 'settings.json') },
    { client: 'cline', path: join(userDir, 'globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json') },
    { client: 'roo-code', path: join(userDir, 'globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json') },
    { client: 'kilo-code', path: join(userDir, 'globalStorage/kilocode.kilo-code/settings/mcp_settings.json') },
  ];
}

/** Every user-level (and managed) config file this machine may have, for every client. */
export function userConfigLocations(env: MachineEnv): KnownLocation[] {
  const h = env.home;
  const xdg = env.xdgConfigHome ?? join(h, '.config');
  const out: KnownLocation[] = [];
  const add = (client: ClientId, path: string, scope: Scope = 'user') => out.push({ client, scope, path });

  for (const base of editorBase(env)) {
    for (const editor of EDITOR_USER_DIRS) {
      const user = join(base, editor, 'User');
      for (const file of editorUserFiles(user)) if (file.client !== 'vscode' || (editor !== 'Cursor' && editor !== 'Windsurf')) add(file.client, file.path);
    }
  }
  add('cursor', join(h, '.cursor/mcp.json'));
  if (env.platform === 'darwin') add('claude-desktop', join(h, 'Library/Application Support/Claude/claude_desktop_config.json'));
  else if (env.platform === 'win32') add('claude-desktop', join(env.appData ?? join(h, 'AppData/Roaming'), 'Claude/claude_desktop_config.json'));
  else add('claude-desktop', join(xdg, 'Claude/claude_desktop_config.json'));
  add('claude-code', join(h, '.claude.json'));
  // Settings files hold no servers, but their lists decide which project (.mcp.json) servers Claude Code loads.
  add('claude-code', join(h, '.claude/settings.json'));
  const claudeManaged =
    env.platform === 'darwin' ? '/Library/Application Support/ClaudeCode' : env.platform === 'win32' ? 'C:/Program Files/ClaudeCode' : '/etc/claude-code';
  add('claude-code', `${claudeManaged}/managed-mcp.json`, 'managed');
  add('claude-code', `${claudeManaged}/managed-settings.json`, 'managed');
  add('windsurf', join(h, '.codeium/windsurf/mcp_config.json'));
  add('windsurf', join(h, '.codeium/mcp_config.json'));
  add('kiro', join(h, '.kiro/settings/mcp.json'));
  add('amazon-q', join(h, '.aws/amazonq/mcp.json'));
  add('amazon-q', join(h, '.aws/amazonq/default.json'));
  add('amazon-q', join(h, '.aws/amazonq/agents/default.json'));
  add('gemini-cli', join(h, '.gemini/settings.json'));
  // Zed follows XDG on Linux only; on macOS it always uses ~/.config/zed.
  add(
    'zed',
    env.platform === 'win32'
      ? join(env.appData ?? join(h, 'AppData/Roaming'), 'Zed/settings.json')
      : join(env.platform === 'linux' ? xdg : join(h, '.config'), 'zed/settings.json'),
  );
  add('codex', join(env.codexHome ?? join(h, '.codex'), 'config.toml'));
  if (env.platform !== 'win32') add('codex', '/etc/codex/managed_config.toml', 'managed');
  add('continue', join(h, '.continue/config.yaml'));
  add('goose', env.platform === 'win32' ? join(env.appData ?? join(h, 'AppData/Roaming'), 'Block/goose/config/config.yaml') : join(xdg, 'goose/config.yaml'));
  add('lm-studio', join(h, '.lmstudio/mcp.json'));
  add('kilo-code', join(h, '.kilocode/cli/global/settings/mcp_settings.json'));
  add('opencode', join(xdg, 'opencode/opencode.json'));
  add('copilot-cli', join(env.copilotHome ?? join(h, '.copilot'), 'mcp-config.json'));
  return out;
}

interface PathPattern {
  client: ClientId;
  pattern: RegExp;
  scope?: Scope;
}

/** File names that decide the client, tested on the forward-slash path. First match wins. */
const PATH_PATTERNS: readonly PathPattern[] = [
  { client: 'vscode', pattern: /(^|\/)\.vscode\/mcp\.json$/i, scope: 'workspace' },
  { client: 'mcp-warden', pattern: /(^|\/)\.vscode\/mcp-warden\.json$/i, scope: 'workspace' },
  { client: 'vscode', pattern: /\/User\/(profiles\/[^/]+\/)?mcp\.json$/, scope: 'user' },
  // A multi-root workspace file: VS Code reads its `settings.mcp` when the workspace is opened.
  { client: 'vscode', pattern: /\.code-workspace$/i, scope: 'workspace' },
  { client: 'vscode', pattern: /\/User\/(profiles\/[^/]+\/)?settings\.json$/, scope: 'user' },
  { client: 'cursor', pattern: /(^|\/)\.cursor\/mcp\.json$/i },
  { client: 'claude-desktop', pattern: /(^|\/)claude_desktop_config\.json$/i, scope: 'user' },
  { client: 'claude-code', pattern: /(^|\/)managed-mcp\.json$/i, scope: 'managed' },
  { client: 'claude-code', pattern: /(^|\/)(claudecode|claude-code)\/managed-settings\.json$/i, scope: 'managed' },
  { client: 'claude-code', pattern: /(^|\/)\.claude\/settings(\.local)?\.json$/i },
  { client: 'claude-code', pattern: /(^|\/)\.claude\.json$/i, scope: 'user' },
  { client: 'claude-code', pattern: /(^|\/)\.mcp\.json$/i, scope: 'workspace' },
  { client: 'windsurf', pattern: /(^|\/)\.codeium\/(windsurf\/)?mcp_config\.json$/i, scope: 'user' },
  // Early Roo Code releases kept Cline's file name in their own storage folder.
  { client: 'roo-code', pattern: /rooveterinaryinc\.roo-cline\/settings\/cline_mcp_settings\.json$/i, scope: 'user' },
  { client: 'cline', pattern: /(^|\/)cline_mcp_settings\.json$/i, scope: 'user' },
  { client: 'roo-code', pattern: /rooveterinaryinc\.roo-cline\/settings\/mcp_settings\.json$/i, scope: 'user' },
  { client: 'roo-code', pattern: /(^|\/)\.roo\/mcp\.json$/i, scope: 'workspace' },
  { client: 'kilo-code', pattern: /kilocode\.kilo-code\/settings\/mcp_settings\.json$/i, scope: 'user' },
  { client: 'kilo-code', pattern: /(^|\/)\.kilocode\/cli\/global\/settings\/mcp_settings\.json$/i, scope: 'user' },
  { client: 'kilo-code', pattern: /(^|\/)\.kilocode\/mcp\.json$/i, scope: 'workspace' },
  { client: 'firebase-studio', pattern: /(^|\/)\.idx\/mcp\.json$/i, scope: 'workspace' },
  { client: 'opencode', pattern: /(^|\/)\.config\/opencode\/opencode\.jsonc?$/i, scope: 'user' },
  { client: 'opencode', pattern: /(^|\/)opencode\.jsonc?$/i, scope: 'workspace' },
  // Windsurf reads only the user file; a project's copy is what teammates paste into it.
  { client: 'windsurf', pattern: /(^|\/)\.windsurf\/mcp\.json$/i, scope: 'workspace' },
  { client: 'kiro', pattern: /(^|\/)\.kiro\/settings\/mcp\.json$/i },
  { client: 'amazon-q', pattern: /(^|\/)\.aws\/amazonq\/(mcp|default|agents\/[^/]+|cli-agents\/[^/]+)\.json$/i, scope: 'user' },
  { client: 'amazon-q', pattern: /(^|\/)\.amazonq\/(mcp|default)\.json$/i, scope: 'workspace' },
  { client: 'gemini-cli', pattern: /(^|\/)\.gemini\/settings\.json$/i },
  { client: 'zed', pattern: /(^|\/)(zed|Zed|\.zed)\/settings\.json$/ },
  { client: 'codex', pattern: /(^|\/)codex\/managed_config\.toml$/i, scope: 'managed' },
  { client: 'codex', pattern: /(^|\/)\.codex\/config\.toml$/i },
  { client: 'continue', pattern: /(^|\/)\.continue\/mcpServers\/[^/]+\.(ya?ml|json)$/i, scope: 'workspace' },
  { client: 'continue', pattern: /(^|\/)\.continue\/config\.ya?ml$/i, scope: 'user' },
  { client: 'goose', pattern: /(^|\/)goose\/(config\/)?config\.ya?ml$/i, scope: 'user' },
  { client: 'lm-studio', pattern: /(^|\/)\.lmstudio\/mcp\.json$/i, scope: 'user' },
  { client: 'copilot-cli', pattern: /(^|\/)\.copilot\/mcp-config\.json$/i, scope: 'user' },
];

export interface PathMatch {
  client: ClientId;
  scope?: Scope;
}

/** A VS Code multi-root workspace file (`<name>.code-workspace`): its servers sit under `settings.mcp.servers`. */
export function isCodeWorkspacePath(path: string): boolean {
  return /\.code-workspace$/i.test(path);
}

/** The client a file belongs to, judged from its path alone. */
export function clientFromPath(path: string): PathMatch | undefined {
  const p = path.replace(/\\/g, '/');
  for (const entry of PATH_PATTERNS) {
    if (entry.pattern.test(p)) return entry.scope ? { client: entry.client, scope: entry.scope } : { client: entry.client };
  }
  return undefined;
}

/** Scope for files whose name does not fix it: inside the home folder's own dot-folders it is the user's. */
export function scopeFromPath(path: string, home: string | undefined): Scope {
  if (!home) return 'workspace';
  const p = path.replace(/\\/g, '/');
  const h = home.replace(/\\/g, '/').replace(/\/$/, '');
  const rest = p.startsWith(h + '/') ? p.slice(h.length + 1) : undefined;
  if (rest !== undefined && /^\.[^/]+\//.test(rest)) return 'user';
  return 'workspace';
}
