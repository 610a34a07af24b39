/**
 * One node of a parsed config file, whatever its format. It has the shape of jsonc-parser's `Node`
 * (JSON needs no conversion); the YAML and TOML readers build the same shape. Offsets are UTF-16
 * indices into the file's text; `offset`/`length` of a string node include its quotes, if any.
 */
export interface DocNode {
  type: 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  value?: any;
  offset: number;
  length: number;
  colonOffset?: number;
  parent?: DocNode;
  children?: DocNode[];
}
export type JsonPath = (string | number)[];

export interface TextRange {
  start: number;
  end: number;
}

export function nodeRange(node: DocNode): TextRange {
  return { start: node.offset, end: node.offset + node.length };
}

/** The value node of property `key` of an object node. */
export function child(node: DocNode | undefined, key: string): DocNode | undefined {
  if (!node || node.type !== 'object' || !node.children) return undefined;
  let found: DocNode | undefined;
  for (const prop of node.children) {
    const k = prop.children?.[0];
    if (k && k.value === key) found = prop.children?.[1]; // last one wins, as in JSON.parse
  }
  return found;
}

/** The first of several alternative keys that is present. */
export function childOf(node: DocNode | undefined, keys: readonly string[]): { key: string; node: DocNode } | undefined {
  for (const key of keys) {
    const found = child(node, key);
    if (found) return { key, node: found };
  }
  return undefined;
}

/** Each property of an object node as (key node, value node). Duplicated keys are all listed. */
export function properties(node: DocNode | undefined): { key: string; keyNode: DocNode; value: DocNode }[] {
  const out: { key: string; keyNode: DocNode; value: DocNode }[] = [];
  if (!node || node.type !== 'object' || !node.children) return out;
  for (const prop of node.children) {
    const pair = prop.children;
    if (pair && pair.length >= 2) out.push({ key: String(pair[0]!.value), keyNode: pair[0]!, value: pair[1]! });
  }
  return out;
}

export function items(node: DocNode | undefined): DocNode[] {
  return node && node.type === 'array' && node.children ? node.children : [];
}

/** The scalar items of a list as text (see `scalarText`); anything else in it is left out. */
export function scalarItems(node: DocNode | undefined): string[] {
  return items(node)
    .map(scalarText)
    .filter((s): s is string => s !== undefined);
}

export function stringValue(node: DocNode | undefined): string | undefined {
  return node && node.type === 'string' ? (node.value as string) : undefined;
}

/** A scalar as the string a client would pass on (numbers and booleans are stringified). */
export function scalarText(node: DocNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return node.value as string;
  if (node.type === 'number' || node.type === 'boolean') return String(node.value);
  return undefined;
}

/** Keys from the root down to `node` (for a key node: down to its property), e.g. ["mcpServers","github","env","GITHUB_TOKEN"]. */
export function pathOf(node: DocNode): JsonPath {
  const path: JsonPath = [];
  let current: DocNode | undefined = node;
  while (current?.parent) {
    const parent: DocNode = current.parent;
    if (parent.type === 'property') {
      const key = parent.children?.[0];
      if (key) path.push(String(key.value));
      current = parent.parent;
    } else if (parent.type === 'array') {
      path.push(parent.children ? parent.children.indexOf(current) : 0);
      current = parent;
    } else {
      current = parent;
    }
  }
  return path.reverse();
}

/** For a value node held by a property, the node of that property's key. */
export function keyNodeOf(node: DocNode): DocNode | undefined {
  const parent = node.parent;
  if (parent?.type !== 'property') return undefined;
  const key = parent.children?.[0];
  return key === node ? undefined : key;
}
