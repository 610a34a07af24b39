import { SseError } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { errorMessage, formatMs, LiveError } from './errors';
import { visibleText } from '../core/text/visible';
import { ListFailure } from './listing';
import type { LiveLimits } from './options';
import { AttemptFailed, type OpenedTransport } from './openTransport';

export interface ErrorContext {
  limits: LiveLimits;
  opened: OpenedTransport | undefined;
  /** The caller's signal fired. */
  aborted: boolean;
  redact: (text: string) => string;
  /** The connection was up: an exit is not "before it answered". */
  connected?: boolean;
}

/** One plain sentence for whatever went wrong, with the exit code, stderr and stdout noise when they help. */
export function describeError(error: unknown, ctx: ErrorContext): LiveError {
  let e = error;
  let opened = ctx.opened;
  if (e instanceof AttemptFailed) {
    opened = e.opened;
    e = e.failure;
  }
  let method = 'initialize';
  if (e instanceof ListFailure) {
    method = e.method;
    e = e.failure;
  }
  const stdio = opened?.stdio;
  const details = () => evidence(opened, ctx.redact, true);
  if (stdio?.failure && stdio.failure.kind !== 'cancelled') return append(stdio.failure, evidence(opened, ctx.redact, false), stdio.failure.kind !== 'spawn');
  if (opened?.budget?.failure) return opened.budget.failure;
  if (ctx.aborted || (e instanceof LiveError && e.kind === 'cancelled')) return new LiveError('cancelled', 'cancelled');
  const timeout =
    e instanceof LiveError && e.kind === 'timeout'
      ? ctx.limits.connectTimeoutMs
      : e instanceof McpError && e.code === ErrorCode.RequestTimeout
        ? ctx.limits.requestTimeoutMs
        : undefined;
  if (timeout !== undefined) return append(new LiveError('timeout', `no answer to ${method} within ${formatMs(timeout)}`), details(), true);
  if (stdio?.exit) {
    const { code, signal } = stdio.exit;
    const how = code !== null ? `with code ${code}` : `on signal ${signal}`;
    const when = ctx.connected ? 'while connected' : `before it answered ${method}`;
    return append(new LiveError('exited', `the server exited ${how} ${when}`), details(), true);
  }
  if (e instanceof LiveError) return e.kind === 'exited' ? append(e, details(), true) : e;
  const text = visibleText(ctx.redact(errorMessage(e)), { singleLine: true, max: 300 });
  if (e instanceof StreamableHTTPError || e instanceof SseError) return new LiveError('http', e.code ? `HTTP ${e.code}: ${text}` : text);
  if (e instanceof McpError && e.code === ErrorCode.ConnectionClosed)
    return append(new LiveError('exited', `the connection closed during ${method}`), details(), true);
  if (e instanceof McpError) return new LiveError('request-failed', `${method} failed: ${text}`);
  if (/fetch failed|ECONNREFUSED|ENOTFOUND|ECONNRESET/i.test(text)) return new LiveError('http', `${method}: ${text}${causeOf(e)}`);
  return new LiveError('protocol', `${method} failed: ${text}`);
}

function append(error: LiveError, evidenceText: string, add: boolean): LiveError {
  return add && evidenceText ? new LiveError(error.kind, `${error.message}; ${evidenceText}`) : error;
}

/** stdout noise and the last lines of stderr, as one clause. */
function evidence(opened: OpenedTransport | undefined, redact: (text: string) => string, noise: boolean): string {
  const stdio = opened?.stdio;
  if (!stdio) return '';
  const parts: string[] = [];
  if (noise && stdio.noiseSummary) parts.push(stdio.noiseSummary);
  const lines = stdio.stderr.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length > 0) parts.push(`stderr: "${visibleText(redact(lines.slice(-3).join(' | ')), { singleLine: true, max: 300 })}"`);
  return parts.join('; ');
}

function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause ? ` (${cause.code ?? cause.message ?? ''})` : '';
}
