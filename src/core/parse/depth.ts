import { MAX_NESTING_DEPTH } from './problem';

const SPACE = 32;
const TAB = 9;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKSLASH = 92;
const HASH = 35;
const DASH = 45;
const QUESTION = 63;
const PIPE = 124;
const GREATER = 62;

/**
 * Offset of the first bracket that opens deeper than `limit` levels, or -1. Counts `{`/`[` outside
 * double- and single-quoted strings (a string also ends at a line break, as YAML/TOML single-line
 * strings do); comment contents may be miscounted, which only matters for files that would be
 * refused anyway. Linear: strings are skipped with `indexOf`, and nothing is allocated.
 */
export function findExcessiveNesting(text: string, limit = MAX_NESTING_DEPTH): number {
  let depth = 0;
  let nextNewline = -2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      if (nextNewline < i) nextNewline = indexOrEnd(text, '\n', i);
      i = closingQuote(text, i, c, nextNewline);
    } else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if ((c === 125 || c === 93) && depth > 0) {
      depth--;
    }
  }
  return -1;
}

function indexOrEnd(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  return at === -1 ? text.length : at;
}

/** Offset of the quote closing the string opened at `start`, or of the line end if it comes first. */
function closingQuote(text: string, start: number, quote: number, lineEnd: number): number {
  const ch = quote === DOUBLE_QUOTE ? '"' : "'";
  let at = text.indexOf(ch, start + 1);
  while (at !== -1 && at < lineEnd && quote === DOUBLE_QUOTE && isEscaped(text, at)) at = text.indexOf(ch, at + 1);
  return at === -1 || at > lineEnd ? lineEnd : at;
}

function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= 0 && text.charCodeAt(i) === BACKSLASH; i--) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * YAML nests by indentation as well as by brackets. Returns the offset of the first line (or
 * bracket) where block levels plus flow brackets exceed `limit`, or -1. Block levels are counted
 * as the indentation columns still open (plus one per compact `- `/`? ` indicator), which never
 * exceeds the real depth and is at least half of it. Block scalar (`|`, `>`) contents are skipped.
 */
export function findExcessiveYamlNesting(text: string, limit = MAX_NESTING_DEPTH): number {
  const open: number[] = [];
  let flow = 0;
  let blockDepth = 0;
  let blockScalarParent = -1;
  let lineStart = 0;
  while (lineStart < text.length) {
    const lineEnd = indexOrEnd(text, '\n', lineStart);
    let i = lineStart;
    while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
    const indent = i - lineStart;
    const blank = i >= lineEnd || isLineBreakOrComment(text.charCodeAt(i));
    if (blockScalarParent !== -1 && (blank || indent > blockScalarParent)) {
      lineStart = lineEnd + 1;
      continue;
    }
    blockScalarParent = -1;
    if (blank) {
      lineStart = lineEnd + 1;
      continue;
    }
    if (flow === 0) {
      while (open.length > 0 && open[open.length - 1]! >= indent) open.pop();
      open.push(indent);
      if (open.length > limit) return i;
      while (isBlockIndicator(text, i, lineEnd)) {
        const indicator = i;
        i += 1;
        while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
        open.push(i - lineStart);
        if (open.length > limit) return indicator;
      }
      blockDepth = open.length;
    }
    const scan = scanFlow(text, i, lineEnd, flow, limit - blockDepth);
    if (scan.tooDeep !== -1) return scan.tooDeep;
    flow = scan.flow;
    if (flow === 0 && scan.blockScalar) blockScalarParent = indent;
    lineStart = lineEnd + 1;
  }
  return -1;
}

function isLineBreakOrComment(c: number): boolean {
  return c === HASH || c === 13; /* \r */
}

/** A `-` or `?` followed by a space, tab or line end starts a nested block node on the same line. */
function isBlockIndicator(text: string, i: number, lineEnd: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== DASH && c !== QUESTION) return false;
  if (i + 1 >= lineEnd) return true;
  const next = text.charCodeAt(i + 1);
  return next === SPACE || next === TAB || next === 13;
}

/** Flow brackets on one line (outside quotes and comments), and whether the line opens a block scalar. */
function scanFlow(text: string, from: number, lineEnd: number, flowAtStart: number, room: number): { flow: number; tooDeep: number; blockScalar: boolean } {
  let flow = flowAtStart;
  let contentEnd = from;
  for (let i = from; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      i = closingQuote(text, i, c, lineEnd);
      contentEnd = i + 1;
      continue;
    }
    if (c === HASH && (i === from || text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === TAB)) break;
    if (c === 123 || c === 91) {
      if (++flow > room) return { flow, tooDeep: i, blockScalar: false };
    } else if ((c === 125 || c === 93) && flow > 0) flow--;
    if (c !== SPACE && c !== TAB && c !== 13) contentEnd = i + 1;
  }
  return { flow, tooDeep: -1, blockScalar: endsWithBlockScalarHeader(text, from, contentEnd) };
}

/** `key: |`, `- >-`, `key: |2+`: the line's content ends with a block scalar header. */
function endsWithBlockScalarHeader(text: string, from: number, end: number): boolean {
  let i = end - 1;
  for (let n = 0; n < 2 && i >= from && isBlockScalarIndicator(text.charCodeAt(i)); n++) i--;
  if (i < from) return false;
  const c = text.charCodeAt(i);
  if (c !== PIPE && c !== GREATER) return false;
  if (i === from) return true;
  const before = text.charCodeAt(i - 1);
  return before === SPACE || before === TAB || before === 58; /* : */
}

function isBlockScalarIndicator(c: number): boolean {
  return (c >= 49 && c <= 57) || c === 43 /* + */ || c === DASH;
}
