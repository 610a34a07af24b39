import type { ServerEntry } from '../core/model/server';
import type { ProcessRegistry } from './processRegistry';
import type { InputRequest, LaunchSpec, SecretRequest, TraceEvent } from './types';

/** Bounds that keep a hostile server from hanging, flooding or exhausting the client. */
export interface LiveLimits {
  /** Spawn (or first HTTP request) through the `initialize` answer. */
  connectTimeoutMs: number;
  /** Each request after that (one page of a list). */
  requestTimeoutMs: number;
  /** Items kept per list (tools, prompts, …); more are reported as truncation. */
  maxItemsPerList: number;
  /** Pages read per list before giving up on `nextCursor`. */
  maxPagesPerList: number;
  /** Bytes read from the server's stdout (or HTTP bodies) from the start to the end of the first listing, and between later listings; beyond it the server is stopped. */
  maxOutputBytes: number;
  /** Characters kept of any one string (a description, a schema text); longer ones are cut and reported. */
  maxTextLength: number;
  /** Bytes of stderr kept (the most recent ones), for error messages. */
  maxStderrBytes: number;
  /** Lines on stdout that are not JSON-RPC tolerated before the server is stopped. */
  maxInvalidLines: number;
  /** Time a process gets to exit after stdin closes and after SIGTERM, before SIGKILL. */
  killGraceMs: number;
  /** Quiet time after a `list_changed` notification before listing again; also the minimum gap between re-listings. */
  listChangedDebounceMs: number;
}

export const DEFAULT_LIMITS: LiveLimits = {
  connectTimeoutMs: 15_000,
  requestTimeoutMs: 10_000,
  maxItemsPerList: 1_000,
  maxPagesPerList: 100,
  maxOutputBytes: 20 * 1024 * 1024,
  maxTextLength: 100_000,
  maxStderrBytes: 16 * 1024,
  maxInvalidLines: 20,
  killGraceMs: 1_000,
  listChangedDebounceMs: 100,
};

/** Everything the host (extension or CLI) provides; nothing here reads editor state. */
export interface LiveContext {
  /** For `${workspaceFolder}`; defaults to the project folder of the config file. */
  workspaceFolder?: string;
  /** For `${userHome}`; defaults to `os.homedir()`. */
  userHome?: string;
  /** Environment for `${env:NAME}` and the base environment of stdio servers; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
  /** Answers `${input:id}`; undefined means the user gave no value (the server is not started). */
  resolveInput?: (request: InputRequest) => Promise<string | undefined>;
  /** Answers `${{ secrets.NAME }}` and environment references whose variable is unset (SecretStorage in the editor). */
  resolveSecret?: (request: SecretRequest) => Promise<string | undefined>;
  /** Last word on the launch after resolution, e.g. to add env values from SecretStorage. */
  amendLaunch?: (launch: LaunchSpec, entry: ServerEntry) => LaunchSpec | Promise<LaunchSpec>;
  /** JSON-RPC traffic, stderr and lifecycle lines, secrets masked. */
  trace?: (event: TraceEvent) => void;
  /** Where spawned processes are recorded; defaults to the shared registry (`killAllLiveProcesses`). */
  registry?: ProcessRegistry;
  clientInfo?: { name: string; version: string };
}

export type LiveOptions = Partial<LiveLimits> & LiveContext;

export function limitsOf(options: LiveOptions): LiveLimits {
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof LiveLimits)[]) {
    const value = options[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) out[key] = value;
  }
  return out;
}
