import * as vscode from 'vscode';
import { createProject } from '../core/index';
import { SETTINGS_FILE } from '../core/workspace/locations';
import { readEnvFiles } from '../node/envFiles';
import { currentMachineEnv } from '../node/machineEnv';
import { ConfigIndex } from './configIndex';
import { findUserConfigs, findWorkspaceConfigs, isConfigDocument, isWorkspaceConfig, loadFromDisk, workspaceConfigGlob } from './discovery';
import { Linter } from './linter';
import type { Log } from './log';
import { readExtensionSettings, SECTION, teamSettingsUri, type ExtensionSettings } from './settings';
import { StatusBar } from './statusBar';
import { nounFor } from '../core/text/plural';

/** The extension's state and its wiring to editor events. Commands act through it. */
export class Warden implements vscode.Disposable {
  readonly index = new ConfigIndex(currentMachineEnv().home);
  readonly linter: Linter;
  readonly statusBar = new StatusBar();
  private readonly disposables: vscode.Disposable[] = [];
  /** Settles when the first scan of the workspace and user configs is done. */
  ready: Promise<void> = Promise.resolve();

  private constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: Log,
    public settings: ExtensionSettings,
  ) {
    this.linter = new Linter(this.index, settings, (id) => this.docsUri(id), log);
    this.disposables.push(
      this.linter,
      this.statusBar,
      this.linter.onDidLint(() => this.statusBar.update(this.linter.counts(), this.linter.lintedPaths().length)),
    );
  }

  static async create(context: vscode.ExtensionContext, log: Log): Promise<Warden> {
    const warden = new Warden(context, log, await readExtensionSettings(log));
    warden.watch();
    return warden;
  }

  docsUri(ruleId: string): vscode.Uri {
    return vscode.Uri.joinPath(this.context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
  }

  /**
   * The first scan: workspace and user-level configs are both read before anything is linted, so the
   * first diagnostics already relate the two (a name defined in both scopes) instead of changing later.
   */
  async initialScan(): Promise<void> {
    await this.scanWorkspace(false);
    await this.scanUserConfigs(false, false);
    this.linter.lintAll();
  }

  /** Reads every workspace config from disk (or its open editor) and lints them all. */
  async scanWorkspace(lint = true): Promise<number> {
    const uris = await findWorkspaceConfigs();
    let loaded = 0;
    for (const uri of uris) if (await loadFromDisk(this.index, uri, 'workspace', this.settings.maxFileBytes, this.log)) loaded++;
    for (const doc of vscode.workspace.textDocuments) if (isConfigDocument(doc, this.index) && !this.index.get(doc.uri)) this.index.fromDocument(doc);
    this.log.info(`Workspace: ${loaded} MCP config ${nounFor(loaded, 'file')} found.`);
    await this.refreshEnvFiles();
    if (lint) this.linter.lintAll();
    return loaded;
  }

  /** Reads the user-level configs of every client on this machine; `show` publishes their diagnostics. */
  async scanUserConfigs(show: boolean, lint = true): Promise<number> {
    const found = await findUserConfigs(this.context);
    for (const { uri, scope, client } of found) await loadFromDisk(this.index, uri, 'user', this.settings.maxFileBytes, this.log, scope, client);
    if (show) this.linter.showUserFiles = true;
    this.log.info(
      `User level: ${found.length} MCP config ${nounFor(found.length, 'file')} found${found.length ? ': ' + found.map((f) => f.uri.fsPath).join(', ') : ''}.`,
    );
    if (lint) this.linter.lintAll();
    return found.length;
  }

  /** Reads the env files workspace servers name (inside the workspace, ≤ 1 MB, as the CLI does); true when any text changed. */
  async refreshEnvFiles(): Promise<boolean> {
    const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
    const next = readEnvFiles(
      createProject(
        this.index.all.map((t) => t.config),
        roots,
      ),
    );
    const before = this.linter.envFiles;
    const changed = next.size !== before.size || [...next].some(([k, v]) => before.get(k) !== v);
    this.linter.envFiles = next;
    return changed;
  }

  private watch(): void {
    const onDocument = (doc: vscode.TextDocument) => {
      if (!isConfigDocument(doc, this.index)) return;
      this.index.fromDocument(doc);
      this.linter.schedule(doc.uri);
    };
    const envWatcher = vscode.workspace.createFileSystemWatcher('**/*.env*');
    const onEnvFile = async () => {
      if (await this.refreshEnvFiles()) this.linter.lintAll();
    };
    this.disposables.push(envWatcher, envWatcher.onDidChange(onEnvFile), envWatcher.onDidCreate(onEnvFile), envWatcher.onDidDelete(onEnvFile));
    const watcher = vscode.workspace.createFileSystemWatcher(workspaceConfigGlob());
    const fromDisk = async (uri: vscode.Uri) => {
      if (!this.index.get(uri) && !isWorkspaceConfig(uri)) return;
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
      if (await loadFromDisk(this.index, uri, this.index.get(uri)?.origin ?? 'workspace', this.settings.maxFileBytes, this.log)) this.linter.schedule(uri);
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(fromDisk),
      watcher.onDidChange(fromDisk),
      watcher.onDidDelete((uri) => this.linter.forget(uri)),
      vscode.workspace.onDidOpenTextDocument(onDocument),
      vscode.workspace.onDidChangeTextDocument((e) => onDocument(e.document)),
      vscode.workspace.onDidCloseTextDocument(async (doc) => {
        const tracked = this.index.get(doc.uri);
        if (!tracked) return;
        if (tracked.origin === 'open') this.linter.forget(doc.uri);
        else if (await loadFromDisk(this.index, doc.uri, tracked.origin, this.settings.maxFileBytes, this.log)) this.linter.schedule(doc.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SECTION) && void this.reloadSettings()),
      ...this.watchTeamSettings(),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.scanWorkspace()),
    );
  }

  /** Reads the editor settings and `.mcp-warden.json` again and re-lints with them. */
  async reloadSettings(): Promise<void> {
    this.settings = await readExtensionSettings(this.log);
    this.linter.updateSettings(this.settings);
  }

  /** `.mcp-warden.json` is reloaded when it is created, changed (saved) or deleted, as editor settings are. */
  private watchTeamSettings(): vscode.Disposable[] {
    const uri = teamSettingsUri();
    if (!uri) return [];
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), SETTINGS_FILE));
    const reload = () => void this.reloadSettings();
    return [watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload)];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
