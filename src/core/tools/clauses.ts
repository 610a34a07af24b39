/**
 * Clause boundaries of a folded text (line breaks, `;`, and `.`/`!`/`?` before a space), found in one
 * pass, so that each match can look at the words around it in O(log n) without rescanning.
 */
const BOUNDARY = /[\n;]|[.!?](?=[ \n]|$)/g;

export class Clauses {
  private bounds = new Int32Array(64);
  private count = 0;

  /** `softBreak(i)` says whether the line break at `i` only wraps a sentence (then it ends no clause). */
  constructor(
    private readonly text: string,
    softBreak?: (index: number) => boolean,
  ) {
    for (const m of text.matchAll(BOUNDARY)) {
      if (m[0] === '.' && isAbbreviation(text, m.index)) continue;
      if (m[0] === '\n' && softBreak?.(m.index)) continue;
      if (this.count === this.bounds.length) {
        const grown = new Int32Array(this.bounds.length * 2);
        grown.set(this.bounds);
        this.bounds = grown;
      }
      this.bounds[this.count++] = m.index;
    }
  }

  /** The clause holding [start, end), clipped to `reach` characters on each side. */
  around(start: number, end: number, reach = 300): { start: number; end: number } {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.bounds[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    const before = lo > 0 ? this.bounds[lo - 1]! + 1 : 0;
    let after = this.text.length;
    let k = lo;
    while (k < this.count && this.bounds[k]! < end) k++;
    if (k < this.count) after = this.bounds[k]!;
    return { start: Math.max(before, start - reach), end: Math.min(after, end + reach) };
  }

  /** The clause text and the offset it starts at. */
  textAround(start: number, end: number, reach = 300): { text: string; offset: number } {
    const c = this.around(start, end, reach);
    return { text: this.text.slice(c.start, c.end), offset: c.start };
  }

  /** The sentence before this clause and this one (two clauses), for instructions split over both. */
  withPrevious(start: number, end: number, reach = 300): { text: string; offset: number } {
    const c = this.around(start, end, reach);
    const prev = c.start > 1 ? this.around(c.start - 1, c.start - 1, reach) : c;
    const from = Math.max(prev.start, start - reach);
    return { text: this.text.slice(from, c.end), offset: from };
  }
}

/** "e.g.", "i.e.", "etc.", "vs." end with a period that does not end the sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  const before = text.slice(Math.max(0, dot - 4), dot);
  return /(?:^|[^a-z])(?:e\.g|i\.e|etc|vs|cf|approx|incl)$/.test(before);
}

const NEGATOR = /\b(?:never|not|no|don't|dont|doesn't|doesnt|won't|wont|cannot|can't|isn't|aren't|shouldn't|mustn't|without|nor|avoid|refuses?)\b/g;
const NOT_NEGATING = /^\s*(?:forget|fail|hesitate|neglect|omit|only|skip|stop)\b/;
const RESET = /\b(?:but|however|instead|then|except)\b/;

/** Whether a negation word governs the words just before `anchor` in the clause (e.g. "never reads ~/.ssh"). */
export function isNegated(text: string, clauseStart: number, anchor: number, window = 60): boolean {
  const from = Math.max(clauseStart, anchor - window);
  const before = text.slice(from, anchor);
  let last: RegExpExecArray | undefined;
  NEGATOR.lastIndex = 0;
  for (let m = NEGATOR.exec(before); m; m = NEGATOR.exec(before)) last = m;
  if (!last) return false;
  const rest = before.slice(last.index + last[0].length);
  if (NOT_NEGATING.test(rest)) return false;
  return !RESET.test(rest);
}

const EXAMPLE_MARKER =
  /(?:such as|e\.g\.|for example|for instance|like|attempts?|phrases?|patterns?|detects?|flags?|classif\w*|blocklist|blocks?|examples?|e\.g|i\.e\.|called|named)\s*[:(]?\s*["'`]?\s*$/;
const QUOTE = /["'`]/;

/** Whether a match is quoted or given as an example ("such as 'ignore previous instructions'"). */
export function isQuotedOrExample(text: string, clauseStart: number, start: number, end: number): boolean {
  const before = text.slice(Math.max(clauseStart, start - 100), start);
  if (EXAMPLE_MARKER.test(before)) return true;
  for (let k = before.length - 1; k >= 0; k--) {
    const q = before[k]!;
    if (!QUOTE.test(q)) continue;
    if (q === "'" && k > 0 && /[a-z0-9]/.test(before[k - 1]!)) continue;
    const after = text.slice(end, end + 100);
    const close = q === "'" ? /'(?![a-z0-9])/.exec(after) : new RegExp(q).exec(after);
    return close !== null;
  }
  return false;
}
