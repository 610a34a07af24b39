import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { findExcessiveNesting } from './depth';
import { MAX_NESTING_DEPTH, type ParseOutput, type ParseProblem } from './problem';

/**
 * Parses JSON or JSONC into a tree with exact offsets. Parsing is lenient (comments and trailing
 * commas are read either way); when `strict` is set, they are reported as `strict-json` problems,
 * because the client that reads the file would reject them.
 */
export function parseJson(text: string, strict: boolean): ParseOutput {
  const deep = findExcessiveNesting(text);
  if (deep !== -1) {
    return { root: undefined, problems: [tooDeep(deep)] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
  const problems: ParseProblem[] = [];
  let lastOffset = -1;
  for (const error of errors) {
    // jsonc-parser reports one mistake several times at the same place as it unwinds; the first says it best.
    if (error.offset === lastOffset) continue;
    lastOffset = error.offset;
    const lenient = isLenientOnly(text, error);
    if (lenient && !strict) continue;
    problems.push({
      kind: lenient ? 'strict-json' : 'syntax',
      offset: error.offset,
      length: Math.max(1, error.length),
      message: lenient ? lenientMessage(text, error) : describe(error),
    });
  }
  return { root, problems: capProblems(problems, 'JSON') };
}

/** Syntax errors reported per file; a garbled file can produce one per token, which helps no one. */
export const MAX_SYNTAX_PROBLEMS = 50;

/** Keeps the first `MAX_SYNTAX_PROBLEMS` problems (of any parser) and says how many more there were. */
export function capProblems(problems: ParseProblem[], format: string): ParseProblem[] {
  if (problems.length <= MAX_SYNTAX_PROBLEMS) return problems;
  const kept = problems.slice(0, MAX_SYNTAX_PROBLEMS);
  const last = kept[kept.length - 1]!;
  kept.push({
    kind: 'syntax',
    offset: last.offset,
    length: last.length,
    message: `${problems.length - MAX_SYNTAX_PROBLEMS} more ${format} syntax errors after this one are not shown.`,
  });
  return kept;
}

function tooDeep(offset: number): ParseProblem {
  return { kind: 'too-deep', offset, length: 1, message: `Nesting deeper than ${MAX_NESTING_DEPTH} levels: the file is not read any further.` };
}

/** Errors that only a strict JSON reader raises: comments and trailing commas. */
function isLenientOnly(text: string, error: ParseError): boolean {
  const name = printParseErrorCode(error.error);
  if (name === 'InvalidCommentToken') return true;
  if (name !== 'PropertyNameExpected' && name !== 'ValueExpected') return false;
  const c = text[error.offset];
  if (c !== '}' && c !== ']') return false;
  return previousSignificantChar(text, error.offset) === ',';
}

function previousSignificantChar(text: string, offset: number): string | undefined {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return c;
  }
  return undefined;
}

function lenientMessage(text: string, error: ParseError): string {
  return printParseErrorCode(error.error) === 'InvalidCommentToken'
    ? 'Comment in a strict JSON file: this client reads plain JSON and will fail to load the file.'
    : `Trailing comma before '${text[error.offset]}': this client reads plain JSON and will fail to load the file.`;
}

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Invalid symbol.',
  InvalidNumberFormat: 'Invalid number.',
  PropertyNameExpected: 'Property name expected.',
  ValueExpected: 'Value expected.',
  ColonExpected: "Colon ':' expected.",
  CommaExpected: "Comma ',' expected.",
  CloseBraceExpected: "Closing brace '}' expected.",
  CloseBracketExpected: "Closing bracket ']' expected.",
  EndOfFileExpected: 'End of file expected: there is more than one value at the top level.',
  InvalidCommentToken: 'Invalid comment.',
  UnexpectedEndOfComment: 'Comment is not closed.',
  UnexpectedEndOfString: 'String is not closed.',
  UnexpectedEndOfNumber: 'Number ends unexpectedly.',
  InvalidUnicode: 'Invalid \\u escape.',
  InvalidEscapeCharacter: 'Invalid escape character.',
  InvalidCharacter: 'Invalid character in string (control characters must be escaped).',
};

function describe(error: ParseError): string {
  const name = printParseErrorCode(error.error);
  return `JSON syntax error: ${MESSAGES[name] ?? name}`;
}
