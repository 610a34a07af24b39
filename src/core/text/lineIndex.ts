import type { Position } from '../model/finding';

/** Converts UTF-16 offsets to 1-based line/column. Built once per text (on first use), O(log n) per lookup. */
export class LineIndex {
  private lineStarts: Uint32Array | undefined;

  constructor(private readonly text: string) {}

  /** Built on first use (a file with no finding never needs it), counted first so that it is allocated once. */
  private get starts(): Uint32Array {
    if (this.lineStarts) return this.lineStarts;
    let lines = 1;
    for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) lines++;
    const starts = new Uint32Array(lines);
    let line = 1;
    for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts[line++] = i + 1;
    return (this.lineStarts = starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - this.starts[lo]! + 1 };
  }

  /** Offset of a 1-based line's first character. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
  }
}
