import { maskSecret } from '../secrets/mask';

export const MIN_CANARY_LENGTH = 8;

/** A canary as it may travel: verbatim, base64 (standard and URL-safe), percent-encoded, hex. */
export interface CanaryForms {
  canary: string;
  forms: string[];
}

export function canaryForms(canary: string): CanaryForms {
  const bytes = new TextEncoder().encode(canary);
  const base64 = toBase64(bytes).replace(/=+$/, '');
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  const forms = new Set([canary, base64, base64.replace(/\+/g, '-').replace(/\//g, '_'), encodeURIComponent(canary), hex]);
  // A base64 text that starts at another offset encodes the canary differently; the middle part of
  // each of the three alignments is stable, so those are matched too (long canaries only).
  if (canary.length >= 24) for (let shift = 1; shift <= 2; shift++) forms.add(toBase64(new TextEncoder().encode('x'.repeat(shift) + canary)).slice(4, -4));
  return { canary, forms: [...forms].filter((f) => f.length >= MIN_CANARY_LENGTH) };
}

export interface CanaryHit {
  /** The canary masked as log lines may show it. */
  canary: string;
  /** JSON path of the string that holds it. */
  path: string;
  encoded: boolean;
}

const MAX_NODES = 200_000;

/** Every string in a JSON value (keys included) that holds a canary in any of its forms. */
export function findCanaries(value: unknown, canaries: readonly CanaryForms[], root = ''): CanaryHit[] {
  if (canaries.length === 0) return [];
  const hits: CanaryHit[] = [];
  let nodes = 0;
  const visit = (node: unknown, path: string): void => {
    if (++nodes > MAX_NODES) return;
    if (typeof node === 'string') {
      checkString(node, path, canaries, hits);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((v, i) => visit(v, `${path}[${i}]`));
      return;
    }
    for (const [k, v] of Object.entries(node)) {
      const child = path ? `${path}.${k}` : k;
      checkString(k, child, canaries, hits);
      visit(v, child);
    }
  };
  visit(value, root);
  return hits;
}

/**
 * Whether a message, as the JSON text it arrived in, can hold a canary in any string: false only when
 * no form occurs in the text and the text has no backslash (without an escape, every string of the message,
 * key or value, is the very text between its quotes, so a form inside a string is a form in the text).
 * When false, findCanaries on the parsed message finds nothing, so its walk can be skipped.
 */
export function textMayHoldCanary(text: string, canaries: readonly CanaryForms[]): boolean {
  return canaries.length > 0 && (text.includes('\\') || anyForm(canaries).test(text));
}

/** One compiled matcher for every form of every canary of a list (compiled once per list). */
const matchers = new WeakMap<readonly CanaryForms[], RegExp>();

function anyForm(canaries: readonly CanaryForms[]): RegExp {
  let re = matchers.get(canaries);
  if (!re) {
    const forms = [...new Set(canaries.flatMap((c) => c.forms))].sort((a, b) => b.length - a.length);
    re = new RegExp(forms.map((f) => f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'));
    matchers.set(canaries, re);
  }
  return re;
}

function checkString(text: string, path: string, canaries: readonly CanaryForms[], hits: CanaryHit[]): void {
  // The one matcher says whether any form is there; which canaries and forms, only then.
  if (text.length < MIN_CANARY_LENGTH || !anyForm(canaries).test(text)) return;
  for (const { canary, forms } of canaries) {
    const form = forms.find((f) => text.includes(f));
    if (form !== undefined) hits.push({ canary: maskCanary(canary), path, encoded: form !== canary });
  }
}

export function maskCanary(canary: string): string {
  return maskSecret(canary);
}

/** Replaces every form of every canary in a text by its mask (for log lines and messages). */
export function maskCanaries(text: string, canaries: readonly CanaryForms[]): string {
  if (canaries.length === 0 || !anyForm(canaries).test(text)) return text;
  let out = text;
  for (const { canary, forms } of canaries) for (const f of forms) if (out.includes(f)) out = out.split(f).join(`[canary ${maskCanary(canary)}]`);
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out +=
      ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + (b === undefined ? '=' : ALPHABET[(n >> 6) & 63]!) + (c === undefined ? '=' : ALPHABET[n & 63]!);
  }
  return out;
}
