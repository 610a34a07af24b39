import type { DocNode } from '../../model/docNode';
import { MAX_NESTING_DEPTH } from '../problem';
import type { TomlContext } from './context';
import { keyText, readKey } from './keys';
import { readScalar } from './scalars';
import { describeAt, fail, failAtChar, HASH, TomlSyntaxError } from './scanner';
import { readString } from './strings';
import type { Tables } from './tables';

const EQUALS = 61;
const COMMA = 44;

/** Reads the value at the scanner's position: string, scalar, array or inline table. */
export function readValue(ctx: TomlContext, tables: Tables, depth: number): DocNode {
  const scanner = ctx.scanner;
  const start = scanner.pos;
  const c = scanner.code();
  if (c === 34 || c === 39) {
    const token = readString(ctx.text, start);
    scanner.pos = token.end;
    return { type: 'string', value: token.value, offset: start, length: token.end - start };
  }
  if (c === 91 || c === 123) {
    if (depth >= MAX_NESTING_DEPTH) {
      throw new TomlSyntaxError(start, 1, `Nesting deeper than ${MAX_NESTING_DEPTH} levels: the file is not read any further.`, 'too-deep');
    }
    return c === 91 ? readArray(ctx, tables, depth + 1) : readInlineTable(ctx, tables, depth + 1);
  }
  const node = readScalar(ctx.text, start);
  scanner.pos = start + node.length;
  return node;
}

/** Reads `key = value` (the key possibly dotted) into `table`. */
export function readKeyValue(ctx: TomlContext, tables: Tables, table: DocNode, depth: number): void {
  const scanner = ctx.scanner;
  const segments = readKey(scanner);
  if (scanner.code() !== EQUALS) failAtChar(ctx.text, scanner.pos, `expected '=' after key '${keyText(segments)}', found ${describeAt(ctx.text, scanner.pos)}`);
  const equals = scanner.pos++;
  scanner.skipSpaces();
  if (scanner.done || scanner.code() === HASH || scanner.newlineLength() > 0) {
    fail(scanner.pos, `expected a value after '=' for key '${keyText(segments)}'`);
  }
  const value = readValue(ctx, tables, depth);
  tables.assign(table, segments, value, equals);
}

function readArray(ctx: TomlContext, tables: Tables, depth: number): DocNode {
  const scanner = ctx.scanner;
  const start = scanner.pos++;
  const node: DocNode = { type: 'array', offset: start, length: 0, children: [] };
  for (;;) {
    scanner.skipBlank();
    if (scanner.code() === 93) break;
    if (scanner.done) unclosed(ctx, start, ']', 'array');
    const item = readValue(ctx, tables, depth);
    item.parent = node;
    node.children!.push(item);
    scanner.skipBlank();
    if (scanner.code() === COMMA) {
      scanner.pos++;
      continue;
    }
    if (scanner.code() === 93) break;
    if (scanner.done) unclosed(ctx, start, ']', 'array');
    failAtChar(ctx.text, scanner.pos, `expected ',' or ']' in the array opened on line ${ctx.line(start)}, found ${describeAt(ctx.text, scanner.pos)}`);
  }
  node.length = ++scanner.pos - start;
  return node;
}

function readInlineTable(ctx: TomlContext, tables: Tables, depth: number): DocNode {
  const scanner = ctx.scanner;
  const start = scanner.pos++;
  const node = tables.create('inline', start, 0);
  for (;;) {
    scanner.skipBlank();
    if (scanner.code() === 125) break;
    if (scanner.done) unclosed(ctx, start, '}', 'inline table');
    readKeyValue(ctx, tables, node, depth);
    scanner.skipBlank();
    if (scanner.code() === COMMA) {
      scanner.pos++;
      continue;
    }
    if (scanner.code() === 125) break;
    if (scanner.done) unclosed(ctx, start, '}', 'inline table');
    failAtChar(ctx.text, scanner.pos, `expected ',' or '}' in the inline table opened on line ${ctx.line(start)}, found ${describeAt(ctx.text, scanner.pos)}`);
  }
  node.length = ++scanner.pos - start;
  return node;
}

function unclosed(ctx: TomlContext, start: number, closer: string, what: string): never {
  return fail(start, `${what} opened on line ${ctx.line(start)} is not closed: expected '${closer}' before the end of the file`);
}
