import type { Severity } from '../../../../src/core/model/finding';
import { Clauses } from '../clauses';
import { fold, isWrappedLine, originalRange, type FoldedText } from '../fold';
import type { TargetScope, TextField, ToolCategory } from '../types';

export interface RawReport {
  category: ToolCategory;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  evidence?: string[];
  /** The parameter (lower case) the text tells the model to put data into, and what data: marks that parameter too. */
  into?: { parameter: string; what: string };
}

/** How many candidate matches one category may examine in one field before it gives up. */
export const CANDIDATE_BUDGET = 2000;

/** Everything a detector needs about one text field. Offsets in `report` are into the original text. */
export class FieldContext {
  readonly folded: FoldedText;
  readonly clauses: Clauses;
  readonly reports: RawReport[] = [];
  readonly exhausted = new Set<ToolCategory>();
  private readonly spent = new Map<ToolCategory, number>();

  constructor(
    readonly field: TextField,
    readonly scope: TargetScope,
  ) {
    this.folded = fold(field.text);
    this.clauses = new Clauses(this.folded.text, (i) => isWrappedLine(field.text, this.folded, i));
  }

  get text(): string {
    return this.field.text;
  }

  /** The lower-cased, de-obfuscated text detectors match against. */
  get view(): string {
    return this.folded.text;
  }

  /** Whether this field describes a parameter (its name, description, enum…), not the tool itself. */
  get isParameterField(): boolean {
    return this.field.property !== undefined;
  }

  report(r: RawReport): void {
    this.reports.push(r);
  }

  /** Report a match given in folded offsets. */
  reportView(r: RawReport): void {
    const range = originalRange(this.folded, r.start, r.end);
    this.reports.push({ ...r, start: range.start, end: range.end });
  }

  /** Count one candidate; false once the category's budget for this field is spent. */
  spend(category: ToolCategory): boolean {
    const used = (this.spent.get(category) ?? 0) + 1;
    this.spent.set(category, used);
    if (used > CANDIDATE_BUDGET) {
      this.exhausted.add(category);
      return false;
    }
    return true;
  }

  /** The original text of a folded range, for evidence. */
  originalOf(start: number, end: number): string {
    const range = originalRange(this.folded, start, end);
    return this.field.text.slice(range.start, range.end);
  }
}

export type FieldDetector = (ctx: FieldContext) => void;

/**
 * One pass over `view` for a whole list of patterns (none may contain capturing groups): yields each
 * match with the index of the pattern that produced it. One combined pass instead of one per pattern.
 */
export function combine(patterns: readonly RegExp[]): RegExp {
  return new RegExp(patterns.map((p) => `(${p.source})`).join('|'), 'g');
}

export function* matchCombined(view: string, combined: RegExp): Generator<{ index: number; text: string; which: number }> {
  combined.lastIndex = 0;
  for (let m = combined.exec(view); m; m = combined.exec(view)) {
    let which = 1;
    while (which < m.length && m[which] === undefined) which++;
    yield { index: m.index, text: m[0], which: which - 1 };
    if (m[0].length === 0) combined.lastIndex++;
  }
}
