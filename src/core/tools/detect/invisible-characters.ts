import type { Severity } from '../../model/finding';
import { lookalikeAscii, scriptOf, skeleton, styledAscii } from '../confusables';
import { hex4, invisibleKind, isEmojiPart, joinsInScript, type InvisibleKind } from '../unicode';
import type { FieldContext } from './context';

const MAX_DECODED = 300;
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;
/** Every code point `invisibleKind` knows, to jump from one to the next natively. */
const INVISIBLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]|\udb40[\udc00-\udc7f\udd00-\uddef]/g;
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]/;

/** Unicode tag smuggling, zero-width and bidi controls, variation-selector payloads, look-alike letters. */
export function detectInvisibleCharacters(ctx: FieldContext): void {
  const text = ctx.text;
  const n = text.length;
  const isName = ctx.field.role === 'name' || ctx.field.role === 'parameterName';
  const rtl = RTL.test(text);
  INVISIBLE.lastIndex = 0;
  for (let m = INVISIBLE.exec(text); m; m = INVISIBLE.exec(text)) {
    const i = m.index;
    const kind = invisibleKind(text.codePointAt(i)!)!;
    const family = familyOf(kind);
    const cps: number[] = [];
    let j = i;
    while (j < n) {
      const c = text.codePointAt(j)!;
      const k = c < 0xad ? undefined : invisibleKind(c);
      if (k === undefined || familyOf(k) !== family) break;
      if (cps.length < 100_000) cps.push(c);
      j += c > 0xffff ? 2 : 1;
    }
    INVISIBLE.lastIndex = j;
    const verdict = judgeRun(kind, cps, text, i, j, rtl);
    if (verdict) {
      if (!ctx.spend('invisible-characters')) return;
      const severity: Severity = isName && verdict.severity !== 'info' ? 'error' : isName ? 'warning' : verdict.severity;
      ctx.report({ category: 'invisible-characters', severity, start: i, end: j, message: verdict.message, evidence: verdict.evidence });
    }
  }
  lookalikes(ctx, isName);
}

type Family = 'tag' | 'zero-width' | 'bidi' | 'variation-selector' | 'soft-hyphen' | 'filler';

function familyOf(kind: InvisibleKind): Family {
  if (kind === 'bidi-override' || kind === 'bidi-isolate' || kind === 'bidi-mark') return 'bidi';
  return kind;
}

interface Verdict {
  severity: Severity;
  message: string;
  evidence: string[];
}

function judgeRun(kind: InvisibleKind, cps: number[], text: string, start: number, end: number, rtl: boolean): Verdict | undefined {
  const count = `${cps.length} invisible ${cps.length === 1 ? 'character' : 'characters'}`;
  const points = [...new Set(cps)].slice(0, 6).map(hex4).join(', ');
  if (kind === 'tag') {
    if (isFlagSequence(text, start, cps)) return undefined;
    const decoded = cps.map((c) => (c >= 0xe0020 && c <= 0xe007e ? String.fromCharCode(c - 0xe0000) : '')).join('');
    const readable = /[a-z]/i.test(decoded);
    return {
      severity: readable ? 'error' : 'warning',
      message: readable
        ? `${count} from the Unicode tag block spell out hidden text the model reads but the user cannot see: "${clip(decoded)}".`
        : `${count} from the Unicode tag block (${points}): invisible to the user.`,
      evidence: [`code points: ${points}`, ...(readable ? [`decoded: ${clip(decoded)}`] : [])],
    };
  }
  if (kind === 'variation-selector') {
    const prev = start > 0 ? text.codePointAt(start - (isLowSurrogate(text.charCodeAt(start - 1)) ? 2 : 1))! : 0;
    if (cps.length === 1 && (isEmojiPart(prev) || prev >= 0x2000)) return undefined;
    const bytes = cps.map((c) => (c >= 0xe0100 ? c - 0xe0100 + 16 : c - 0xfe00));
    const decoded = utf8(bytes);
    const readable = decoded !== undefined && /[a-z]{2}/i.test(decoded);
    return {
      severity: readable ? 'error' : 'warning',
      message: readable
        ? `${count} (variation selectors) carry a hidden message, one byte each: "${clip(decoded!)}".`
        : `${count} (variation selectors) follow a character that has no variants: a known way to hide data in text.`,
      evidence: [`code points: ${points}`, ...(readable ? [`decoded: ${clip(decoded!)}`] : [])],
    };
  }
  if (kind === 'bidi-override' || cps.some((c) => c === 0x202d || c === 0x202e)) {
    return {
      severity: 'warning',
      message: `A bidirectional override (${points}) makes the text display in a different order than the model reads it.`,
      evidence: [`code points: ${points}`],
    };
  }
  if (kind === 'bidi-isolate' || kind === 'bidi-mark') {
    if (rtl) return undefined;
    return {
      severity: kind === 'bidi-isolate' ? 'warning' : 'info',
      message: `Bidirectional control characters (${points}) in text with no right-to-left script: they can reorder what the user sees.`,
      evidence: [`code points: ${points}`],
    };
  }
  if (kind === 'soft-hyphen') {
    return {
      severity: 'info',
      message: `${count} (soft hyphen) inside the text: invisible, but they split words so that plain-text filters miss them.`,
      evidence: [`code points: ${points}`],
    };
  }
  if (kind === 'filler') {
    return {
      severity: 'warning',
      message: `${count} (${points}) that render as blank space: used to make text or names look empty or identical.`,
      evidence: [`code points: ${points}`],
    };
  }
  if (cps.length === 1 && cps[0] === 0xfeff && start === 0) return undefined;
  if (cps.length === 1 && cps[0] === 0x200d && isEmojiPart(codePointBefore(text, start)) && isEmojiPart(text.codePointAt(end) ?? 0)) return undefined;
  if (cps.length <= 2 && (cps[0] === 0x200c || cps[0] === 0x200d) && (joinsInScript(codePointBefore(text, start)) || joinsInScript(text.codePointAt(end) ?? 0)))
    return undefined;
  const bits = cps.length >= 16 ? binaryMessage(cps) : undefined;
  if (bits)
    return {
      severity: 'error',
      message: `${count} encode a hidden message in binary: "${clip(bits)}".`,
      evidence: [`code points: ${points}`, `decoded: ${clip(bits)}`],
    };
  const inWord =
    /[\p{L}\p{N}]/u.test(String.fromCodePoint(codePointBefore(text, start) || 0x20)) &&
    /[\p{L}\p{N}]/u.test(String.fromCodePoint(text.codePointAt(end) ?? 0x20));
  return {
    severity: inWord || cps.length >= 4 ? 'warning' : 'info',
    message: inWord
      ? `${count} (${points}) inside a word: the user sees one word, while filters and the model's tokenizer see pieces.`
      : `${count} (${points}): nothing the user can see is here.`,
    evidence: [`code points: ${points}`],
  };
}

function lookalikes(ctx: FieldContext, isName: boolean): void {
  const text = ctx.text;
  if (!/[^\x00-\x7f]/.test(text)) return;
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (!/[^\x00-\x7f]/.test(word)) continue;
    let latin = 0;
    let lookalike = 0;
    let styled = 0;
    const foreign: string[] = [];
    for (const ch of word) {
      const cp = ch.codePointAt(0)!;
      const script = scriptOf(cp);
      if (script === 'latin') latin++;
      else if (script !== 'other' && lookalikeAscii(cp) >= 0) {
        lookalike++;
        if (foreign.length < 4) foreign.push(`${ch} ${hex4(cp)} (${script})`);
      } else if (styledAscii(cp) >= 0) styled++;
    }
    if (lookalike === 0 && styled < (isName ? 1 : 3)) continue;
    const skel = skeleton(word);
    const twin = isName && lookalike > 0 ? twinOf(ctx, skel, word) : undefined;
    if ((latin > 0 && lookalike > 0) || twin) {
      if (!ctx.spend('invisible-characters')) return;
      ctx.report({
        category: 'invisible-characters',
        severity: isName || twin ? 'error' : 'warning',
        start: m.index,
        end: m.index + word.length,
        message: `"${word}" mixes Latin letters with look-alikes from another script (${foreign.join(', ')}); it reads as "${skel}"${twin ? ` — the name of ${twin}` : ''}.`,
        evidence: foreign,
      });
    } else if (styled > 0) {
      if (!ctx.spend('invisible-characters')) return;
      ctx.report({
        category: 'invisible-characters',
        severity: isName ? 'warning' : 'info',
        start: m.index,
        end: m.index + word.length,
        message: `"${word}" is written in styled Unicode letters that the model reads as "${skel}" while plain-text filters do not.`,
      });
    }
  }
}

function twinOf(ctx: FieldContext, skel: string, word: string): string | undefined {
  for (const own of ctx.scope.ownTools) if (own !== word.toLowerCase() && skeleton(own) === skel) return `this server's tool "${own}"`;
  for (const other of ctx.scope.otherServers)
    for (const t of other.toolNames) if (t !== word && skeleton(t) === skel) return `"${t}" on the "${other.server}" server`;
  return undefined;
}

function isFlagSequence(text: string, start: number, cps: number[]): boolean {
  return (
    cps.length >= 3 &&
    cps.length <= 8 &&
    cps[cps.length - 1] === 0xe007f &&
    codePointBefore(text, start) === 0x1f3f4 &&
    cps.slice(0, -1).every((c) => (c >= 0xe0061 && c <= 0xe007a) || (c >= 0xe0030 && c <= 0xe0039))
  );
}

function binaryMessage(cps: number[]): string | undefined {
  const symbols = [...new Set(cps)];
  if (symbols.length !== 2 || cps.length % 8 !== 0) return undefined;
  for (const zero of symbols) {
    const bytes: number[] = [];
    for (let k = 0; k + 8 <= Math.min(cps.length, 8 * MAX_DECODED); k += 8) {
      let b = 0;
      for (let bit = 0; bit < 8; bit++) b = (b << 1) | (cps[k + bit] === zero ? 0 : 1);
      bytes.push(b);
    }
    const decoded = utf8(bytes);
    if (decoded !== undefined && /[a-z]{2}/i.test(decoded)) return decoded;
  }
  return undefined;
}

function utf8(bytes: number[]): string | undefined {
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(bytes.slice(0, MAX_DECODED * 4)));
  let printable = 0;
  for (const ch of decoded) if (/[\p{L}\p{N}\p{P}\p{Zs}\n\t]/u.test(ch)) printable++;
  return printable >= [...decoded].length * 0.85 ? decoded : undefined;
}

function codePointBefore(text: string, index: number): number {
  if (index <= 0) return 0;
  const low = text.charCodeAt(index - 1);
  return isLowSurrogate(low) && index >= 2 ? text.codePointAt(index - 2)! : low;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function clip(s: string): string {
  const visible = s.replace(/[\x00-\x1f\x7f]/g, ' ');
  return visible.length > MAX_DECODED ? visible.slice(0, MAX_DECODED) + '…' : visible;
}
