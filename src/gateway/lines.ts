/**
 * Newline-delimited framing: chunks in, complete lines out (without the newline, a trailing `\r`
 * kept as is so a passed-through line is byte-identical), each with its size in bytes and its raw
 * bytes with the newline (a view into the chunk when the line lies within one chunk: no copy).
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly onLine: (line: string, bytes: number, raw: Buffer) => void,
    private readonly maxLineBytes: number,
    private readonly onOverflow: (bytes: number) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    let newline = chunk.indexOf(10);
    while (newline !== -1) {
      const piece = chunk.subarray(start, newline + 1);
      const raw = this.pending.length > 0 ? Buffer.concat([...this.pending, piece]) : piece;
      this.pending = [];
      this.pendingBytes = 0;
      if (raw.length > 1) this.onLine(raw.toString('utf8', 0, raw.length - 1), raw.length - 1, raw);
      start = newline + 1;
      newline = chunk.indexOf(10, start);
    }
    if (start < chunk.length) {
      this.pending.push(chunk.subarray(start));
      this.pendingBytes += chunk.length - start;
      if (this.pendingBytes > this.maxLineBytes) {
        const bytes = this.pendingBytes;
        this.pending = [];
        this.pendingBytes = 0;
        this.onOverflow(bytes);
      }
    }
  }
}

/**
 * The lines going one way, gathered while a chunk is handled and written in one write. Lines passed
 * on unchanged go out as their original bytes; views that follow each other in memory are merged, so
 * a chunk whose lines all pass unchanged is written as one slice of itself (no copy, no re-encoding).
 */
export class OutputBatch {
  private parts: Buffer[] = [];
  /** The run of adjacent original bytes being gathered: its first view and where it ends. */
  private run: Buffer | undefined;
  private runEnd = 0;

  constructor(private readonly write: (data: Buffer) => void) {}

  /** The original bytes of a line, newline included. */
  addRaw(raw: Buffer): void {
    if (this.run && this.run.buffer === raw.buffer && this.runEnd === raw.byteOffset) {
      this.runEnd += raw.length;
      return;
    }
    this.endRun();
    this.run = raw;
    this.runEnd = raw.byteOffset + raw.length;
  }

  /** A line the gateway made or changed. */
  addText(line: string): void {
    this.endRun();
    this.parts.push(Buffer.from(line + '\n', 'utf8'));
  }

  flush(): void {
    this.endRun();
    if (this.parts.length === 0) return;
    const data = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    this.parts = [];
    this.write(data);
  }

  private endRun(): void {
    const run = this.run;
    if (!run) return;
    this.run = undefined;
    const length = this.runEnd - run.byteOffset;
    this.parts.push(length === run.length ? run : Buffer.from(run.buffer, run.byteOffset, length));
  }
}
