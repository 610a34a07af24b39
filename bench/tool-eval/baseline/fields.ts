import type { ServerSnapshot } from '../../../src/core/model/tool';
import type { FieldRole, TargetRef, TextField } from './types';

/** Bounds of the schema walk: deeper or larger schemas are reported as abnormal, not walked. */
export const MAX_SCHEMA_DEPTH = 24;
export const MAX_SCHEMA_NODES = 5000;

/** Schema keywords whose string values are identifiers, not text the model reads as prose. */
const STRUCTURAL = new Set(['type', 'format', '$ref', '$schema', '$id', 'pattern', 'contentEncoding', 'contentMediaType', '$anchor', '$dynamicRef']);
const VALUE_KEYS = new Set(['enum', 'const', 'default', 'examples', 'example']);
const NAMED_CHILDREN = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

export interface CollectedFields {
  fields: TextField[];
  /** Targets whose schema walk stopped at a bound. */
  truncated: TargetRef[];
}

/** Every text field of every definition in a snapshot, with the path of each. */
export function collectFields(snapshot: ServerSnapshot): CollectedFields {
  const fields: TextField[] = [];
  const truncated: TargetRef[] = [];
  const add = (target: TargetRef, field: string, role: FieldRole, text: unknown, property?: string) => {
    if (typeof text === 'string' && text.length > 0) fields.push({ target, field, role, text, ...(property !== undefined ? { property } : {}) });
  };
  const server: TargetRef = { kind: 'server', name: snapshot.server };
  add(server, 'instructions', 'prose', snapshot.instructions);
  for (const tool of snapshot.tools ?? []) {
    const target: TargetRef = { kind: 'tool', name: String(tool.name) };
    add(target, 'name', 'name', tool.name);
    add(target, 'title', 'prose', tool.title);
    add(target, 'description', 'prose', tool.description);
    add(target, 'annotations.title', 'prose', tool.annotations?.title);
    for (const key of ['inputSchema', 'outputSchema'] as const) {
      if (!walkSchema(tool[key], key, (path, role, text, property) => add(target, path, role, text, property))) truncated.push(target);
    }
  }
  for (const prompt of snapshot.prompts ?? []) {
    const target: TargetRef = { kind: 'prompt', name: String(prompt.name) };
    add(target, 'name', 'name', prompt.name);
    add(target, 'title', 'prose', prompt.title);
    add(target, 'description', 'prose', prompt.description);
    (prompt.arguments ?? []).slice(0, MAX_SCHEMA_NODES).forEach((arg, i) => {
      add(target, `arguments.${i}.name`, 'parameterName', arg?.name, arg?.name);
      add(target, `arguments.${i}.title`, 'prose', (arg as { title?: unknown })?.title, arg?.name);
      add(target, `arguments.${i}.description`, 'prose', arg?.description, arg?.name);
    });
  }
  for (const resource of snapshot.resources ?? []) {
    const target: TargetRef = { kind: 'resource', name: String(resource.uri) };
    add(target, 'name', 'name', resource.name);
    add(target, 'title', 'prose', resource.title);
    add(target, 'description', 'prose', resource.description);
    add(target, 'uri', 'uri', resource.uri);
    add(target, 'mimeType', 'value', resource.mimeType);
  }
  for (const template of snapshot.resourceTemplates ?? []) {
    const target: TargetRef = { kind: 'resourceTemplate', name: String(template.uriTemplate) };
    add(target, 'name', 'name', template.name);
    add(target, 'title', 'prose', template.title);
    add(target, 'description', 'prose', template.description);
    add(target, 'uriTemplate', 'uri', template.uriTemplate);
    add(target, 'mimeType', 'value', template.mimeType);
  }
  return { fields, truncated };
}

type Visit = (path: string, role: FieldRole, text: unknown, property?: string) => void;

/** Walks every string (and property name) of a JSON schema, bounded. False when a bound was hit. */
export function walkSchema(schema: unknown, root: string, visit: Visit): boolean {
  let nodes = 0;
  let complete = true;
  const walk = (value: unknown, path: string, depth: number, property: string | undefined, inValues: boolean) => {
    if (++nodes > MAX_SCHEMA_NODES || depth > MAX_SCHEMA_DEPTH) {
      complete = false;
      return;
    }
    if (typeof value === 'string') {
      visit(path, inValues ? 'value' : 'prose', value, property);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}.${i}`, depth + 1, property, inValues));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const childPath = joinPath(path, key);
      if (NAMED_CHILDREN.has(key) && child && typeof child === 'object' && !Array.isArray(child) && !inValues) {
        for (const [name, sub] of Object.entries(child as Record<string, unknown>)) {
          if (++nodes > MAX_SCHEMA_NODES) {
            complete = false;
            return;
          }
          const subPath = joinPath(childPath, name);
          visit(`${subPath}#key`, 'parameterName', name, name);
          walk(sub, subPath, depth + 1, name, false);
        }
      } else if (STRUCTURAL.has(key) && typeof child === 'string' && !inValues && isIdentifierLike(child)) {
        continue;
      } else if (key === 'required' && Array.isArray(child) && !inValues) {
        continue;
      } else {
        walk(child, childPath, depth + 1, property, inValues || VALUE_KEYS.has(key));
      }
    }
  };
  walk(schema, root, 0, undefined, false);
  return complete;
}

/** Structural keyword values like "string" or "uri" hold no prose; anything longer is read as text. */
function isIdentifierLike(value: string): boolean {
  return value.length <= 64 && !/\s/.test(value);
}

/** `a.b.c`, quoting segments that would be ambiguous: `properties["my.key"]`. */
export function joinPath(path: string, key: string): string {
  return /^[A-Za-z0-9_$-]+$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
