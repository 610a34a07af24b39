import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { sseTransport, streamableHttpTransport } from '../live/httpTransport';
import { errorLine } from '../core/gateway/messages';
import type { Upstream, UpstreamEvents } from './upstream';

/**
 * A remote server reached over Streamable HTTP (falling back to the legacy SSE transport when the
 * first message is refused), offered to the client as stdio lines. The gateway opens no listener.
 */
export class HttpUpstream implements Upstream {
  private transport: Transport | undefined;
  private kind: 'streamable-http' | 'sse' = 'streamable-http';
  private delivered = false;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly lifetime = new AbortController();

  constructor(
    private readonly url: URL,
    private readonly headers: Record<string, string>,
    private readonly events: UpstreamEvents,
  ) {}

  async start(): Promise<void> {
    this.transport = this.open('streamable-http');
    await this.transport.start();
  }

  send(line: string): void {
    let message: JSONRPCMessage;
    try {
      message = JSON.parse(line) as JSONRPCMessage;
    } catch {
      return; // an HTTP server takes JSON bodies only; a broken line cannot be passed on
    }
    this.queue = this.queue.then(() => this.deliver(message));
  }

  flush(): void {
    /* each message is its own HTTP request */
  }

  async close(): Promise<void> {
    this.closed = true;
    this.lifetime.abort();
    await this.transport?.close().catch(() => undefined);
  }

  private open(kind: 'streamable-http' | 'sse'): Transport {
    this.kind = kind;
    const fetchImpl: typeof fetch = (url, init) => fetch(url, { ...init, signal: init?.signal ?? this.lifetime.signal });
    const transport = kind === 'sse' ? sseTransport(this.url, this.headers, fetchImpl) : streamableHttpTransport(this.url, this.headers, fetchImpl);
    transport.onmessage = (message) => {
      const line = JSON.stringify(message);
      this.events.onLine(line, Buffer.byteLength(line));
      this.events.onChunkEnd?.();
    };
    transport.onclose = () => {
      if (!this.closed && transport === this.transport) this.events.onExit(0, 'the remote server closed the connection');
    };
    transport.onerror = () => undefined;
    return transport;
  }

  private async deliver(message: JSONRPCMessage): Promise<void> {
    if (this.closed) return;
    try {
      await this.transport!.send(message);
      this.delivered = true;
    } catch (e) {
      if (!this.delivered && this.kind === 'streamable-http') {
        const old = this.transport!;
        this.transport = this.open('sse');
        await old.close().catch(() => undefined);
        try {
          await this.transport.start();
          await this.transport.send(message);
          this.delivered = true;
          return;
        } catch (e2) {
          this.events.onExit(1, `cannot reach ${this.url.href}: Streamable HTTP: ${(e as Error).message}; SSE: ${(e2 as Error).message}`);
          return;
        }
      }
      if (!this.delivered) {
        this.events.onExit(1, `cannot reach ${this.url.href}: ${(e as Error).message}`);
        return;
      }
      // One failed request does not end the session: the client gets an error for it.
      if ('id' in message && 'method' in message) {
        const line = errorLine(message.id, -32603, `MCP Warden gateway: the remote server did not take the request: ${(e as Error).message}`);
        this.events.onLine(line, Buffer.byteLength(line));
        this.events.onChunkEnd?.();
      }
    }
  }
}
