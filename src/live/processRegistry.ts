import { killMarkedSync, killProcessTreesSync, sweepSession } from './processTree';

/** A spawned server the registry can stop. */
export interface TrackedProcess {
  readonly pid: number;
  readonly server: string;
  /** Stops the process and its descendants; resolves when done. */
  kill(): Promise<void>;
}

/** Signals that end a process by default; a host killed by one of them runs no `exit` hook and no `deactivate`. */
const FATAL_SIGNALS: readonly NodeJS.Signals[] = process.platform === 'win32' ? ['SIGINT', 'SIGBREAK'] : ['SIGTERM', 'SIGINT', 'SIGHUP'];

/**
 * Every live server process, so the host can stop them all (extension `deactivate`, CLI exit).
 * Registering the first process also installs a `process.on('exit')` hook and, for SIGTERM, SIGINT and
 * SIGHUP, a one-time handler that SIGKILL what is left with its process tree. The handler keeps the
 * signal's meaning: when no other listener is left, it raises the signal again, so the host still ends.
 * (An editor stopped with Ctrl+C or `systemctl stop` signals its extension host directly.)
 */
export class ProcessRegistry {
  private readonly live = new Map<number, TrackedProcess>();
  private exitHookInstalled = false;

  add(tracked: TrackedProcess): { dispose(): void } {
    this.live.set(tracked.pid, tracked);
    this.installExitHook();
    return { dispose: () => this.live.get(tracked.pid) === tracked && this.live.delete(tracked.pid) };
  }

  get size(): number {
    return this.live.size;
  }

  list(): { pid: number; server: string }[] {
    return [...this.live.values()].map(({ pid, server }) => ({ pid, server }));
  }

  /** Stops every registered process (and its children) concurrently. */
  async killAll(): Promise<void> {
    await Promise.all([...this.live.values()].map((p) => p.kill().catch(() => undefined)));
    this.live.clear();
    // Daemons that left their server's group and tree, also of servers that already ended (Linux; see spawnMarker.ts).
    await sweepSession();
  }

  /** Synchronous last resort for process exit. */
  killAllSync(): void {
    killProcessTreesSync([...this.live.keys()]);
    this.live.clear();
    // Daemons of servers that already ended (Linux; see spawnMarker.ts).
    killMarkedSync();
  }

  private installExitHook(): void {
    if (this.exitHookInstalled) return;
    this.exitHookInstalled = true;
    process.once('exit', () => this.killAllSync());
    for (const signal of FATAL_SIGNALS) {
      process.once(signal, () => {
        this.killAllSync();
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
    }
  }
}

/** The registry every connection uses unless given another. */
export const liveProcesses = new ProcessRegistry();

/** For the extension's `deactivate()` and the CLI: stops every server this process started. */
export function killAllLiveProcesses(): Promise<void> {
  return liveProcesses.killAll();
}
