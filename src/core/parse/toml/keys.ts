import { MAX_NESTING_DEPTH } from '../problem';
import { describeAt, fail, failAtChar, isBareKeyChar, TomlSyntaxError, type Scanner } from './scanner';
import { readString } from './strings';

/** One part of a (dotted) key, with the range it is written at (quotes included). */
export interface KeySegment {
  name: string;
  offset: number;
  length: number;
}

const DOT = 46;

/** Reads `a`, `"a b"`, `'a'` or dotted `a."b".c`, with spaces around the dots; stops after trailing spaces. */
export function readKey(scanner: Scanner): KeySegment[] {
  const segments: KeySegment[] = [];
  for (;;) {
    scanner.skipSpaces();
    segments.push(readSegment(scanner));
    if (segments.length > MAX_NESTING_DEPTH) {
      throw new TomlSyntaxError(
        segments[0]!.offset,
        scanner.pos - segments[0]!.offset,
        `Key with more than ${MAX_NESTING_DEPTH} dotted parts: the file is not read any further.`,
        'too-deep',
      );
    }
    scanner.skipSpaces();
    if (scanner.code() !== DOT) return segments;
    scanner.pos++;
  }
}

function readSegment(scanner: Scanner): KeySegment {
  const start = scanner.pos;
  const text = scanner.text;
  const c = scanner.code();
  if (c === 34 || c === 39) {
    if (scanner.code(start + 1) === c && scanner.code(start + 2) === c) fail(start, 'a multi-line string cannot be used as a key', 3);
    const token = readString(text, start);
    scanner.pos = token.end;
    return { name: token.value, offset: start, length: token.end - start };
  }
  let i = start;
  while (isBareKeyChar(text.charCodeAt(i))) i++;
  if (i === start) {
    const what = describeAt(text, start);
    const message = what.startsWith("'")
      ? `invalid character ${what} in a key (bare keys allow A-Z a-z 0-9 _ -; quote other keys)`
      : `expected a key, found ${what}`;
    failAtChar(text, start, message);
  }
  scanner.pos = i;
  return { name: text.slice(start, i), offset: start, length: i - start };
}

/** `a."b c"` as written back for messages, cut short if long. */
export function keyText(segments: readonly KeySegment[]): string {
  const text = segments.map((s) => (/^[A-Za-z0-9_-]+$/.test(s.name) ? s.name : JSON.stringify(s.name))).join('.');
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
