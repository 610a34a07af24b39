import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { sep } from 'node:path';
import * as vscode from 'vscode';
import { expandEditorVariables } from '../../core/config/variables';
import type { ServerEntry } from '../../core/index';
import { secretNamesIn, substituteSecrets } from '../../core/served/references';
import type { McpApi, McpDefinition, McpDefinitionProvider } from '../compat/mcpApi';
import type { ConfigIndex } from '../configIndex';
import type { Log } from '../log';
import type { SecretStore } from './secretStore';
import { plural } from '../../core/text/plural';

interface Served {
  server: ServerEntry;
  folder: string;
}

/**
 * Serves the servers of `.vscode/mcp-warden.json` to VS Code as an MCP server definition provider.
 * Definitions carry no secret; `resolveMcpServerDefinition`, called when VS Code starts a server,
 * fills each `${secret:NAME}` from SecretStorage (asking once for a name this machine lacks). So the
 * secret reaches the server's environment without ever being written to disk or to VS Code's state.
 */
export class ServedServers implements McpDefinitionProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeMcpServerDefinitions = this.changed.event;
  private served = new Map<string, Served>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly api: McpApi,
    private readonly index: ConfigIndex,
    private readonly secrets: SecretStore,
    private readonly log: Log,
  ) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
    );
  }

  refresh(): void {
    this.changed.fire();
  }

  /** Tells VS Code to ask again when the served file's servers changed (not on every keystroke). */
  refreshIfChanged(): void {
    const signature = JSON.stringify(
      this.index.all.filter((t) => t.config.client === 'mcp-warden').flatMap((t) => t.config.servers.map((s) => [s.name, s.disabled, versionOf(s)])),
    );
    if (signature === this.signature) return;
    this.signature = signature;
    this.changed.fire();
  }

  private signature = '';

  provideMcpServerDefinitions(): McpDefinition[] {
    this.served = new Map();
    if (!vscode.workspace.isTrusted) return [];
    const out: McpDefinition[] = [];
    for (const tracked of this.index.all) {
      if (tracked.config.client !== 'mcp-warden') continue;
      const folder = tracked.config.path.replace(/\/\.vscode\/[^/]+$/, '');
      for (const server of tracked.config.servers) {
        if (server.disabled || this.served.has(server.name)) continue;
        const definition = this.define(server, folder, (v) => v);
        if (!definition) continue;
        this.served.set(server.name, { server, folder });
        out.push(definition);
      }
    }
    return out;
  }

  async resolveMcpServerDefinition(definition: McpDefinition): Promise<McpDefinition | undefined> {
    const served = this.served.get(definition.label);
    if (!served) return definition;
    const names = new Set<string>();
    const collect = (v: string) => secretNamesIn(v).forEach((n) => names.add(n));
    served.server.env.forEach((e) => e.value !== undefined && collect(e.value));
    served.server.headers.forEach((h) => h.value !== undefined && collect(h.value));
    served.server.args.forEach((a) => collect(a.value));
    if (served.server.url) collect(served.server.url.value);
    const values = new Map<string, string>();
    for (const name of names) {
      const value = (await this.secrets.get(name)) ?? (await this.ask(name, served.server.name));
      if (value === undefined) {
        this.log.warn(`Not starting "${served.server.name}": no value for secret ${name}.`);
        return undefined;
      }
      values.set(name, value);
    }
    this.log.info(`Starting "${served.server.name}" with ${plural(values.size, 'secret')} from SecretStorage.`);
    return this.define(served.server, served.folder, (v) => substituteSecrets(v, (n) => values.get(n)).value);
  }

  private async ask(name: string, server: string): Promise<string | undefined> {
    const value = await vscode.window.showInputBox({
      title: `MCP Warden: secret for "${server}"`,
      prompt: `Server "${server}" needs ${name}. It is kept in this editor's SecretStorage and never written to a file.`,
      password: true,
      ignoreFocusOut: true,
    });
    if (!value) return undefined;
    await this.secrets.storeVerified(name, value);
    return value;
  }

  /** The definition VS Code sees; `fill` decides what `${secret:…}` becomes (kept as is, or the secret). */
  private define(server: ServerEntry, folder: string, fill: (v: string) => string): McpDefinition | undefined {
    const resolve = (v: string) => fill(resolveVariables(v, folder));
    const version = versionOf(server);
    if (server.command) {
      const env: Record<string, string> = {};
      for (const e of server.env) if (e.value !== undefined) env[e.key] = resolve(e.value);
      const def = this.api.stdio(
        server.name,
        resolve(server.command.value),
        server.args.map((a) => resolve(a.value)),
        env,
        version,
      );
      def.cwd = vscode.Uri.file(server.cwd ? resolve(server.cwd.value) : folder);
      return def;
    }
    if (server.url) {
      const headers: Record<string, string> = {};
      for (const h of server.headers) if (h.value !== undefined) headers[h.key] = resolve(h.value);
      try {
        return this.api.http(server.name, vscode.Uri.parse(resolve(server.url.value), true), headers, version);
      } catch (e) {
        this.log.warn(`Server "${server.name}" has an invalid URL: ${(e as Error).message}`);
      }
    }
    return undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Changes whenever the definition does, so VS Code refreshes the server's tools. */
function versionOf(server: ServerEntry): string {
  const definition = [
    server.command?.value,
    server.args.map((a) => a.value),
    server.env.map((e) => [e.key, e.value]),
    server.url?.value,
    server.headers.map((h) => [h.key, h.value]),
    server.cwd?.value,
  ];
  return createHash('sha256').update(JSON.stringify(definition)).digest('hex').slice(0, 16);
}

/** `${workspaceFolder}`, `${userHome}`, `${env:NAME}` and `${pathSeparator}`, as VS Code expands them in mcp.json. */
export function resolveVariables(value: string, folder: string): string {
  return expandEditorVariables(value, { workspaceFolder: folder, userHome: homedir(), pathSeparator: sep }, process.env);
}
