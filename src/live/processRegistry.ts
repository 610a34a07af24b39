import { killProcessTreeSync } from './processTree';

/** A spawned server the registry can stop. */
export interface TrackedProcess {
  readonly pid: number;
  readonly server: string;
  /** Stops the process and its descendants; resolves when done. */
  kill(): Promise<void>;
}

/**
 * Every live server process, so the host can stop them all (extension `deactivate`, CLI exit).
 * Registering the first process also installs a `process.on('exit')` hook that SIGKILLs what is left.
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
  }

  /** Synchronous last resort for process exit. */
  killAllSync(): void {
    for (const pid of this.live.keys()) killProcessTreeSync(pid);
    this.live.clear();
  }

  private installExitHook(): void {
    if (this.exitHookInstalled) return;
    this.exitHookInstalled = true;
    process.once('exit', () => this.killAllSync());
  }
}

/** The registry every connection uses unless given another. */
export const liveProcesses = new ProcessRegistry();

/** For the extension's `deactivate()` and the CLI: stops every server this process started. */
export function killAllLiveProcesses(): Promise<void> {
  return liveProcesses.killAll();
}
