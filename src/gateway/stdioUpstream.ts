import type { ChildProcess } from 'node:child_process';
import { liveProcesses, type ProcessRegistry } from '../live/processRegistry';
import { killGroupNow, killProcessTree, spawnServer, type SpawnSpec } from '../live/processTree';
import { LineSplitter, OutputBatch } from './lines';
import type { Upstream, UpstreamEvents } from './upstream';
import { plural } from '../core/text/plural';

const KILL_GRACE_MS = 2_000;
export const MAX_MESSAGE_BYTES = 128 * 1024 * 1024;

/**
 * A stdio server spawned the way the live client spawns one (own process group, no shell, the
 * registry that kills the whole tree on exit or a fatal signal). Its stderr goes to ours unchanged.
 */
export class StdioUpstream implements Upstream {
  private child: ChildProcess | undefined;
  private closing: Promise<void> | undefined;
  private unregister: (() => void) | undefined;
  private readonly batch = new OutputBatch((data) => {
    const stdin = this.child?.stdin;
    if (stdin && !stdin.destroyed) stdin.write(data);
  });

  constructor(
    private readonly spec: SpawnSpec,
    private readonly server: string,
    private readonly events: UpstreamEvents,
    private readonly stderr: (chunk: Buffer) => void,
    private readonly registry: ProcessRegistry = liveProcesses,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawnServer(this.spec);
      this.child = child;
      child.once('error', (e) => {
        if (child.pid === undefined) reject(new Error(`cannot start "${this.spec.command}": ${(e as NodeJS.ErrnoException).code ?? e.message}`));
      });
      child.once('spawn', () => {
        const entry = this.registry.add({ pid: child.pid!, server: this.server, kill: () => this.close() });
        this.unregister = () => entry.dispose();
        resolve();
      });
      const splitter = new LineSplitter(
        (line, bytes, raw) => this.events.onLine(line, bytes, raw),
        MAX_MESSAGE_BYTES,
        (bytes) => {
          this.events.onExit(1, `the server wrote a line of more than ${plural(bytes, 'byte')}; it was stopped`);
          void this.close();
        },
      );
      child.stdout!.on('data', (chunk: Buffer) => {
        splitter.push(chunk);
        this.events.onChunkEnd?.();
      });
      child.stderr!.on('data', (chunk: Buffer) => this.stderr(chunk));
      child.stdin!.on('error', () => undefined);
      child.once('exit', () => {
        // What it started may outlive it; its process group goes with it.
        if (!this.closing && child.pid !== undefined) killGroupNow(child.pid);
      });
      child.once('close', (code, signal) => {
        this.unregister?.();
        this.events.onExit(code ?? 1, signal ? `ended by ${signal}` : `exited with code ${code}`);
      });
    });
  }

  send(line: string, raw?: Buffer): void {
    if (raw) this.batch.addRaw(raw);
    else this.batch.addText(line);
  }

  /** Lines of one input chunk leave in one write. */
  flush(): void {
    this.batch.flush();
  }

  close(): Promise<void> {
    if (!this.closing) this.closing = this.child ? killProcessTree(this.child, KILL_GRACE_MS, true).finally(() => this.unregister?.()) : Promise.resolve();
    return this.closing;
  }
}
