import type { DocNode, TextRange } from '../model/docNode';
import type { ConfigFormat } from '../parse/problem';
import { decodeJsonString, decodeTomlString, decodeYamlQuoted, type DecodedMap } from './stringDecoders';

/**
 * The range in the file's text of characters `start…end` of a scalar node's decoded value. Escapes
 * (`\u0041`, `\/`, `''`, line folding) are mapped exactly; when a node's raw text cannot be mapped
 * (a block scalar, an unknown form) the secret's text is looked up inside the node instead, and as
 * a last resort the whole value is returned.
 */
export function rawRangeOf(text: string, format: ConfigFormat, node: DocNode, start: number, end: number): TextRange {
  const value = node.type === 'string' ? String(node.value) : String(node.value ?? '');
  const raw = text.slice(node.offset, node.offset + node.length);
  const map = decodeRaw(raw, format);
  if (map && map.decoded === value && map.starts.length === value.length + 1) {
    return { start: node.offset + map.starts[start]!, end: node.offset + map.starts[end]! };
  }
  const secret = value.slice(start, end);
  const at = secret.length > 0 ? raw.indexOf(secret) : -1;
  if (at !== -1) return { start: node.offset + at, end: node.offset + at + secret.length };
  const quoted = /^["']/.test(raw) && raw.length >= 2;
  return quoted ? { start: node.offset + 1, end: node.offset + node.length - 1 } : { start: node.offset, end: node.offset + node.length };
}

function decodeRaw(raw: string, format: ConfigFormat): DecodedMap | undefined {
  if (raw.length === 0) return undefined;
  if (format === 'json' || format === 'jsonc') return raw[0] === '"' ? decodeJsonString(raw) : identity(raw);
  if (format === 'toml') return raw[0] === '"' || raw[0] === "'" ? decodeTomlString(raw) : identity(raw);
  if (raw[0] === '"' || raw[0] === "'") return decodeYamlQuoted(raw);
  return identity(raw);
}

function identity(raw: string): DecodedMap {
  const starts: number[] = [];
  for (let i = 0; i <= raw.length; i++) starts.push(i);
  return { decoded: raw, starts };
}
