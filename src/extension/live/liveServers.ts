import * as vscode from 'vscode';
import { serverKey, type ServerEntry } from '../../core/index';
import { substituteSecrets } from '../../core/served/references';
import type { LiveConnection, LiveSnapshot, LiveStatus, SnapshotChange } from '../../live/index';
import type { ConfigIndex } from '../configIndex';
import type { Log } from '../log';
import type { SecretStore } from '../secrets/secretStore';
import { loadLive, type LiveModule } from './liveModule';
import { TrustGate } from './trustGate';
import { plural } from '../../core/text/plural';

export { serverKey };

/**
 * The live connections behind the sidebar, one per configured server, created on first use. The
 * live client (the MCP SDK, process spawning; dist/live.js) is loaded only then, so activation stays light.
 */
export class LiveServers implements vscode.Disposable {
  private live: LiveModule | undefined;
  private readonly connections = new Map<string, LiveConnection>();
  private readonly changed = new vscode.EventEmitter<string>();
  private readonly snapshotChanged = new vscode.EventEmitter<{ key: string; change: SnapshotChange }>();
  /** Fires with a server key when its status or snapshot changed. */
  readonly onDidChange = this.changed.event;
  readonly onDidChangeSnapshot = this.snapshotChanged.event;
  readonly trust: TrustGate;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly index: ConfigIndex,
    private readonly secrets: SecretStore,
    private readonly log: Log,
  ) {
    this.trust = new TrustGate(context);
  }

  status(server: ServerEntry): LiveStatus {
    return this.connections.get(serverKey(server))?.status ?? { state: 'not-started' };
  }

  snapshot(server: ServerEntry): LiveSnapshot | undefined {
    return this.connections.get(serverKey(server))?.snapshot;
  }

  /** Every current snapshot by `serverKey`. */
  snapshots(): Map<string, LiveSnapshot> {
    const out = new Map<string, LiveSnapshot>();
    for (const [key, c] of this.connections) if (c.snapshot) out.set(key, c.snapshot);
    return out;
  }

  connection(server: ServerEntry): LiveConnection | undefined {
    return this.connections.get(serverKey(server));
  }

  /** Connects (asking once for workspace-defined servers), lists everything; errors end in each server's status. */
  async connect(servers: readonly ServerEntry[], token?: vscode.CancellationToken, onDone?: () => void): Promise<void> {
    this.log.info(`Connecting ${plural(servers.length, 'server')}.`);
    const connections = await Promise.all(servers.map((s) => this.connectionFor(s)));
    const launches = await Promise.all(servers.map(async (server) => ({ server, commandLine: await this.describe(server) })));
    for (const l of launches) this.log.info(`Launch of "${l.server.name}": ${l.commandLine}`);
    const allowed = await this.trust.allowed(launches);
    const abort = new AbortController();
    const sub = token?.onCancellationRequested(() => abort.abort());
    try {
      await Promise.all(
        servers.map(async (server, i) => {
          if (!allowed.has(server)) return;
          try {
            await connections[i]!.connect(abort.signal);
          } catch (e) {
            this.log.warn(`Server "${server.name}" (${server.file}): ${(e as Error).message}`);
          } finally {
            onDone?.();
          }
        }),
      );
    } finally {
      sub?.dispose();
    }
  }

  async refresh(server: ServerEntry): Promise<void> {
    const connection = this.connections.get(serverKey(server));
    if (!connection || connection.status.state !== 'connected') {
      await this.connect([server]);
      return;
    }
    try {
      await connection.refresh();
    } catch (e) {
      this.log.warn(`Refreshing "${server.name}" failed: ${(e as Error).message}`);
    }
  }

  async disconnect(server: ServerEntry): Promise<void> {
    await this.connections.get(serverKey(server))?.disconnect();
  }

  async disconnectAll(): Promise<void> {
    await Promise.all([...this.connections.values()].map((c) => c.disconnect()));
  }

  /** The command line as written in the config, values masked; resolves nothing (so asks for nothing). */
  private async describe(server: ServerEntry): Promise<string> {
    return (await this.load()).describeEntry(server);
  }

  private async connectionFor(server: ServerEntry): Promise<LiveConnection> {
    const key = serverKey(server);
    const existing = this.connections.get(key);
    if (existing && sameDefinition(existing.entry, server)) return existing;
    if (existing) void existing.dispose();
    const live = await this.load();
    const limits = vscode.workspace.getConfiguration('mcpWarden.live');
    const connection = new live.LiveConnection(server, {
      ...this.liveContext(),
      connectTimeoutMs: limits.get('connectTimeoutMs', live.DEFAULT_LIMITS.connectTimeoutMs),
      requestTimeoutMs: limits.get('requestTimeoutMs', live.DEFAULT_LIMITS.requestTimeoutMs),
      maxItemsPerList: limits.get('maxItemsPerServer', live.DEFAULT_LIMITS.maxItemsPerList),
      // The tree cuts long text; the definition document shows it whole (an order may hide after 5 MB of padding).
      // The read budget already bounds any one string.
      maxTextLength: live.DEFAULT_LIMITS.maxOutputBytes,
    });
    connection.onDidChangeStatus(() => this.changed.fire(key));
    connection.onDidChangeSnapshot((change) => {
      this.changed.fire(key);
      this.snapshotChanged.fire({ key, change });
    });
    this.connections.set(key, connection);
    return connection;
  }

  private liveContext() {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    return {
      ...(folder ? { workspaceFolder: folder } : {}),
      clientInfo: { name: 'mcp-warden', version: String(this.context.extension.packageJSON.version) },
      trace: (event: { server: string; kind: string; text: string }) => this.log.trace(`[${event.server}] ${event.kind}: ${event.text}`),
      resolveInput: async (request: { id: string; server: ServerEntry }) =>
        vscode.window.showInputBox({ title: `Input "${request.id}" for server "${request.server.name}"`, password: true, ignoreFocusOut: true }),
      amendLaunch: async <T extends { env: Record<string, string>; args: string[]; headers: Record<string, string>; url?: string; secrets: string[] }>(
        launch: T,
        entry: ServerEntry,
      ): Promise<T> => (entry.client === 'mcp-warden' ? this.fillSecrets(launch) : launch),
    };
  }

  /** Warden-served servers: `${secret:NAME}` from SecretStorage, as the provider does for VS Code. */
  private async fillSecrets<T extends { env: Record<string, string>; args: string[]; headers: Record<string, string>; url?: string; secrets: string[] }>(
    launch: T,
  ): Promise<T> {
    const values = new Map<string, string>();
    for (const name of this.secrets.names()) {
      const v = await this.secrets.get(name);
      if (v !== undefined) values.set(name, v);
    }
    const fill = (s: string) => substituteSecrets(s, (n) => values.get(n)).value;
    return {
      ...launch,
      env: Object.fromEntries(Object.entries(launch.env).map(([k, v]) => [k, fill(v)])),
      headers: Object.fromEntries(Object.entries(launch.headers).map(([k, v]) => [k, fill(v)])),
      args: launch.args.map(fill),
      ...(launch.url ? { url: fill(launch.url) } : {}),
      secrets: [...launch.secrets, ...values.values()],
    };
  }

  private async load(): Promise<LiveModule> {
    this.live ??= await loadLive();
    return this.live;
  }

  /** Stops every server this window started, with their process trees (extension shutdown). */
  async dispose(): Promise<void> {
    await Promise.allSettled([...this.connections.values()].map((c) => c.dispose()));
    await this.live?.killAllLiveProcesses();
    this.changed.dispose();
    this.snapshotChanged.dispose();
    void this.index;
  }
}

function sameDefinition(a: ServerEntry, b: ServerEntry): boolean {
  const text = (s: ServerEntry) =>
    JSON.stringify([
      s.command?.value,
      s.args.map((x) => x.value),
      s.env.map((e) => [e.key, e.value]),
      s.url?.value,
      s.headers.map((h) => [h.key, h.value]),
      s.cwd?.value,
    ]);
  return text(a) === text(b);
}
