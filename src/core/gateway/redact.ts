import { findSecretsInValue } from '../secrets/detect';
import { maskSecret } from '../secrets/mask';
import { maskCanaries, type CanaryForms } from './canary';
import { plural } from '../text/plural';

export interface PreviewLimits {
  /** Characters kept of each string. */
  maxString: number;
  /** Characters of the whole preview as JSON; beyond it the preview is replaced by a note. */
  maxTotal: number;
  maxDepth: number;
}

export const PREVIEW_LIMITS: PreviewLimits = { maxString: 256, maxTotal: 2_048, maxDepth: 8 };

/** A string with every secret the linter's detector finds (under its key's name) and every canary masked. */
export function redactText(text: string, canaries: readonly CanaryForms[], keyName?: string): string {
  let out = maskCanaries(text, canaries);
  const hits = findSecretsInValue(out, keyName);
  for (const hit of [...hits].reverse())
    out = out.slice(0, hit.start) + `[${hit.label} ${maskSecret(out.slice(hit.start, hit.end), hit.publicPrefix)}]` + out.slice(hit.end);
  return out;
}

/**
 * A bounded copy of a JSON value for the audit log: secrets and canaries masked (before cutting, so
 * no cut can expose a secret's start the detector would have recognised), long strings cut, deep
 * nesting and large previews replaced by notes.
 */
export function redactForLog(value: unknown, canaries: readonly CanaryForms[], limits: PreviewLimits = PREVIEW_LIMITS): unknown {
  // An upper bound of the preview's JSON size, summed as it is built: when it stays within the limit,
  // the preview needs no JSON.stringify to be measured.
  let bound = 0;
  const visit = (node: unknown, key: string | undefined, depth: number): unknown => {
    if (typeof node === 'string') {
      const masked = redactText(node.length > limits.maxString * 8 ? node.slice(0, limits.maxString * 8) : node, canaries, key);
      const kept = masked.length > limits.maxString ? `${masked.slice(0, limits.maxString)}… (${plural(node.length, 'character')})` : masked;
      bound += jsonStringBound(kept) + 1;
      return kept;
    }
    if (node === null || typeof node !== 'object') {
      bound += MAX_SCALAR_JSON + 1;
      return node;
    }
    if (depth >= limits.maxDepth) {
      bound += 20;
      return '[nested too deep]';
    }
    bound += 2;
    if (Array.isArray(node)) return node.slice(0, 50).map((v) => visit(v, key, depth + 1));
    const out: Record<string, unknown> = {};
    let count = 0;
    for (const k in node) {
      if (count++ === 50) break;
      const name = redactKey(k, canaries);
      bound += jsonStringBound(name) + 1;
      out[name] = visit((node as Record<string, unknown>)[k], k, depth + 1);
    }
    return out;
  };
  const preview = visit(value, undefined, 0);
  if (bound <= limits.maxTotal) return preview;
  const size = JSON.stringify(preview ?? null).length;
  return size > limits.maxTotal ? `[${plural(size, 'character')} of JSON, not logged]` : preview;
}

/** The longest JSON text of a number, boolean or null (`-1.2345678901234567e-308`). */
const MAX_SCALAR_JSON = 24;

/** At most 6 characters per character (`\u001f`), and the quotes. */
function jsonStringBound(text: string): number {
  return 6 * text.length + 2;
}

/** Argument names repeat from call to call: their logged form is kept per canary list (short names, bounded). */
const keyCache = new WeakMap<readonly CanaryForms[], Map<string, string>>();
const KEY_CACHE_SIZE = 1_000;

function redactKey(key: string, canaries: readonly CanaryForms[]): string {
  if (key.length > 64) return redactText(key, canaries).slice(0, 100);
  let cache = keyCache.get(canaries);
  if (!cache) keyCache.set(canaries, (cache = new Map()));
  let logged = cache.get(key);
  if (logged === undefined) {
    logged = redactText(key, canaries).slice(0, 100);
    if (cache.size >= KEY_CACHE_SIZE) cache.clear();
    cache.set(key, logged);
  }
  return logged;
}
