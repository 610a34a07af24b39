import type { MessageType } from './types';

export type JsonObject = Record<string, unknown>;

/** A message as the gateway reads it; `json` is undefined when the line is not a JSON object. */
export interface ReadMessage {
  type: MessageType;
  json: JsonObject | undefined;
  id?: string | number;
  method?: string;
}

export function readMessage(line: string): ReadMessage {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { type: 'other', json: undefined };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { type: 'other', json: undefined };
  const m = json as JsonObject;
  const id = typeof m.id === 'string' || typeof m.id === 'number' ? m.id : undefined;
  const method = typeof m.method === 'string' ? m.method : undefined;
  const type: MessageType =
    method !== undefined
      ? id !== undefined
        ? 'request'
        : 'notification'
      : id !== undefined && 'result' in m
        ? 'response'
        : id !== undefined && 'error' in m
          ? 'error'
          : 'other';
  const read: ReadMessage = { type, json: m };
  if (id !== undefined) read.id = id;
  if (method !== undefined) read.method = method;
  return read;
}

/** A JSON-RPC error answer, as one line. */
export function errorLine(id: string | number, code: number, message: string, data?: unknown): string {
  return JSON.stringify({ jsonrpc: '2.0', id, error: { code, message, ...(data !== undefined ? { data } : {}) } });
}

export function resultLine(id: string | number, result: unknown): string {
  return JSON.stringify({ jsonrpc: '2.0', id, result });
}
