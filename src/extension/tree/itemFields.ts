import type { LiveSnapshot } from '../../live/index';
import type { ListName } from './nodes';

export interface Field {
  label: string;
  value: string;
}

/** The fields shown under one tool, prompt or resource: description, parameters, annotations. */
export function itemFields(snapshot: LiveSnapshot, list: ListName, name: string): Field[] {
  const item = findItem(snapshot, list, name) as Record<string, unknown> | undefined;
  if (!item) return [];
  const out: Field[] = [];
  if (typeof item.title === 'string') out.push({ label: 'title', value: item.title });
  if (typeof item.description === 'string') out.push({ label: 'description', value: item.description });
  if (typeof item.uri === 'string') out.push({ label: 'uri', value: item.uri });
  if (typeof item.uriTemplate === 'string') out.push({ label: 'uriTemplate', value: item.uriTemplate });
  if (typeof item.mimeType === 'string') out.push({ label: 'mimeType', value: item.mimeType });
  const schema = item.inputSchema as { properties?: Record<string, { type?: unknown; description?: unknown }>; required?: unknown } | undefined;
  const required = new Set(Array.isArray(schema?.required) ? schema!.required.map(String) : []);
  for (const [param, def] of Object.entries(schema?.properties ?? {})) {
    const type = typeof def?.type === 'string' ? def.type : Array.isArray(def?.type) ? def.type.join('|') : 'any';
    const description = typeof def?.description === 'string' ? ` — ${def.description}` : '';
    out.push({ label: `param ${param}`, value: `${type}${required.has(param) ? ', required' : ''}${description}` });
  }
  for (const arg of (item.arguments as { name: string; description?: string; required?: boolean }[] | undefined) ?? []) {
    out.push({ label: `argument ${arg.name}`, value: `${arg.required ? 'required' : 'optional'}${arg.description ? ` — ${arg.description}` : ''}` });
  }
  const annotations = item.annotations as Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(annotations ?? {})) out.push({ label: key, value: String(value) });
  return out;
}

export function findItem(snapshot: LiveSnapshot, list: ListName, name: string): unknown {
  const items = snapshot[list] as { name?: string; uri?: string; uriTemplate?: string }[];
  return items.find((i) => itemName(i) === name);
}

export function itemName(item: { name?: string; uri?: string; uriTemplate?: string }): string {
  return item.name ?? item.uri ?? item.uriTemplate ?? '?';
}
