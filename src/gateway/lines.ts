/**
 * Newline-delimited framing: chunks in, complete lines out (without the newline, a trailing `\r`
 * kept as is so a passed-through line is byte-identical), each with its size in bytes.
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly onLine: (line: string, bytes: number) => void,
    private readonly maxLineBytes: number,
    private readonly onOverflow: (bytes: number) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    let newline = chunk.indexOf(10);
    while (newline !== -1) {
      const piece = chunk.subarray(start, newline);
      const line = this.pending.length > 0 ? Buffer.concat([...this.pending, piece]) : piece;
      this.pending = [];
      this.pendingBytes = 0;
      if (line.length > 0) this.onLine(line.toString('utf8'), line.length);
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
