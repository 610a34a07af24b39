import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { errorMessage, LiveError } from './errors';
import { visibleText } from '../core/text/visible';
import { boundedFetch, ByteBudget, parseServerUrl, sseTransport, streamableHttpTransport } from './httpTransport';
import type { LiveLimits } from './options';
import type { ProcessRegistry } from './processRegistry';
import { raceAbort } from './signals';
import { BoundedStdioTransport } from './stdioTransport';
import { TracedTransport } from './tracedTransport';
import type { LaunchSpec, TraceEvent } from './types';

/** An initialized MCP session over one transport. */
export interface OpenedTransport {
  client: Client;
  kind: 'stdio' | 'streamable-http' | 'sse';
  traced: TracedTransport;
  stdio?: BoundedStdioTransport;
  budget?: ByteBudget;
}

/** A failed attempt, with what was opened so the error can name stderr, exit code or limits. */
export class AttemptFailed extends Error {
  constructor(
    readonly failure: unknown,
    readonly opened: OpenedTransport,
  ) {
    super(errorMessage(failure));
  }
}

export interface OpenContext {
  server: string;
  limits: LiveLimits;
  registry: ProcessRegistry;
  /** Aborts the attempt (connect timeout or cancel). */
  signal: AbortSignal;
  /** Aborts with the connection (HTTP requests without their own signal). */
  lifetime: AbortSignal;
  redact: (text: string) => string;
  trace: ((kind: TraceEvent['kind'], text: string) => void) | undefined;
  newClient: () => Client;
}

/** Spawns or contacts the server and runs `initialize`: stdio, or Streamable HTTP falling back to SSE. */
export async function openTransport(launch: LaunchSpec, ctx: OpenContext): Promise<OpenedTransport> {
  if (launch.transport === 'stdio') {
    const stdio = new BoundedStdioTransport(
      { command: launch.command!, args: launch.args, env: launch.env, ...(launch.cwd ? { cwd: launch.cwd } : {}) },
      ctx.limits,
      {
        server: ctx.server,
        registry: ctx.registry,
        ...(ctx.trace
          ? {
              onNoise: (kind: 'stdout' | 'stderr', text: string) =>
                ctx.trace!(
                  kind === 'stderr' ? 'stderr' : 'receive',
                  kind === 'stdout' ? `not JSON-RPC: ${visibleText(ctx.redact(text), { singleLine: true, max: 500 })}` : text,
                ),
            }
          : {}),
      },
    );
    return initialize({ client: ctx.newClient(), kind: 'stdio', traced: new TracedTransport(stdio, ctx.trace, ctx.redact), stdio }, ctx);
  }
  const url = parseServerUrl(launch.url ?? '');
  const budget = new ByteBudget(ctx.limits.maxOutputBytes);
  const fetchImpl = boundedFetch(budget, ctx.lifetime);
  let streamableFailure: unknown;
  if (launch.transport === 'http') {
    const transport = new TracedTransport(streamableHttpTransport(url, launch.headers, fetchImpl), ctx.trace, ctx.redact);
    try {
      return await initialize({ client: ctx.newClient(), kind: 'streamable-http', traced: transport, budget }, ctx);
    } catch (e) {
      if (ctx.signal.aborted || budget.failure) throw e;
      streamableFailure = (e as AttemptFailed).failure;
      ctx.trace?.(
        'lifecycle',
        `Streamable HTTP failed (${visibleText(ctx.redact(errorMessage(streamableFailure)), { singleLine: true, max: 200 })}); trying SSE`,
      );
    }
  }
  const transport = new TracedTransport(sseTransport(url, launch.headers, fetchImpl), ctx.trace, ctx.redact);
  try {
    return await initialize({ client: ctx.newClient(), kind: 'sse', traced: transport, budget }, ctx);
  } catch (e) {
    if (streamableFailure === undefined || ctx.signal.aborted || budget.failure) throw e;
    const failed = e as AttemptFailed;
    const message = `Streamable HTTP: ${visibleText(ctx.redact(errorMessage(streamableFailure)), { singleLine: true, max: 200 })}; SSE: ${visibleText(ctx.redact(errorMessage(failed.failure)), { singleLine: true, max: 200 })}`;
    throw new AttemptFailed(new LiveError('http', message), failed.opened);
  }
}

async function initialize(opened: OpenedTransport, ctx: OpenContext): Promise<OpenedTransport> {
  try {
    await raceAbort(opened.client.connect(opened.traced, { signal: ctx.signal, timeout: ctx.limits.connectTimeoutMs + 1_000 }), ctx.signal);
    return opened;
  } catch (e) {
    await opened.stdio?.terminate(new LiveError('cancelled', 'stopped by the client'));
    await opened.client.close().catch(() => undefined);
    throw new AttemptFailed(e, opened);
  }
}
