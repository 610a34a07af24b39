import type { ServerEntry } from '../core/model/server';
import type { ServerSnapshot } from '../core/model/tool';
import type { LiveErrorKind } from './errors';

export type ListKind = 'tools' | 'prompts' | 'resources' | 'resourceTemplates';
export const LIST_KINDS: readonly ListKind[] = ['tools', 'prompts', 'resources', 'resourceTemplates'];

/** The state of one server, as the sidebar shows it. */
export type LiveStatus = { state: 'not-started' } | { state: 'connecting' } | { state: 'connected' } | { state: 'error'; kind: LiveErrorKind; message: string };

export type TruncationReason = 'item-cap' | 'page-cap' | 'repeated-cursor';

/** A string that was longer than `maxTextLength` and was cut to that length. */
export interface TruncatedText {
  list: ListKind | 'server';
  /** The item's name (or URI), clipped; empty for server fields. */
  item: string;
  /** Where in the item: `description`, `inputSchema.properties.q.description`, `instructions`… */
  field: string;
  /** The original length in characters. */
  length: number;
}

export interface Truncation {
  lists: Partial<Record<ListKind, { kept: number; reason: TruncationReason }>>;
  texts: TruncatedText[];
}

/** What a live server offered, plus what the client had to cut to stay within its limits. */
export interface LiveSnapshot extends ServerSnapshot {
  protocolVersion?: string;
  /** The `capabilities` object the server announced. */
  capabilities: Record<string, unknown>;
  transport: 'stdio' | 'streamable-http' | 'sse';
  truncated: Truncation;
  /** ISO time the lists were read. */
  listedAt: string;
}

export interface SnapshotChange {
  previous: LiveSnapshot | undefined;
  current: LiveSnapshot;
  reason: 'connect' | 'refresh' | 'list-changed';
  /** The lists that were read again. */
  lists: ListKind[];
}

/** A redacted line of the connection's log: JSON-RPC traffic, stderr, lifecycle. */
export interface TraceEvent {
  server: string;
  kind: 'send' | 'receive' | 'stderr' | 'lifecycle';
  text: string;
}

/** What is launched or contacted, after references are resolved. */
export interface LaunchSpec {
  transport: 'stdio' | 'http' | 'sse';
  command?: string;
  args: string[];
  /** The child's full environment (stdio). */
  env: Record<string, string>;
  cwd?: string;
  url?: string;
  headers: Record<string, string>;
  /** Values to mask in traces and messages: resolved env/header values from the config, inputs and secrets. */
  secrets: string[];
}

export interface InputRequest {
  id: string;
  server: ServerEntry;
}

export interface SecretRequest {
  name: string;
  /** `secret`: `${{ secrets.NAME }}`; `env`: an environment reference whose variable is not set. */
  from: 'secret' | 'env';
  server: ServerEntry;
}

export interface Disposable {
  dispose(): void;
}

/** Subscribe with a listener; dispose the result to unsubscribe (the shape of `vscode.Event`). */
export type Event<T> = (listener: (event: T) => void) => Disposable;
