import type { ServerEntry } from '../core/model/server';
import { LiveConnection } from './connection';
import { errorMessage, LiveError } from './errors';
import type { LiveOptions } from './options';
import { mapPool } from './pool';
import type { LiveSnapshot, LiveStatus } from './types';

/** The outcome of one inspection: connected with a snapshot, or an error; the server is stopped either way. */
export interface InspectResult {
  entry: ServerEntry;
  status: Exclude<LiveStatus, { state: 'connecting' }>;
  snapshot?: LiveSnapshot;
  /** Why a server was not started (`disabled` entries unless `includeDisabled`). */
  skipped?: 'disabled';
  /** For a skipped server, what disables it, in the rules' words (`disabledBy`), when the caller said. */
  disabledBy?: string;
  /** The command line or URL, secrets masked. */
  commandLine?: string;
  /** The last stderr output (bounded), for errors. */
  stderr?: string;
  pid?: number;
  durationMs: number;
}

export interface InspectAllOptions extends LiveOptions {
  /** Servers in flight at once (default 8). */
  concurrency?: number;
  includeDisabled?: boolean;
  /**
   * Why a server is not to be started (its client would not load it), or undefined to start it. Replaces the
   * default, which skips an entry whose own flag disables it unless `includeDisabled`.
   */
  notStarted?: (entry: ServerEntry) => string | undefined;
  signal?: AbortSignal;
  /** Called as each server finishes, in completion order. */
  onResult?: (result: InspectResult, index: number) => void;
  /** Called as each server starts connecting. */
  onStart?: (entry: ServerEntry, index: number) => void;
}

export const DEFAULT_CONCURRENCY = 8;

/** Connects, lists everything, and stops the server: a one-shot look. */
export async function inspectServer(entry: ServerEntry, options: LiveOptions & { signal?: AbortSignal } = {}): Promise<InspectResult> {
  const started = performance.now();
  const connection = new LiveConnection(entry, options);
  try {
    const snapshot = await connection.connect(options.signal);
    const pid = connection.pid;
    const result: InspectResult = { entry, status: { state: 'connected' }, snapshot, durationMs: performance.now() - started };
    if (pid !== undefined) result.pid = pid;
    const commandLine = connection.commandLine;
    if (commandLine) result.commandLine = commandLine;
    return result;
  } catch (e) {
    const error = e instanceof LiveError ? e : new LiveError('protocol', errorMessage(e));
    const result: InspectResult = { entry, status: { state: 'error', kind: error.kind, message: error.message }, durationMs: performance.now() - started };
    if (connection.stderr) result.stderr = connection.stderr;
    const commandLine = connection.commandLine;
    if (commandLine) result.commandLine = commandLine;
    return result;
  } finally {
    await connection.dispose();
  }
}

/** Inspects many servers concurrently (bounded pool): the total is close to the slowest server, not the sum. */
export async function inspectAll(entries: readonly ServerEntry[], options: InspectAllOptions = {}): Promise<InspectResult[]> {
  return mapPool(entries, options.concurrency ?? DEFAULT_CONCURRENCY, async (entry, index) => {
    let result: InspectResult;
    const why = options.notStarted?.(entry);
    if (why !== undefined) {
      result = { entry, status: { state: 'not-started' }, skipped: 'disabled', disabledBy: why, durationMs: 0 };
    } else if (!options.notStarted && entry.disabled && !options.includeDisabled) {
      result = { entry, status: { state: 'not-started' }, skipped: 'disabled', durationMs: 0 };
    } else {
      options.onStart?.(entry, index);
      result = await inspectServer(entry, options);
    }
    options.onResult?.(result, index);
    return result;
  });
}
