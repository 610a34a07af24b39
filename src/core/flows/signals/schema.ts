import { WEIGHTS } from '../combine';
import type { Capability, Evidence } from '../types';
import { identifierWords } from './words';

export interface SchemaEvidence {
  capability: Capability;
  evidence: Evidence;
}

const URL_PARAMS = new Set(['url', 'uri', 'href', 'link', 'endpoint', 'website']);
const REQUEST_PARAMS = new Set(['method', 'body', 'payload', 'data', 'header', 'json', 'form']);
const RECIPIENT_PARAMS = new Set(['to', 'recipient', 'cc', 'bcc', 'channel', 'phone', 'chat']);
const MESSAGE_PARAMS = new Set(['body', 'text', 'message', 'content', 'subject', 'html', 'attachment']);
const PATH_PARAMS = new Set(['path', 'file', 'filepath', 'filename', 'directory', 'dir', 'folder']);
const CONTENT_PARAMS = new Set(['content', 'data', 'edit', 'patch', 'diff', 'new']);
const COMMAND_PARAMS = new Set(['command', 'cmd', 'script', 'shell', 'argv', 'code', 'function']);
const MONEY_PARAMS = new Set(['amount', 'price', 'currency']);
const MAX_PROPERTIES = 200;

/** Words of each top-level property name of a JSON-schema object, e.g. `recipient_email` → [recipient, email]. */
function propertyWords(schema: unknown): { name: string; words: string[] }[] {
  if (!schema || typeof schema !== 'object') return [];
  const props = (schema as { properties?: unknown }).properties;
  if (!props || typeof props !== 'object' || Array.isArray(props)) return [];
  return Object.keys(props)
    .slice(0, MAX_PROPERTIES)
    .map((name) => ({ name, words: identifierWords(name) }));
}

/** Capability hints from the shape of a tool's input schema (its parameter names). */
export function schemaSignals(inputSchema: unknown): SchemaEvidence[] {
  const params = propertyWords(inputSchema);
  if (params.length === 0) return [];
  const find = (words: ReadonlySet<string>) => params.find((p) => p.words.some((w) => words.has(w)))?.name;
  const exact = (words: ReadonlySet<string>) => params.find((p) => p.words.length === 1 && words.has(p.words[0]!))?.name;
  const out: SchemaEvidence[] = [];
  const add = (capability: Capability, weight: number, detail: string) => out.push({ capability, evidence: { source: 'schema', weight, detail } });

  const url = find(URL_PARAMS);
  const request = find(REQUEST_PARAMS);
  if (url && request) add('outbound', WEIGHTS.schema, `parameters \`${url}\` and \`${request}\`: a request with a body to a URL the caller picks`);
  else if (url) {
    add('untrusted-content', WEIGHTS.schema, `parameter \`${url}\`: fetches a URL the caller picks`);
    add('outbound', WEIGHTS.schemaWeak, `parameter \`${url}\`: a request to a caller-chosen URL can carry data in its query string`);
  }
  const webhook = params.find((p) => p.words.includes('webhook'))?.name;
  if (webhook) add('outbound', WEIGHTS.schema, `parameter \`${webhook}\`: delivers to a webhook`);

  const recipient = exact(RECIPIENT_PARAMS) ?? params.find((p) => p.words.includes('recipient'))?.name;
  const message = find(MESSAGE_PARAMS);
  if (recipient && message) add('outbound', WEIGHTS.schema, `parameters \`${recipient}\` and \`${message}\`: sends a message to a recipient`);
  else if (recipient) add('outbound', WEIGHTS.schemaWeak, `parameter \`${recipient}\`: names a recipient`);

  const sql = params.find((p) => p.words.includes('sql'))?.name;
  if (sql) {
    add('private-data', WEIGHTS.schema, `parameter \`${sql}\`: runs SQL on a database`);
    add('destructive', WEIGHTS.schemaWeak, `parameter \`${sql}\`: SQL can also modify data`);
  }
  const path = find(PATH_PARAMS);
  const content = find(CONTENT_PARAMS);
  if (path && content) add('destructive', WEIGHTS.schema, `parameters \`${path}\` and \`${content}\`: writes content to a path`);
  else if (path) add('private-data', WEIGHTS.schemaWeak, `parameter \`${path}\`: reads from a path`);

  const command = exact(COMMAND_PARAMS);
  if (command) {
    add('destructive', WEIGHTS.schema, `parameter \`${command}\`: runs caller-provided code`);
    add('outbound', WEIGHTS.schemaWeak, `parameter \`${command}\`: code can reach the network`);
  }
  const money = exact(MONEY_PARAMS);
  if (money) add('destructive', WEIGHTS.schemaWeak, `parameter \`${money}\`: moves money`);
  return out;
}
