/** Why a live connection ended in the error state. */
export type LiveErrorKind =
  | 'config'
  | 'spawn'
  | 'exited'
  | 'timeout'
  | 'cancelled'
  | 'output-limit'
  | 'protocol'
  | 'http'
  | 'request-failed';

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

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

const TAG_RUN = /(?:\udb40[\udc00-\udc7f]){1,100000}/g;

/**
 * Server text for a log or message line: control characters (newlines too: a name cannot start a line), bidi overrides and zero-width characters
 * shown as `\uXXXX`; a run of invisible Unicode tag characters shown decoded and labelled; clipped to `max`.
 */
export function visible(text: string, max = 300): string {
  const clipped = text.length > max ? text.slice(0, max) : text;
  const shown = clipped
    .replace(TAG_RUN, (run) => {
      const decoded = [...run].map((c) => String.fromCharCode(c.codePointAt(0)! - 0xe0000)).join('');
      return `[${run.length / 2} invisible tag characters: "${decoded.replace(CONTROL, '?')}"]`;
    })
    .replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > max ? `${shown}… (${text.length} characters)` : shown;
}

export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Some SDK errors end in the `undefined` fields of an event.
  return text.replace(/( undefined){1,4}$/, '');
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`;
}
