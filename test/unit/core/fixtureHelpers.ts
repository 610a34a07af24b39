import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { child, items, type DocNode, type JsonPath } from '../../../src/core/model/docNode';
import type { ConfigFormat } from '../../../src/core/parse/problem';

/** The repository root, found from wherever the compiled test runs (out/, out-<name>/). */
export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'test', 'fixtures'))) return dir;
    dir = resolve(dir, '..');
  }
  throw new Error(`repository root not found above ${__dirname}`);
}

export const FIXTURES = join(repoRoot(), 'test', 'fixtures');
export const CLIENT_FIXTURES = join(FIXTURES, 'clients');

/** Every file below a folder, as forward-slash paths relative to it. */
export function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).replace(/\\/g, '/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The node at a path of keys and indexes, or undefined. */
export function nodeAt(root: DocNode | undefined, path: JsonPath): DocNode | undefined {
  let node = root;
  for (const segment of path) {
    node = typeof segment === 'number' ? items(node)[segment] : child(node, segment);
    if (!node) return undefined;
  }
  return node;
}

export function sourceOf(text: string, node: DocNode): string {
  return text.slice(node.offset, node.offset + node.length);
}

/** What a scalar's source text means in the file's format (quotes removed, escapes read). */
export function decodeScalar(source: string, format: ConfigFormat): unknown {
  if (format === 'yaml') return parseYaml(source);
  if (format === 'toml' && source.startsWith("'")) return source.slice(1, -1);
  if (format === 'toml' && /^[A-Za-z0-9_-]+$/.test(source)) return source; // a bare key
  return JSON.parse(source);
}

/** 1-based line and column (UTF-16 units) of an offset, counted independently of LineIndex. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}
