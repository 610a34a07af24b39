import { MAX_NESTING_DEPTH } from './problem';

/**
 * Offset of the first bracket that opens deeper than `limit` levels, or -1. Counts `{`/`[` outside
 * double- and single-quoted strings; comment contents may be miscounted, which only matters for
 * files that would be refused anyway. Linear and allocation-free.
 */
export function findExcessiveNesting(text: string, limit = MAX_NESTING_DEPTH): number {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92 /* \ */) i++;
      else if (c === quote || c === 10 /* \n ends YAML/TOML single-line strings; JSON has none */) quote = 0;
      continue;
    }
    if (c === 34 /* " */ || c === 39 /* ' */) quote = c;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}
