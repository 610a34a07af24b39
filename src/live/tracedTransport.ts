import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, MessageExtraInfo } from '@modelcontextprotocol/sdk/types.js';
import { visibleText } from '../core/text/visible';
import type { TraceEvent } from './types';
import { plural } from '../core/text/plural';

const TRACE_LINE_LIMIT = 4_000;

/** Wraps a transport to report each JSON-RPC message (secrets masked, clipped) and to learn the protocol version. */
export class TracedTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void;
  protocolVersion: string | undefined;

  constructor(
    readonly inner: Transport,
    private readonly emit: ((kind: TraceEvent['kind'], text: string) => void) | undefined,
    private readonly redact: (text: string) => string,
  ) {
    inner.onclose = () => this.onclose?.();
    inner.onerror = (e) => this.onerror?.(e);
    inner.onmessage = (message: JSONRPCMessage, extra?: MessageExtraInfo) => {
      this.log('receive', message);
      this.onmessage?.(message, extra);
    };
  }

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  start(): Promise<void> {
    return this.inner.start();
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    this.log('send', message);
    return this.inner.send(message, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  setProtocolVersion = (version: string): void => {
    this.protocolVersion = version;
    this.inner.setProtocolVersion?.(version);
  };

  private log(kind: 'send' | 'receive', message: JSONRPCMessage): void {
    if (!this.emit) return;
    const json = JSON.stringify(message);
    // Redacted with some margin before clipping, so a secret across the cut is still masked.
    const head = this.redact(json.slice(0, TRACE_LINE_LIMIT * 2)).slice(0, TRACE_LINE_LIMIT);
    this.emit(kind, visibleText(head, { singleLine: true }) + (json.length > TRACE_LINE_LIMIT ? `… (${plural(json.length, 'character')})` : ''));
  }
}
