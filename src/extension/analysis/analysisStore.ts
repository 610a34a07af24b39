import * as vscode from 'vscode';
import { serverKey, type ServerEntry } from '../../core/index';
import { compare, approve, LockfileError, type Comparison } from '../../core/lock/lockfile';
import type { ToolFinding } from '../../core/tools/types';
import type { LiveSnapshot } from '../../live/index';
import { incompleteLists } from '../../live/truncation';
import { ToolAnalysisWorker } from '../../node/toolAnalysis/analysisWorker';
import type { LiveServers } from '../live/liveServers';
import type { Log } from '../log';
import type { ItemMarks } from '../tree/serversTree';
import type { ListName } from '../tree/nodes';
import { Approvals, identityOf, lockKeyOf } from './approvals';
import { nounFor } from '../../core/text/plural';

const KIND_OF_LIST: Record<ListName | 'server', ToolFinding['target']['kind']> = {
  tools: 'tool',
  prompts: 'prompt',
  resources: 'resource',
  resourceTemplates: 'resourceTemplate',
  server: 'server',
};

const LOCK_KIND_OF_LIST: Record<ListName, string> = { tools: 'tool', prompts: 'prompt', resources: 'resource', resourceTemplates: 'resourceTemplate' };

interface ServerAnalysis {
  server: ServerEntry;
  snapshot: LiveSnapshot;
  findings: ToolFinding[];
  comparison: Comparison | undefined;
}

/**
 * Analyses every live snapshot as it arrives (connect, refresh, `list_changed`): suspicious text in
 * its definitions, and what changed since the server was approved. Feeds the tree's marks, the
 * definition documents and the change warnings.
 */
export class AnalysisStore implements ItemMarks, vscode.Disposable {
  private readonly byKey = new Map<string, ServerAnalysis>();
  private readonly changed = new vscode.EventEmitter<ServerAnalysis>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** The analysis under way per server: a newer snapshot cancels it, and so does dispose. */
  private readonly running = new Map<string, AbortController>();
  /** Every analysis runs in this worker thread, never on the extension host's. */
  private readonly worker: ToolAnalysisWorker;

  constructor(
    private readonly live: LiveServers,
    readonly approvals: Approvals,
    private readonly log: Log,
    private readonly servers: () => ServerEntry[],
  ) {
    this.worker = new ToolAnalysisWorker({
      onFallback: (reason) => this.log.warn(`The tool analysis ran on the main thread: ${reason}.`),
    });
    this.subscriptions = [
      live.onDidChangeSnapshot(({ key }) =>
        this.update(key).catch((e: unknown) => this.log.error(`Analysing the definitions of ${key} failed: ${(e as Error).stack ?? e}`)),
      ),
      // The worker starts while the server does, so its start-up is over when the first listing arrives.
      live.onDidChange((key) => {
        const server = this.servers().find((s) => serverKey(s) === key);
        if (server && live.status(server).state === 'connecting') this.worker.warm();
      }),
    ];
  }

  get(server: ServerEntry): ServerAnalysis | undefined {
    return this.byKey.get(serverKey(server));
  }

  all(): ServerAnalysis[] {
    return [...this.byKey.values()];
  }

  async update(key: string): Promise<void> {
    const server = this.servers().find((s) => serverKey(s) === key);
    const snapshot = server && this.live.snapshot(server);
    if (!server || !snapshot) return;
    const others = this.all()
      .filter((a) => serverKey(a.server) !== key)
      .map((a) => ({ server: a.server.name, toolNames: a.snapshot.tools.map((t) => t.name) }));
    this.running.get(key)?.abort();
    const cancel = new AbortController();
    this.running.set(key, cancel);
    let findings: ToolFinding[];
    try {
      ({ findings } = await this.worker.analyze(snapshot, { otherServers: others }, cancel.signal));
    } catch (e) {
      if (cancel.signal.aborted) return;
      throw e;
    } finally {
      if (this.running.get(key) === cancel) this.running.delete(key);
    }
    let comparison: Comparison | undefined;
    try {
      comparison = compare(await this.approvals.read(server), snapshot, identityOf(server), { serverKey: lockKeyOf(server) });
    } catch (e) {
      if (!(e instanceof LockfileError)) throw e;
      this.log.warn(`The approval lockfile cannot be read: ${e.message}`);
    }
    const analysis = { server, snapshot, findings, comparison };
    this.byKey.set(key, analysis);
    if (findings.length) this.log.info(`"${server.name}": ${findings.length} suspicious ${nounFor(findings.length, 'span')} in its definitions.`);
    this.changed.fire(analysis);
  }

  /** Records the server as it is now as approved (all items, or only `only`). */
  async approve(server: ServerEntry, only?: string[]): Promise<void> {
    const snapshot = this.live.snapshot(server);
    if (!snapshot) throw new Error(`"${server.name}" is not connected: connect it first to see what you approve`);
    const incomplete = incompleteLists(snapshot.truncated);
    if (incomplete.length > 0)
      throw new Error(`"${server.name}" is not approved: its listing is truncated (${incomplete.join('; ')}), and an approval must cover every item`);
    const text = approve(await this.approvals.read(server), snapshot, identityOf(server), { serverKey: lockKeyOf(server), ...(only ? { only } : {}) });
    await this.approvals.write(server, text);
    await this.update(serverKey(server));
  }

  findingsFor(key: string, list: ListName | 'server', name: string): { count: number; summary: string } | undefined {
    const analysis = this.byKey.get(key);
    if (!analysis) return undefined;
    const summaries: string[] = [];
    let count = 0;
    const kind = KIND_OF_LIST[list];
    const own =
      list === 'server' && name === analysis.server.name
        ? analysis.findings
        : analysis.findings.filter((f) => f.target.kind === kind && (f.target.name === name || (kind === 'server' && name === 'instructions')));
    if (own.length) {
      count += own.length;
      summaries.push(`${[...new Set(own.map((f) => f.category))].join(', ')}`);
    }
    const changes = analysis.comparison?.status === 'changed' ? analysis.comparison : undefined;
    if (changes) {
      const mine = list === 'server' ? changes.changes : changes.changes.filter((c) => c.key === `${LOCK_KIND_OF_LIST[list as ListName]}:${name}`);
      if (mine.length || (list === 'server' && changes.identityChanges.length)) {
        count += Math.max(1, mine.length);
        summaries.push('changed since approval');
      }
    }
    return count ? { count, summary: summaries.join(' · ') } : undefined;
  }

  dispose(): void {
    for (const cancel of this.running.values()) cancel.abort();
    this.running.clear();
    void this.worker.dispose();
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
