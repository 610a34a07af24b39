import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { formatBytes, LiveError } from './errors';

/** Bytes received over one connection, shared by every response it reads. */
export class ByteBudget {
  used = 0;
  failure: LiveError | undefined;
  constructor(readonly max: number) {}
}

const NO_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * A fetch that stops reading once the connection's budget is spent; requests the SDK sends without
 * a signal of their own get the connection's, so none outlives it.
 */
export function boundedFetch(budget: ByteBudget, signal: AbortSignal, base: FetchLike = fetch): FetchLike {
  return async (url, init) => {
    const response = await base(url, { ...init, signal: init?.signal ?? signal });
    if (!response.body || NO_BODY.has(response.status)) return response;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        budget.used += chunk.byteLength;
        if (budget.used > budget.max) {
          budget.failure ??= new LiveError('output-limit', `the server sent more than ${formatBytes(budget.max)}; the connection was closed`);
          controller.error(budget.failure);
          return;
        }
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

export function streamableHttpTransport(url: URL, headers: Record<string, string>, fetchImpl: FetchLike): Transport {
  return new StreamableHTTPClientTransport(url, {
    requestInit: { headers },
    fetch: fetchImpl,
    reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1000, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 },
  });
}

export function sseTransport(url: URL, headers: Record<string, string>, fetchImpl: FetchLike): Transport {
  return new SSEClientTransport(url, { requestInit: { headers }, fetch: fetchImpl });
}

/** Only http(s) URLs are contacted; `unix:`/`pipe:` URLs and others are refused with a message. */
export function parseServerUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new LiveError('config', `the URL "${raw.slice(0, 200)}" is not valid`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new LiveError('config', `only http and https servers can be inspected (got "${url.protocol}")`);
  return url;
}
