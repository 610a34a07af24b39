import { isNegated } from '../clauses';
import type { ToolCategory } from '../types';
import { combine, matchCombined, type FieldContext } from './context';

/**
 * The loop most phrase detectors share: one combined pass over a table of patterns, each candidate
 * counted against its category's budget, dropped when any piece of counter-evidence holds, and handed
 * to the detector otherwise. A detector keeps only what is its own: the table, its counter-evidence and
 * what it says about a match.
 */
export interface PatternRow {
  re: RegExp;
  /** The category whose candidate budget the row spends (and, usually, that it reports); default: the table's. */
  category?: ToolCategory;
}

export interface PatternTable<R extends PatternRow> {
  rows: readonly R[];
  combined: RegExp;
  category?: ToolCategory;
}

/** A table of rows, or of bare patterns that all spend `category`'s budget. */
export function patternTable(patterns: readonly RegExp[], category: ToolCategory): PatternTable<PatternRow>;
export function patternTable<R extends PatternRow>(rows: readonly R[], category?: ToolCategory): PatternTable<R>;
export function patternTable(entries: readonly (PatternRow | RegExp)[], category?: ToolCategory): PatternTable<PatternRow> {
  const rows = entries.map((e) => (e instanceof RegExp ? { re: e } : e));
  if (category === undefined && rows.some((r) => r.category === undefined)) throw new Error('a pattern row has no category');
  return { rows, combined: combine(rows.map((r) => r.re)), ...(category ? { category } : {}) };
}

/** One candidate, in folded offsets. */
export interface PatternHit<R extends PatternRow> {
  row: R;
  /** The row's index in the table. */
  which: number;
  /** The matched text. */
  text: string;
  /** Where the match starts, and where its reported span starts (later when the pattern needs a lead-in). */
  index: number;
  start: number;
  end: number;
  /** The clause around the span (reach 200), computed once on first use. */
  readonly clause: { text: string; offset: number };
}

/** Counter-evidence: true when the candidate is not what the detector looks for. */
export type Counter<R extends PatternRow> = (ctx: FieldContext, hit: PatternHit<R>) => boolean;

/**
 * Runs `table` over the field and calls `found` for every candidate no counter cancels. `lead`, when
 * given, is the part of a match before the span to report. False when a category's budget ran out:
 * the detector stops there, as it would have inside its own loop.
 */
export function runTable<R extends PatternRow>(
  ctx: FieldContext,
  table: PatternTable<R>,
  counters: readonly Counter<R>[],
  found: (hit: PatternHit<R>) => void,
  lead?: RegExp,
): boolean {
  for (const m of matchCombined(ctx.view, table.combined)) {
    const row = table.rows[m.which]!;
    if (!ctx.spend((row.category ?? table.category)!)) return false;
    const start = m.index + (lead?.exec(m.text)?.[0].length ?? 0);
    const end = m.index + m.text.length;
    let clause: { text: string; offset: number } | undefined;
    const hit: PatternHit<R> = {
      row,
      which: m.which,
      text: m.text,
      index: m.index,
      start,
      end,
      get clause() {
        return (clause ??= ctx.clauses.textAround(start, end, 200));
      },
    };
    if (counters.some((counter) => counter(ctx, hit))) continue;
    found(hit);
  }
  return true;
}

// Counter-evidence shared by the detectors.

/** A negator earlier in the clause governs the match ("never add a BCC"). */
export const negated: Counter<PatternRow> = (ctx, hit) => isNegated(ctx.view, hit.clause.offset, hit.start, 40);

/** Introduced as an example ("such as …", "e.g. '…'"). */
export const anExample: Counter<PatternRow> = (ctx, hit) =>
  /(?:such as|e\.g\.?|for example|for instance|like)\s*[:(]?\s*["'`]?\s*$/.test(ctx.view.slice(Math.max(0, hit.start - 30), hit.start));
