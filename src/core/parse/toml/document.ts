import type { DocNode } from '../../model/docNode';
import type { ParseOutput } from '../problem';
import { TomlContext } from './context';
import { readKey } from './keys';
import { settleRanges } from './ranges';
import { describeAt, failAtChar, HASH, TomlSyntaxError } from './scanner';
import { Tables } from './tables';
import { readKeyValue } from './values';

const OPEN = 91;
const CLOSE = 93;
const BOM = 0xfeff;

/**
 * Reads a whole TOML document into the common tree. A statement with a syntax error is reported and
 * skipped up to the next line. When the broken statement spans several lines (an unclosed array or
 * multi-line string), its leftover lines fail too: those errors are not reported until a line reads
 * cleanly, so one mistake gives one message.
 */
export function readDocument(text: string): ParseOutput {
  const ctx = new TomlContext(text);
  const tables = new Tables(ctx);
  const scanner = ctx.scanner;
  const root = tables.create('root', 0, text.length);
  let current = root;
  if (text.charCodeAt(0) === BOM) scanner.pos = 1;
  let recovering = false;
  while (!scanner.done) {
    const lineStart = scanner.pos;
    let header = false;
    try {
      scanner.skipSpaces();
      const c = scanner.code();
      if (c === OPEN) {
        header = true;
        current = readHeader(ctx, tables, root);
        header = false;
        scanner.expectLineEnd('a table header');
      } else if (c === HASH || scanner.done || scanner.newlineLength() > 0) {
        scanner.expectLineEnd('a comment');
      } else {
        readKeyValue(ctx, tables, current, 0);
        scanner.expectLineEnd('a value');
      }
      recovering = false;
    } catch (error) {
      const problem = asSyntaxError(error, scanner.pos);
      if (problem.effect === 'too-deep') {
        ctx.report(problem.offset, problem.length, problem.message, 'too-deep');
        return { root: undefined, problems: ctx.problems };
      }
      if (!recovering) ctx.report(problem.offset, problem.length, problem.message);
      const stoppedAt = Math.max(lineStart, scanner.pos, problem.offset);
      const firstBreak = text.indexOf('\n', lineStart);
      recovering = problem.effect === 'cascades' || (firstBreak !== -1 && firstBreak < stoppedAt);
      // The key/values under a broken header go into a table outside the tree, not into the previous table.
      if (header) current = tables.create('header', lineStart, 0);
      scanner.pos = nextLine(text, stoppedAt);
    }
  }
  settleRanges(root, tables.anchored);
  return { root, problems: ctx.problems };
}

/** `[a.b]` or `[[a.b]]`, returning the table its key/values go into. */
function readHeader(ctx: TomlContext, tables: Tables, root: DocNode): DocNode {
  const scanner = ctx.scanner;
  const start = scanner.pos;
  const isArray = scanner.code(start + 1) === OPEN;
  scanner.pos += isArray ? 2 : 1;
  const segments = readKey(scanner);
  const closer = isArray ? ']]' : ']';
  if (scanner.code() !== CLOSE || (isArray && scanner.code(scanner.pos + 1) !== CLOSE)) {
    failAtChar(ctx.text, scanner.pos, `expected '${closer}' to close the table header, found ${describeAt(ctx.text, scanner.pos)}`);
  }
  scanner.pos += closer.length;
  return tables.openHeader(root, segments, isArray, start, scanner.pos);
}

function asSyntaxError(error: unknown, offset: number): TomlSyntaxError {
  if (error instanceof TomlSyntaxError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new TomlSyntaxError(offset, 1, `the TOML reader failed here (${reason})`);
}

/** Offset of the line after the one holding `offset`. */
function nextLine(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  return lf === -1 ? text.length : lf + 1;
}
