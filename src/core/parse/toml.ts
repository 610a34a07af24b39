import { findExcessiveNesting } from './depth';
import { MAX_NESTING_DEPTH, type ParseOutput } from './problem';
import { readDocument } from './toml/document';

/**
 * Parses TOML (1.0, plus what 1.1 relaxes: newlines and trailing commas in inline tables, `\e`, `\xHH`,
 * times without seconds) into the common tree with exact UTF-16 ranges. Dates and times are string nodes
 * holding their text. Syntax errors, duplicate keys and redefined tables are reported; reading resumes
 * on the next line.
 */
export function parseToml(text: string): ParseOutput {
  const deep = findExcessiveNesting(text);
  if (deep !== -1) {
    return {
      root: undefined,
      problems: [{ kind: 'too-deep', offset: deep, length: 1, message: `Nesting deeper than ${MAX_NESTING_DEPTH} levels: the file is not read any further.` }],
    };
  }
  return readDocument(text);
}
