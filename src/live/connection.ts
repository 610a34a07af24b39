import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { ServerEntry } from '../core/model/server';
import { describeError } from './describeError';
import { Emitter } from './events';
import { LiveError } from './errors';
import { visibleText } from '../core/text/visible';
import { describeLaunch, resolveLaunch } from './launch';
import { announcedLists, listAll } from './listing';
import { limitsOf, type LiveLimits, type LiveOptions } from './options';
import { liveProcesses } from './processRegistry';
import { createRedactor } from './redact';
import { Sanitizer } from './sanitize';
import { AttemptFailed, openTransport, type OpenedTransport } from './openTransport';
import { deadline, linkSignals } from './signals';
import { LIST_KINDS, type LaunchSpec, type ListKind, type LiveSnapshot, type LiveStatus, type SnapshotChange, type TraceEvent } from './types';
import { plural } from '../core/text/plural';

const NO_SCHEMA_VALIDATION = { getValidator: () => (input: unknown) => ({ valid: true as const, data: input as never, errorMessage: undefined }) };

/**
 * One server, live: connect (spawn or HTTP), list everything it offers within the limits, follow its
 * `list_changed` notifications, and stop it (with its process tree) on error, cancel or dispose.
 */
export class LiveConnection {
  private statusValue: LiveStatus = { state: 'not-started' };
  private snapshotValue: LiveSnapshot | undefined;
  private readonly statusEmitter = new Emitter<LiveStatus>();
  private readonly snapshotEmitter = new Emitter<SnapshotChange>();
  private readonly limits: LiveLimits;
  private session: { client: Client; opened: OpenedTransport; lifetime: AbortController } | undefined;
  private connecting: Promise<LiveSnapshot> | undefined;
  private launchValue: LaunchSpec | undefined;
  private redact: (text: string) => string = (t) => t;
  private pendingLists = new Set<ListKind>();
  private relistTimer: NodeJS.Timeout | undefined;
  private relisting = false;

  /** Fires on every status change. */
  readonly onDidChangeStatus = this.statusEmitter.event;
  /** Fires with the previous and new snapshot after a connect, a refresh or a `list_changed` re-listing. */
  readonly onDidChangeSnapshot = this.snapshotEmitter.event;

  constructor(
    readonly entry: ServerEntry,
    private readonly options: LiveOptions = {},
  ) {
    this.limits = limitsOf(options);
  }

  get status(): LiveStatus {
    return this.statusValue;
  }

  /** The latest lists; kept after a disconnect or an error until the next connect succeeds. */
  get snapshot(): LiveSnapshot | undefined {
    return this.snapshotValue;
  }

  /** The process id of a stdio server while it runs. */
  get pid(): number | undefined {
    return this.session?.opened.stdio?.pid;
  }

  /** The most recent stderr output of a stdio server (bounded). */
  get stderr(): string {
    return this.session?.opened.stdio?.stderr ?? this.lastStderr;
  }
  private lastStderr = '';

  /** What was launched, as a command line with secrets masked. */
  get commandLine(): string | undefined {
    return this.launchValue ? describeLaunch(this.launchValue, this.redact) : undefined;
  }

  /** Starts the server and lists everything. Resolves with the snapshot; rejects with a `LiveError` (status `error`). */
  connect(signal?: AbortSignal): Promise<LiveSnapshot> {
    if (this.statusValue.state === 'connected' && this.snapshotValue) return Promise.resolve(this.snapshotValue);
    this.connecting ??= this.doConnect(signal).finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  /** Lists everything again on the live connection (connecting first if needed). */
  async refresh(signal?: AbortSignal): Promise<LiveSnapshot> {
    if (!this.session || this.statusValue.state !== 'connected') return this.connect(signal);
    return this.relist(
      LIST_KINDS.filter((k) => announcedLists(this.snapshotValue?.capabilities).includes(k)),
      'refresh',
      signal,
    );
  }

  /** Stops the server (and its children); status back to `not-started`, the last snapshot kept. */
  async disconnect(): Promise<void> {
    await this.teardown(true);
    this.setStatus({ state: 'not-started' });
  }

  async dispose(): Promise<void> {
    await this.teardown(true);
    this.statusEmitter.clear();
    this.snapshotEmitter.clear();
  }

  private async doConnect(signal?: AbortSignal): Promise<LiveSnapshot> {
    await this.teardown(false);
    this.setStatus({ state: 'connecting' });
    const lifetime = new AbortController();
    let opened: OpenedTransport | undefined;
    try {
      throwIfAborted(signal);
      let launch = await resolveLaunch(this.entry, this.options);
      if (this.options.amendLaunch) launch = await this.options.amendLaunch(launch, this.entry);
      this.launchValue = launch;
      this.redact = createRedactor(launch.secrets);
      this.trace('lifecycle', `starting ${describeLaunch(launch, this.redact)}`);
      throwIfAborted(signal);
      const attempt = deadline(this.limits.connectTimeoutMs, signal, 'connect timeout');
      try {
        opened = await openTransport(launch, {
          server: this.entry.name,
          limits: this.limits,
          registry: this.options.registry ?? liveProcesses,
          signal: attempt.signal,
          lifetime: lifetime.signal,
          redact: this.redact,
          trace: this.options.trace ? (kind, text) => this.trace(kind, text) : undefined,
          newClient: () => this.newClient(),
        });
      } finally {
        attempt.dispose();
      }
      this.session = { client: opened.client, opened, lifetime };
      opened.client.onclose = () => this.onClosedByServer();
      const capabilities = (opened.client.getServerCapabilities() ?? {}) as Record<string, unknown>;
      const requests = linkSignals([signal, lifetime.signal]);
      const snapshot = await this.readLists(announcedLists(capabilities), requests.signal, capabilities).finally(() => requests.dispose());
      this.setSnapshot(snapshot, 'connect', announcedLists(capabilities));
      this.setStatus({ state: 'connected' });
      this.trace(
        'lifecycle',
        `connected: ${plural(snapshot.tools.length, 'tool')}, ${plural(snapshot.prompts.length, 'prompt')}, ${plural(snapshot.resources.length, 'resource')}`,
      );
      if (this.pendingLists.size > 0) this.scheduleRelist();
      return snapshot;
    } catch (e) {
      if (e instanceof AttemptFailed) opened = e.opened;
      const error = describeError(e, { limits: this.limits, opened, aborted: signal?.aborted === true, redact: this.redact });
      this.lastStderr = opened?.stdio?.stderr ?? '';
      await this.teardown(false, opened, lifetime);
      this.trace('lifecycle', `error: ${error.message}`);
      this.setStatus({ state: 'error', kind: error.kind, message: error.message });
      throw error;
    }
  }

  private newClient(): Client {
    const info = this.options.clientInfo ?? { name: 'mcp-warden', version: '0.0.0' };
    const client = new Client(info, { capabilities: {}, jsonSchemaValidator: NO_SCHEMA_VALIDATION });
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => this.onListChanged(['tools']));
    client.setNotificationHandler(PromptListChangedNotificationSchema, () => this.onListChanged(['prompts']));
    client.setNotificationHandler(ResourceListChangedNotificationSchema, () => this.onListChanged(['resources', 'resourceTemplates']));
    return client;
  }

  private async readLists(kinds: ListKind[], signal: AbortSignal, capabilities: Record<string, unknown>, base?: LiveSnapshot): Promise<LiveSnapshot> {
    const { client, opened } = this.session!;
    const sanitizer = new Sanitizer(this.limits.maxTextLength);
    const snapshot: LiveSnapshot = base
      ? { ...base, truncated: { lists: { ...base.truncated.lists }, texts: base.truncated.texts.filter((t) => !kinds.includes(t.list as ListKind)) } }
      : this.emptySnapshot(client, opened, capabilities, sanitizer);
    for (const kind of kinds) {
      const result = await listAll(client, kind, this.limits, signal);
      delete snapshot.truncated.lists[kind];
      if (result.truncated) snapshot.truncated.lists[kind] = result.truncated;
      if (kind === 'tools') snapshot.tools = result.items.map((i) => sanitizer.tool(i));
      if (kind === 'prompts') snapshot.prompts = result.items.map((i) => sanitizer.prompt(i));
      if (kind === 'resources') snapshot.resources = result.items.map((i) => sanitizer.resource(i));
      if (kind === 'resourceTemplates') snapshot.resourceTemplates = result.items.map((i) => sanitizer.resourceTemplate(i));
    }
    snapshot.truncated.texts.push(...sanitizer.truncated);
    snapshot.listedAt = new Date().toISOString();
    opened.stdio?.resetOutputBudget();
    if (opened.budget) opened.budget.used = 0;
    return snapshot;
  }

  private emptySnapshot(client: Client, opened: OpenedTransport, capabilities: Record<string, unknown>, sanitizer: Sanitizer): LiveSnapshot {
    const info = client.getServerVersion();
    const snapshot: LiveSnapshot = {
      server: this.entry.name,
      tools: [],
      prompts: [],
      resources: [],
      resourceTemplates: [],
      capabilities,
      transport: opened.kind,
      truncated: { lists: {}, texts: [] },
      listedAt: '',
    };
    if (info) {
      snapshot.serverInfo = { name: sanitizer.text(info.name, 'server', '', 'serverInfo.name') ?? '' };
      const version = sanitizer.text(info.version, 'server', '', 'serverInfo.version');
      if (version !== undefined) snapshot.serverInfo.version = version;
    }
    const instructions = sanitizer.text(client.getInstructions(), 'server', '', 'instructions');
    if (instructions !== undefined) snapshot.instructions = instructions;
    if (opened.traced.protocolVersion) snapshot.protocolVersion = opened.traced.protocolVersion;
    return snapshot;
  }

  private onListChanged(kinds: ListKind[]): void {
    for (const k of kinds) this.pendingLists.add(k);
    this.trace('lifecycle', `list_changed: ${kinds.join(', ')}`);
    if (this.statusValue.state === 'connected') this.scheduleRelist();
  }

  private scheduleRelist(): void {
    if (this.relistTimer || this.relisting) return;
    this.relistTimer = setTimeout(() => {
      this.relistTimer = undefined;
      const kinds = [...this.pendingLists];
      this.pendingLists.clear();
      if (kinds.length === 0 || this.statusValue.state !== 'connected') return;
      this.relist(kinds, 'list-changed').catch(() => undefined);
    }, this.limits.listChangedDebounceMs);
    this.relistTimer.unref?.();
  }

  private async relist(kinds: ListKind[], reason: SnapshotChange['reason'], signal?: AbortSignal): Promise<LiveSnapshot> {
    const session = this.session!;
    this.relisting = true;
    try {
      const requests = linkSignals([signal, session.lifetime.signal]);
      const snapshot = await this.readLists(kinds, requests.signal, this.snapshotValue!.capabilities, this.snapshotValue).finally(() => requests.dispose());
      if (this.session !== session) throw new LiveError('cancelled', 'the connection was closed');
      this.setSnapshot(snapshot, reason, kinds);
      return snapshot;
    } catch (e) {
      const error = describeError(e, { limits: this.limits, opened: session.opened, aborted: signal?.aborted === true, redact: this.redact });
      if (this.session === session) {
        this.lastStderr = session.opened.stdio?.stderr ?? '';
        await this.teardown(false);
        this.setStatus({ state: 'error', kind: error.kind, message: error.message });
      }
      throw error;
    } finally {
      this.relisting = false;
      if (this.pendingLists.size > 0 && this.statusValue.state === 'connected') this.scheduleRelist();
    }
  }

  private onClosedByServer(): void {
    const session = this.session;
    if (!session || session.lifetime.signal.aborted) return;
    this.session = undefined;
    session.lifetime.abort();
    this.lastStderr = session.opened.stdio?.stderr ?? '';
    if (this.statusValue.state !== 'connected') return;
    const error = describeError(new LiveError('exited', 'the server closed the connection'), {
      limits: this.limits,
      opened: session.opened,
      aborted: false,
      redact: this.redact,
      connected: true,
    });
    this.trace('lifecycle', `closed: ${error.message}`);
    this.setStatus({ state: 'error', kind: error.kind, message: error.message });
  }

  private async teardown(gentle: boolean, opened?: OpenedTransport, lifetime?: AbortController): Promise<void> {
    clearTimeout(this.relistTimer);
    this.relistTimer = undefined;
    this.pendingLists.clear();
    const session = this.session;
    this.session = undefined;
    const target = opened ?? session?.opened;
    (lifetime ?? session?.lifetime)?.abort();
    if (!target) return;
    if (!gentle && target.stdio) await target.stdio.terminate(new LiveError('cancelled', 'stopped by the client'));
    await target.client.close().catch(() => undefined);
  }

  private setStatus(status: LiveStatus): void {
    this.statusValue = status;
    this.statusEmitter.fire(status);
  }

  private setSnapshot(current: LiveSnapshot, reason: SnapshotChange['reason'], lists: ListKind[]): void {
    const previous = this.snapshotValue;
    this.snapshotValue = current;
    this.snapshotEmitter.fire({ previous, current, reason, lists });
  }

  private trace(kind: TraceEvent['kind'], text: string): void {
    this.options.trace?.({ server: this.entry.name, kind, text: kind === 'stderr' ? visibleText(this.redact(text), { singleLine: true, max: 2_000 }) : text });
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new LiveError('cancelled', 'cancelled');
}
