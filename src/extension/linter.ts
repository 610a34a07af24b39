import * as vscode from 'vscode';
import { createProject, lintFile, type Finding, type Project, type ServerSnapshot, type Severity } from '../core/index';
import type { Policy } from '../core/policy/model';
import { pathOfUri, type ConfigIndex, type TrackedConfig } from './configIndex';
import { toDiagnostic } from './convert';
import { editorWindow } from './discovery';
import type { Log } from './log';
import type { ExtensionSettings } from './settings';
import { plural } from '../core/text/plural';

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
  files: number;
}

/**
 * Lints tracked configs and publishes their diagnostics. A change to one file re-lints every file of
 * the same client too, since rules relate them (a name defined in two scopes).
 */
export class Linter implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('mcp-warden');
  private readonly findings = new Map<string, Finding[]>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidLint = this.changed.event;
  /** User-level files are shown once the user asked for them (command or setting). */
  showUserFiles = false;
  /** What live servers offer (by `serverKey`), so that rules such as toxic-flow judge real tools. */
  liveSnapshots: (() => ReadonlyMap<string, ServerSnapshot>) | undefined;
  /** The approved-server policy in effect (`mcpWarden.policyPath`), if there is one. */
  policy: Policy | undefined;
  /** Env files named by workspace servers (path → text), read by the Warden. */
  envFiles: ReadonlyMap<string, string> = new Map();
  private lastProject: Project | undefined;

  constructor(
    private readonly index: ConfigIndex,
    private settings: ExtensionSettings,
    private readonly docsUri: (ruleId: string) => vscode.Uri,
    private readonly log: Log,
  ) {}

  updateSettings(settings: ExtensionSettings): void {
    this.settings = settings;
    this.lintAll();
  }

  /** Lints `uri` (and its relatives) after the debounce delay; repeated calls restart the delay. */
  schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const tracked = this.index.get(uri);
        if (tracked) this.lintRelated(tracked);
      }, this.settings.debounceMs),
    );
  }

  lintAll(): void {
    this.lint(this.index.all);
  }

  lintRelated(tracked: TrackedConfig): void {
    const client = tracked.config.client;
    this.lint(this.index.all.filter((t) => t === tracked || (client !== undefined && t.config.client === client)));
  }

  forget(uri: vscode.Uri): void {
    const removed = this.index.delete(uri);
    this.collection.delete(uri);
    this.findings.delete(uri.toString());
    if (removed) this.lintAll();
    else this.changed.fire();
  }

  /** The project of the latest lint run (every known config), for views that analyse it too. */
  project(): Project {
    if (!this.lastProject) {
      this.lastProject = createProject(
        this.index.all.map((t) => t.config),
        (vscode.workspace.workspaceFolders ?? []).map((f) => pathOfUri(f.uri)),
      );
      const window = editorWindow();
      if (window) this.lastProject.window = window;
    }
    return this.lastProject;
  }

  get engineSettings(): ExtensionSettings['engine'] {
    return this.settings.engine;
  }

  findingsFor(uri: vscode.Uri): Finding[] {
    return this.findings.get(uri.toString()) ?? [];
  }

  counts(): FindingCounts {
    const counts: FindingCounts = { error: 0, warning: 0, info: 0, files: 0 };
    for (const [uri, list] of this.findings) {
      if (!this.collection.has(vscode.Uri.parse(uri))) continue;
      if (list.length > 0) counts.files++;
      for (const f of list) counts[f.severity as Severity]++;
    }
    return counts;
  }

  lintedPaths(): string[] {
    return this.index.all.filter((t) => this.isShown(t)).map((t) => pathOfUri(t.uri));
  }

  private isShown(t: TrackedConfig): boolean {
    return t.origin !== 'user' || this.showUserFiles || this.settings.lintUserConfigs;
  }

  private lint(targets: TrackedConfig[]): void {
    const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => pathOfUri(f.uri));
    const live = this.liveSnapshots?.();
    const window = editorWindow();
    const project: Project = {
      ...createProject(
        this.index.all.map((t) => t.config),
        roots,
      ),
      ...(live && live.size > 0 ? { liveSnapshots: live } : {}),
      ...(window ? { window } : {}),
      ...(this.policy ? { policy: this.policy } : {}),
      ...(this.envFiles.size > 0 ? { envFiles: this.envFiles } : {}),
    };
    this.lastProject = project;
    for (const tracked of targets) {
      const started = Date.now();
      let list: Finding[];
      try {
        list = lintFile(tracked.config, project, { settings: this.settings.engine });
      } catch (e) {
        this.log.error(`Linting ${tracked.config.path} failed: ${(e as Error).stack ?? e}`);
        continue;
      }
      this.findings.set(tracked.uri.toString(), list);
      if (this.isShown(tracked)) {
        this.collection.set(
          tracked.uri,
          list.map((f) => toDiagnostic(f, this.docsUri, (p) => this.index.uriOf(p))),
        );
      } else this.collection.delete(tracked.uri);
      this.log.debug(
        `Linted ${tracked.config.path} (${tracked.config.client ?? 'unknown format'}, ${plural(tracked.config.servers.length, 'server')}): ${plural(list.length, 'finding')} in ${Date.now() - started} ms`,
      );
    }
    this.changed.fire();
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.collection.dispose();
    this.changed.dispose();
  }
}
