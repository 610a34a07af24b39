import { spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { HookChannel, type WardenDiagnostic, type WardenState } from './support/hooks';
import { assertInstalled, installation, REPO_ROOT } from './support/install';
import { freePort, killStragglers, spawnGroup, stopGroup, waitForHttp } from './support/processes';
import { hoverSquiggle, quickOpen, runFromPalette } from './support/ui';
import { BROWSER_ARGS, copyFixture, dirArgs, makeSessionDirs, QUIET_SETTINGS, serverEnv, writeUserSettings, type SessionDirs } from './support/session';

export type { WardenDiagnostic, WardenState } from './support/hooks';
export { skipReason } from './support/install';

export const SCREENSHOTS = join(REPO_ROOT, 'test-output', 'screenshots');
export const LOGS = join(REPO_ROOT, 'test-output', 'logs');

export interface LaunchOptions {
  /** Fixture folder under test/e2e/workspaces, copied to a temp folder and opened. */
  workspace: string;
  /** A `.code-workspace` file inside that folder, opened instead of the folder (a multi-root window). */
  workspaceFile?: string;
  /** Fixture folder under test/e2e/workspaces copied into the temp HOME the extension host sees. */
  home?: string;
  /** Extra user settings, over the quiet defaults. */
  settings?: Record<string, unknown>;
  /** Keep Workspace Trust on (it is off unless a test is about trust). */
  workspaceTrust?: boolean;
  /** Wait for the extension's first state.json (default true). */
  waitForExtension?: boolean;
}

/** Starts code-server with the packaged VSIX installed, and Chromium on it, showing a copy of a fixture workspace. */
export async function launchEditor(options: LaunchOptions): Promise<Editor> {
  const install = installation();
  assertInstalled(install);
  const dirs = makeSessionDirs(options.workspace);
  const editor = new Editor(dirs);
  try {
    copyFixture(options.workspace, dirs.workspace, dirs);
    if (options.home) copyFixture(options.home, dirs.home, dirs);
    writeUserSettings(dirs, { ...QUIET_SETTINGS, 'security.workspace.trust.enabled': options.workspaceTrust ?? false, ...options.settings });
    const env = serverEnv(dirs);
    const installed = spawnSync(install.node, [install.codeServerEntry, ...dirArgs(dirs), '--install-extension', install.vsix, '--force'], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    appendFileSync(join(dirs.logs, 'install-extension.log'), `${installed.stdout}\n${installed.stderr}\n`);
    if (installed.status !== 0 || !/successfully installed/i.test(installed.stdout)) {
      throw new Error(`installing ${install.vsix} failed (exit ${installed.status}): ${installed.stdout}${installed.stderr}${installed.error ?? ''}`);
    }
    const port = await freePort();
    const serverArgs = [
      install.codeServerEntry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      ...dirArgs(dirs),
    ];
    if (!options.workspaceTrust) serverArgs.push('--disable-workspace-trust');
    editor.server = spawnGroup(install.node, [...serverArgs, dirs.workspace], env, join(dirs.logs, 'code-server.log'));
    process.once('exit', editor.killServerNow);
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, editor.server, 60_000).catch((error: Error) => {
      throw new Error(`code-server did not start: ${error.message}`);
    });
    editor.browser = await chromium.launchPersistentContext(join(dirs.root, 'browser-profile'), {
      executablePath: install.chromium,
      args: BROWSER_ARGS,
      headless: true,
      viewport: { width: 1440, height: 900 },
      env: { ...process.env, HOME: dirs.browserHome },
      timeout: 60_000,
    });
    editor.page = editor.browser.pages()[0] ?? (await editor.browser.newPage());
    editor.page.on('console', (m) => {
      if (m.type() === 'error') appendFileSync(join(dirs.logs, 'browser-console.log'), `${m.text()}\n`);
    });
    editor.page.on('pageerror', (e) => appendFileSync(join(dirs.logs, 'browser-console.log'), `pageerror: ${e.message}\n`));
    const open = options.workspaceFile
      ? `workspace=${encodeURIComponent(join(dirs.workspace, options.workspaceFile))}`
      : `folder=${encodeURIComponent(dirs.workspace)}`;
    await editor.page.goto(`http://127.0.0.1:${port}/?${open}`, { timeout: 60_000 });
    await editor.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    if (options.waitForExtension ?? true) await editor.waitForState(() => true, 60_000, 'the extension to activate and write state.json');
    return editor;
  } catch (error) {
    const kept = editor.keepLogs(`launch-${options.workspace}`);
    await editor.close();
    throw new Error(`e2e launch failed: ${(error as Error).message}\nLogs: ${kept}`);
  }
}

export class Editor {
  server: ChildProcess | undefined;
  browser: BrowserContext | undefined;
  private pageOrUndefined: Page | undefined;
  private readonly hooks: HookChannel;
  private closed = false;

  constructor(readonly dirs: SessionDirs) {
    this.hooks = new HookChannel(dirs.hooks);
  }

  get page(): Page {
    if (!this.pageOrUndefined) throw new Error('e2e: the browser page is not open');
    return this.pageOrUndefined;
  }
  set page(page: Page) {
    this.pageOrUndefined = page;
  }

  get workspace(): string {
    return this.dirs.workspace;
  }
  get home(): string {
    return this.dirs.home;
  }

  /** The file URI (as VS Code prints it) of a path relative to the workspace, or absolute. */
  uri(path: string): string {
    return pathToFileURL(path.startsWith('/') ? path : join(this.dirs.workspace, path)).href;
  }
  homeUri(path: string): string {
    return this.uri(join(this.dirs.home, path));
  }

  readState(): WardenState | undefined {
    return this.hooks.readState();
  }

  waitForState(predicate: (state: WardenState) => boolean, timeoutMs = 30_000, what = 'a matching state'): Promise<WardenState> {
    return this.hooks.waitForState(predicate, timeoutMs, what);
  }

  /** MCP Warden diagnostics of one file (workspace-relative path, absolute path, or URI) in a state. */
  diagnosticsOf(state: WardenState, path: string): WardenDiagnostic[] {
    // Anything with a scheme (file:, mcp-warden-definition:, …) is a URI already; the rest is a workspace path.
    const uri = /^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path) ? path : this.uri(path);
    return state.diagnostics.find((file) => file.uri === uri)?.diagnostics ?? [];
  }

  runCommand(command: string, ...args: unknown[]): Promise<unknown> {
    return this.hooks.runCommand(command, args, 60_000);
  }

  /** Opens a workspace file through Quick Open (Ctrl+P), as a person would, and waits until it is the active editor. */
  openFile(relPath: string): Promise<void> {
    return quickOpen(this.page, relPath);
  }

  /** Runs a command from the Command Palette by its title (F1, type, Enter). */
  palette(commandTitle: string): Promise<void> {
    return runFromPalette(this.page, commandTitle);
  }

  /** Hovers the first squiggle of `severity` in the active editor; returns the text of the hover holding `containing`. */
  hoverSquiggle(severity: 'error' | 'warning' | 'info', containing: string): Promise<string> {
    return hoverSquiggle(this.page, severity, containing);
  }

  get keyboard(): Page['keyboard'] {
    return this.page.keyboard;
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 15 });
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** Copies this session's logs (code-server, extension host, browser console) to test-output/logs/<label>. */
  keepLogs(label: string): string {
    const to = join(LOGS, label);
    rmSync(to, { recursive: true, force: true });
    mkdirSync(to, { recursive: true });
    cpSync(this.dirs.logs, to, { recursive: true });
    const editorLogs = join(this.dirs.userData, 'logs');
    if (existsSync(editorLogs)) cpSync(editorLogs, join(to, 'vscode'), { recursive: true });
    if (existsSync(join(this.dirs.hooks, 'state.json'))) cpSync(join(this.dirs.hooks, 'state.json'), join(to, 'state.json'));
    return relative(process.cwd(), to) || to;
  }

  /** The end of MCP Warden's own output channel, for the failure message: CI prints it where the kept files are out of reach. */
  private wardenLogTail(lines = 25): string {
    const find = (dir: string, file: string): string | undefined => {
      if (!existsSync(dir)) return undefined;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          const found = find(path, file);
          if (found) return found;
        } else if (entry.name === file) return path;
      }
      return undefined;
    };
    const excerpt = (file: string, keep: (line: string) => boolean): string => {
      const log = find(join(this.dirs.userData, 'logs'), file);
      if (!log) return `\n(no ${file} found)`;
      const tail = readFileSync(log, 'utf8').trimEnd().split('\n').filter(keep).slice(-lines);
      return `\nlast ${tail.length} kept lines of ${file}:\n${tail.map((l) => `  | ${l}`).join('\n')}`;
    };
    return excerpt('MCP Warden.log', () => true) + excerpt('remoteexthost.log', (l) => /\[(error|warning)\]/.test(l));
  }

  /**
   * Runs one test step; if it fails, a screenshot and the logs are kept under test-output/ and the error says where.
   */
  async step<T>(name: string, body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (error) {
      const shot = this.pageOrUndefined ? await this.screenshot(`failed-${name}`).catch(() => 'none') : 'none';
      const logs = this.keepLogs(`failed-${name}`);
      if (error instanceof Error) error.message += `\n(e2e screenshot: ${shot}; logs: ${logs})${this.wardenLogTail()}`;
      throw error;
    }
  }

  /** Last resort when the test process exits without close(): no code-server may outlive it. */
  readonly killServerNow = (): void => {
    try {
      if (this.server?.pid) process.kill(-this.server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };

  /** Stops Chromium and code-server with their process groups and checks that nothing we started is left. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.race([this.browser?.close(), new Promise((done) => setTimeout(done, 10_000))]).catch(() => undefined);
    if (this.server) await stopGroup(this.server);
    process.removeListener('exit', this.killServerNow);
    const left = await killStragglers(this.dirs.root);
    if (!process.env.MCP_WARDEN_E2E_KEEP) rmSync(this.dirs.root, { recursive: true, force: true, maxRetries: 3 });
    if (left.length > 0) throw new Error(`e2e: processes survived close(): ${left.join(', ')}`);
  }
}
