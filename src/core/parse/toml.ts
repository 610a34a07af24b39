import { parse, TomlError } from 'smol-toml';
import type { DocNode } from '../model/docNode';
import type { ParseOutput } from './problem';

// Placeholder until the position-aware TOML reader lands: values are right, ranges cover the whole file.
export function parseToml(text: string): ParseOutput {
  try {
    const value = parse(text);
    return { root: fromValue(value, undefined, text.length), problems: [] };
  } catch (e) {
    if (e instanceof TomlError) {
      return { root: undefined, problems: [{ kind: 'syntax', offset: 0, length: 1, message: `TOML syntax error: ${e.message.split('\n')[0]}` }] };
    }
    throw e;
  }
}

function fromValue(value: unknown, parent: DocNode | undefined, length: number): DocNode {
  const base = { offset: 0, length, parent };
  if (Array.isArray(value)) {
    const node: DocNode = { ...base, type: 'array', children: [] };
    node.children = value.map((v) => fromValue(v, node, length));
    return node;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const node: DocNode = { ...base, type: 'object', children: [] };
    for (const [k, v] of Object.entries(value)) {
      const prop: DocNode = { ...base, type: 'property', parent: node, children: [] };
      prop.children = [{ ...base, type: 'string', value: k, parent: prop }, fromValue(v, prop, length)];
      node.children!.push(prop);
    }
    return node;
  }
  if (typeof value === 'string') return { ...base, type: 'string', value };
  if (typeof value === 'number' || typeof value === 'bigint') return { ...base, type: 'number', value: Number(value) };
  if (typeof value === 'boolean') return { ...base, type: 'boolean', value };
  return { ...base, type: 'string', value: String(value) };
}
