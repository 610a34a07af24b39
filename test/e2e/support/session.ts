import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './install';

/** Fresh temp folders for one editor session; `root` is unique and marks every process we start. */
export interface SessionDirs {
  root: string;
  workspace: string;
  home: string;
  browserHome: string;
  userData: string;
  extensions: string;
  hooks: string;
  logs: string;
}

export const WORKSPACES = join(REPO_ROOT, 'test', 'e2e', 'workspaces');

export function makeSessionDirs(workspaceName: string): SessionDirs {
  const root = mkdtempSync(join(tmpdir(), 'mcpw-e2e-'));
  const dirs: SessionDirs = {
    root,
    workspace: join(root, workspaceName),
    home: join(root, 'home'),
    browserHome: join(root, 'browser-home'),
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    hooks: join(root, 'hooks'),
    logs: join(root, 'logs'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  return dirs;
}

/**
 * Copies a fixture folder from test/e2e/workspaces so that tests never touch the repository. In text files,
 * `__WORKSPACE__` and `__HOME__` become the session's real paths (e.g. a `~/.claude.json` project entry), and
 * `__REPO__` the repository root (e.g. the lab servers in `__REPO__/test/lab/servers/`).
 */
export function copyFixture(name: string, to: string, dirs: SessionDirs): void {
  const from = join(WORKSPACES, name);
  if (!statSync(from, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`e2e: no fixture folder ${from}`);
  cpSync(from, to, { recursive: true });
  substitute(to, { __WORKSPACE__: dirs.workspace, __HOME__: dirs.home, __REPO__: REPO_ROOT });
}

function substitute(dir: string, values: Record<string, string>): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      substitute(path, values);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    if (!Object.keys(values).some((key) => text.includes(key))) continue;
    writeFileSync(
      path,
      Object.entries(values).reduce((out, [key, value]) => out.split(key).join(value), text),
    );
  }
}

export function writeUserSettings(dirs: SessionDirs, settings: Record<string, unknown>): void {
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** User settings that keep the workbench from showing anything but what a test opens. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.title': '${activeEditorMedium}',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'json.schemaDownload.enable': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 300,
};

export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function dirArgs(dirs: SessionDirs): string[] {
  return ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', join(dirs.root, 'code-server.yaml')];
}

/** The extension host's environment: our HOME and hooks folder; nothing that would point it at the real user's configs. */
export function serverEnv(dirs: SessionDirs): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(XDG_|VSCODE_|CODEX_HOME|COPILOT_HOME|ELECTRON_|NODE_OPTIONS|NODE_TEST_CONTEXT)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, HOME: dirs.home, MCP_WARDEN_TEST_HOOKS: dirs.hooks };
}
