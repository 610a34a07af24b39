/** Why a live connection ended in the error state. */
export type LiveErrorKind = 'config' | 'spawn' | 'exited' | 'timeout' | 'cancelled' | 'output-limit' | 'protocol' | 'http' | 'request-failed';
import { plural } from '../core/text/plural';

/** A failure with a plain-language message that is safe to show (server text already made visible). */
export class LiveError extends Error {
  constructor(
    readonly kind: LiveErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'LiveError';
  }
}

export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Some SDK errors end in the `undefined` fields of an event.
  return text.replace(/( undefined){1,4}$/, '');
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return plural(bytes, 'byte');
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`;
}
