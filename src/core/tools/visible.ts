import { visibleText, visibleCodePoint } from '../text/visible';

export interface VisibleOptions {
  /** Keep line feeds (and CRLF) as line breaks; otherwise show them as ⏎. */
  keepNewlines?: boolean;
}

/**
 * Text with every control, escape and invisible character made visible: ESC as ␛, other C0 controls
 * as their Control Pictures (␈, ␍…), and format characters as ⟨U+XXXX⟩. Nothing is interpreted.
 * `map[i]` is the output offset of original offset `i` (length + 1 entries).
 */
export function visibleWithMap(text: string, options: VisibleOptions = {}): { text: string; map: Int32Array } {
  const n = text.length;
  const map = new Int32Array(n + 1);
  const parts: string[] = [];
  let out = 0;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const shown = show(cp, text, i, options);
    map[i] = out;
    if (width === 2) map[i + 1] = out;
    parts.push(shown);
    out += shown.length;
    i += width;
  }
  map[n] = out;
  return { text: parts.join(''), map };
}

/** How one code point of `text` at `i` is shown. */
export function show(cp: number, text: string, i: number, options: VisibleOptions): string {
  if (cp === 0x0a) return options.keepNewlines ? '\n' : '⏎';
  if (cp === 0x0d) return options.keepNewlines && text.charCodeAt(i + 1) === 0x0a ? '' : '␍';
  return visibleCodePoint(cp);
}

const EXCERPT_HEAD = 100;
const EXCERPT_TAIL = 40;
const EXCERPT_MAX = 240;

/** A bounded, visible excerpt of text[start, end). */
export function excerpt(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  const clipped =
    raw.length > EXCERPT_HEAD + EXCERPT_TAIL + 10 ? `${safeSlice(raw, 0, EXCERPT_HEAD)} … ${safeSlice(raw, raw.length - EXCERPT_TAIL, raw.length)}` : raw;
  const shown = visibleText(clipped, { singleLine: true });
  return shown.length > EXCERPT_MAX ? shown.slice(0, EXCERPT_MAX - 1) + '…' : shown;
}

/** A slice that does not cut a surrogate pair in half. */
function safeSlice(s: string, start: number, end: number): string {
  let a = start;
  let b = end;
  if (a > 0 && isLow(s.charCodeAt(a))) a++;
  if (b < s.length && isLow(s.charCodeAt(b))) b--;
  return s.slice(a, b);
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
