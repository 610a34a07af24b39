import { lookalikeAscii } from './confusables';
import { parseEscape } from './terminal';
import { invisibleKind, isWhitespace } from './unicode';

/**
 * The text as a model reads it, made easy to match: lower case, look-alike letters as ASCII,
 * invisible characters and terminal escapes removed, whitespace runs as one space (or one line
 * break), typographic quotes as ASCII. `starts[i]`/`ends[i]` give the original UTF-16 range that
 * produced folded character `i`, so matches map back to exact offsets.
 */
export interface FoldedText {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

const QUOTES: Record<number, number> = {
  0x2018: 0x27,
  0x2019: 0x27,
  0x201a: 0x27,
  0x2032: 0x27,
  0x201c: 0x22,
  0x201d: 0x22,
  0x201e: 0x22,
  0x00ab: 0x22,
  0x00bb: 0x22,
  0x2013: 0x2d,
  0x2014: 0x2d,
  0x2212: 0x2d,
};

export function fold(original: string): FoldedText {
  const n = original.length;
  let lowered: string | undefined;
  const codes = new Uint16Array(n);
  const starts = new Int32Array(n + 1);
  const ends = new Int32Array(n + 1);
  let out = 0;
  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) {
      codes[out] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
      starts[out] = i;
      ends[out] = i + 1;
      out++;
      i++;
      continue;
    }
    if (c === 0x1b || c === 0x9b || c === 0x9d) {
      const seq = parseEscape(original, i);
      i += seq ? seq.length : 1;
      continue;
    }
    if (isBlank(c)) {
      let j = i;
      let breaks = false;
      while (j < n) {
        const d = original.charCodeAt(j);
        if (!isBlank(d)) break;
        if (d === 0x0a || d === 0x0d || d === 0x2028 || d === 0x2029) breaks = true;
        j++;
      }
      if (out > 0) {
        const previous = codes[out - 1];
        if (previous === 0x20 || previous === 0x0a) {
          if (breaks && previous === 0x20) codes[out - 1] = 0x0a;
          ends[out - 1] = j;
        } else {
          codes[out] = breaks ? 0x0a : 0x20;
          starts[out] = i;
          ends[out] = j;
          out++;
        }
      }
      i = j;
      continue;
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (invisibleKind(cp) !== undefined) {
      i += width;
      continue;
    }
    const look = lookalikeAscii(cp);
    let code: number;
    if (look >= 0) code = look >= 0x41 && look <= 0x5a ? look + 32 : look;
    else if (QUOTES[cp] !== undefined) code = QUOTES[cp]!;
    else if (width === 2) code = 0xfffd;
    else {
      lowered ??= original.toLowerCase();
      code = lowered.length === n ? lowered.charCodeAt(i) : cp;
    }
    codes[out] = code;
    starts[out] = i;
    ends[out] = i + width;
    out++;
    i += width;
  }
  starts[out] = n;
  ends[out] = n;
  return { text: decode(codes, out), starts: starts.subarray(0, out + 1), ends: ends.subarray(0, out + 1) };
}

/** Whitespace and control characters other than escape introducers: folded into one space or line break. */
function isBlank(c: number): boolean {
  if (c < 0x80) return c <= 0x20 ? c !== 0x1b : c === 0x7f;
  if (c <= 0x9f) return c !== 0x9b && c !== 0x9d;
  return isWhitespace(c);
}

const UTF16 = new TextDecoder('utf-16le');

function decode(codes: Uint16Array, length: number): string {
  return UTF16.decode(codes.subarray(0, length));
}

/** The original range of folded characters [start, end), without surrounding whitespace. */
export function originalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && (folded.text[s] === ' ' || folded.text[s] === '\n')) s++;
  while (e > s && (folded.text[e - 1] === ' ' || folded.text[e - 1] === '\n')) e--;
  if (e <= s) return { start: folded.starts[start] ?? 0, end: folded.starts[start] ?? 0 };
  return { start: folded.starts[s]!, end: folded.ends[e - 1]! };
}

const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029]/g;

/**
 * Whether the folded line break at `index` only wraps a sentence, as in a hard-wrapped description
 * ("…and pass their content as⏎'sidenote', otherwise…"): one break (not a blank line), the line before
 * ends without punctuation, and the next one goes on in lower case, a quote or a path.
 */
export function isWrappedLine(original: string, folded: FoldedText, index: number): boolean {
  const before = folded.text[index - 1];
  if (before === undefined || !/[a-z0-9,'"`)\]]/.test(before)) return false;
  const run = original.slice(folded.starts[index]!, folded.ends[index]!);
  if ((run.match(LINE_BREAKS)?.length ?? 0) !== 1) return false;
  const next = original[folded.starts[index + 1] ?? original.length];
  return next !== undefined && /[a-z0-9'"`~(/$]/.test(next);
}
