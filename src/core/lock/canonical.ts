/**
 * The canonical form of a definition: what "the same definition" means for pinning.
 *
 * - Object keys are sorted; `undefined` values and `_meta` (volatile transport metadata) are dropped.
 * - Lists whose order carries no meaning are sorted by their canonical text: JSON Schema `required`,
 *   `enum`, `type` (when a list), `anyOf` / `oneOf` / `allOf`, and a prompt's `arguments` (by name).
 * - Everything else keeps its order (`items` tuples, `examples`, `prefixItems`), and strings are kept
 *   byte for byte: an added space or an invisible character is a change the user must see.
 */
const UNORDERED = new Set(['required', 'enum', 'type', 'anyOf', 'oneOf', 'allOf']);
const DROPPED = new Set(['_meta']);
const MAX_DEPTH = 64;

export function canonicalize(value: unknown): unknown {
  return canon(value, undefined, 0);
}

function canon(value: unknown, key: string | undefined, depth: number): unknown {
  if (depth > MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) {
    const items = value.map((v) => canon(v, undefined, depth + 1));
    if (key === 'arguments') return items.sort((a, b) => compare(nameOf(a), nameOf(b)) || compare(JSON.stringify(a), JSON.stringify(b)));
    if (key !== undefined && UNORDERED.has(key)) return items.sort((a, b) => compare(JSON.stringify(a), JSON.stringify(b)));
    return items;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as Record<string, unknown>).sort(compare)) {
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined || DROPPED.has(k)) continue;
      out[k] = canon(v, k, depth + 1);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

function nameOf(v: unknown): string {
  return v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string' ? (v as { name: string }).name : '';
}

/** Code-unit order, the same everywhere (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compact canonical JSON: the text that is hashed. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}

/** Indented canonical JSON, one key per line: the text that is diffed. */
export function canonicalPretty(value: unknown): string {
  return JSON.stringify(canonicalize(value), null, 2);
}
