import type { Severity } from '../../model/finding';
import type { FieldContext } from './context';
import { phraseFindings } from './phrases';

const MIN_RUN = 24;
const ALPHABET_CODES = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-') ALPHABET_CODES[ch.charCodeAt(0)] = 1;
const MAX_DECODE = 3000;
const MAX_SHOWN = 200;

/** Base64 and hex runs that decode to readable text; said what they decode to, and judged by it. */
export function detectEncodedBlobs(ctx: FieldContext): void {
  if (ctx.field.role === 'name' || ctx.field.role === 'parameterName') return;
  const text = ctx.text;
  for (const m of candidates(text)) {
    const run = m.run;
    if (!/[0-9]/.test(run) && !/[A-Z]/.test(run)) continue;
    if (!/[a-z]/i.test(run)) continue;
    if (!ctx.spend('encoded-blob')) return;
    const isHex = /^[0-9a-fA-F]+$/.test(run);
    if (isHex && (run.length < 32 || run.length % 2 !== 0)) continue;
    if (
      /^data:/.test(
        text
          .slice(Math.max(0, m.index - 40), m.index)
          .split(/\s/)
          .pop() ?? '',
      )
    )
      continue;
    const bytes = isHex ? fromHex(run) : fromBase64(run);
    if (!bytes) continue;
    const decoded = readableText(bytes);
    if (decoded === undefined) continue;
    const prose = /[a-z]{3,}(?: [a-z'.,~/-]+){2,}/i.test(decoded);
    const hits = prose ? phraseFindings(ctx, decoded) : [];
    const severity: Severity = hits.length > 0 ? 'error' : prose && decoded.length >= 24 ? 'warning' : 'info';
    const kind = isHex ? 'hex' : 'base64';
    const shown = decoded.length > MAX_SHOWN ? decoded.slice(0, MAX_SHOWN) + '…' : decoded;
    ctx.report({
      category: 'encoded-blob',
      severity,
      start: m.index,
      end: m.index + run.length,
      message:
        severity === 'error'
          ? `This ${kind} text decodes to instructions the user cannot read: "${shown}" (${hits[0]!.category}: ${hits[0]!.message})`
          : severity === 'warning'
            ? `This ${kind} text decodes to readable prose the user cannot see without decoding it: "${shown}".`
            : `This ${kind} text decodes to "${shown}".`,
      evidence: [`decoded (${kind}): ${shown}`, ...hits.slice(0, 3).map((h) => `${h.category}: ${h.message}`)],
    });
  }
}

/** Maximal runs of base64/hex characters of at least MIN_RUN, with their padding: one linear pass. */
function* candidates(text: string): Generator<{ index: number; run: string }> {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 128 || ALPHABET_CODES[c] === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d >= 128 || ALPHABET_CODES[d] === 0) break;
      j++;
    }
    if (j - i >= MIN_RUN) {
      let e = j;
      while (e < n && e - j < 2 && text.charCodeAt(e) === 0x3d) e++;
      yield { index: i, run: text.slice(i, e) };
    }
    i = j;
  }
}

function fromHex(run: string): Uint8Array {
  const len = Math.min(run.length, MAX_DECODE * 2) >> 1;
  const out = new Uint8Array(len);
  for (let i = 0; i < len; i++) out[i] = parseInt(run.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function fromBase64(run: string): Uint8Array | undefined {
  const body = run.replace(/=+$/, '').slice(0, Math.ceil((MAX_DECODE * 4) / 3));
  if (/[+/]/.test(body) && /[-_]/.test(body)) return undefined;
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of body) {
    let v = ALPHABET.indexOf(ch);
    if (v < 0) v = ch === '+' || ch === '-' ? 62 : ch === '/' || ch === '_' ? 63 : -1;
    if (v < 0) return undefined;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** The bytes as text, if they are UTF-8 made of letters, digits, punctuation and spaces. */
function readableText(bytes: Uint8Array): string | undefined {
  if (bytes.length < 8) return undefined;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let good = 0;
  let letters = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    if (/[\p{L}]/u.test(ch)) {
      letters++;
      good++;
    } else if (/[\p{N}\p{P}\p{S}\p{Zs}\n\t]/u.test(ch)) good++;
  }
  return good >= total * 0.95 && letters >= total * 0.5 ? text : undefined;
}
