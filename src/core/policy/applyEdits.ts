import type { TextEdit } from '../model/finding';

/** Applies non-overlapping edits to a text. Throws on overlapping edits. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.offset < at) throw new Error('overlapping edits');
    out += text.slice(at, e.offset) + e.newText;
    at = e.offset + e.length;
  }
  return out + text.slice(at);
}

/** Edits that change the same text, or insert where the other one changes or inserts (order would be ambiguous). */
function clash(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * Picks groups of edits (one fix each) in order, skipping any group that touches text an earlier
 * group already changes — as ESLint's --fix does in one pass. Returns the kept groups' indexes.
 */
export function nonOverlappingGroups(groups: readonly (readonly TextEdit[])[]): number[] {
  const taken: { start: number; end: number }[] = [];
  const kept: number[] = [];
  groups.forEach((edits, index) => {
    const ranges = edits.map((e) => ({ start: e.offset, end: e.offset + e.length }));
    if (ranges.length === 0 || ranges.some((r) => taken.some((t) => clash(r, t)))) return;
    taken.push(...ranges);
    kept.push(index);
  });
  return kept;
}
