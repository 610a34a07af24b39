/**
 * A syntax error inside one TOML statement; the document reader reports it and resumes on the next line.
 * `too-deep` stops the whole read; `cascades` says the lines after it are probably not TOML statements
 * (they belong to an unclosed multi-line string), so errors on them are not worth reporting.
 */
export class TomlSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly length: number,
    message: string,
    readonly effect: 'too-deep' | 'cascades' | 'none' = 'none',
  ) {
    super(message);
  }
}

export function fail(offset: number, message: string, length = 1): never {
  throw new TomlSyntaxError(offset, length, message);
}

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const HASH = 35;

/** Control characters TOML forbids in comments and strings (tab is allowed). */
export function isControl(code: number): boolean {
  return (code < 32 && code !== TAB) || code === 127;
}

export function isBareKeyChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 45;
}

/** How a character is named in a message: quoted, or by what it is. */
export function describeAt(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  const code = text.charCodeAt(offset);
  if (code === LF || code === CR) return 'the end of the line';
  if (isControl(code)) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const char = String.fromCodePoint(text.codePointAt(offset)!);
  return `'${char}'`;
}

/** 2 for a character written as a surrogate pair, else 1: a problem never covers half a character. */
export function charLength(text: string, offset: number): number {
  const code = text.codePointAt(offset);
  return code !== undefined && code > 0xffff ? 2 : 1;
}

/** An error about the character at `offset`, covering the whole character. */
export function failAtChar(text: string, offset: number, message: string): never {
  return fail(offset, message, charLength(text, offset));
}

/** Position-keeping reader over the text, shared by keys, values and the document loop. */
export class Scanner {
  pos = 0;

  constructor(readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** Character code at `pos` (NaN at the end). */
  code(offset = this.pos): number {
    return this.text.charCodeAt(offset);
  }

  skipSpaces(): void {
    let c = this.text.charCodeAt(this.pos);
    while (c === SPACE || c === TAB) c = this.text.charCodeAt(++this.pos);
  }

  /** Length of the line break at `pos`: 1 for LF, 2 for CRLF, 0 otherwise; a lone CR is an error. */
  newlineLength(offset = this.pos): number {
    const c = this.text.charCodeAt(offset);
    if (c === LF) return 1;
    if (c !== CR) return 0;
    if (this.text.charCodeAt(offset + 1) === LF) return 2;
    return fail(offset, 'a carriage return must be followed by a line feed');
  }

  /** Skips a `#` comment up to (not including) its line break. */
  skipComment(): void {
    if (this.code() !== HASH) return;
    const text = this.text;
    let i = this.pos + 1;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || (c === CR && text.charCodeAt(i + 1) === LF)) break;
      if (isControl(c)) fail(i, `${describeAt(text, i)} is not allowed in a comment`);
    }
    this.pos = i;
  }

  /** Skips spaces, comments and line breaks (inside arrays and inline tables). */
  skipBlank(): void {
    for (;;) {
      this.skipSpaces();
      this.skipComment();
      const nl = this.newlineLength();
      if (nl === 0) return;
      this.pos += nl;
    }
  }

  /** After a statement: optional spaces and comment, then a line break or the end of the file. */
  expectLineEnd(after: string): void {
    this.skipSpaces();
    this.skipComment();
    if (this.done) return;
    const nl = this.newlineLength();
    if (nl === 0) failAtChar(this.text, this.pos, `expected the end of the line after ${after}, found ${describeAt(this.text, this.pos)}`);
    this.pos += nl;
  }
}
