import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { ConfigFormat } from '../parse/problem';
import type { LineIndex } from '../text/lineIndex';

export const DIRECTIVE_MARKER = 'mcp-warden-disable';

/** Inline suppressions found in a file's comments. An empty rule list means every rule. */
export interface Directives {
  file: string[][];
  /** 1-based line → rule lists that apply to findings starting on it. */
  lines: Map<number, string[][]>;
}

const DIRECTIVE = /mcp-warden-(disable-next-line|disable-line|disable)\b([^\n]*)/;

/**
 * Reads `mcp-warden-disable[-line|-next-line] [rule, …]` from the file's real comments
 * (never from inside strings): `//` and `/* *\/` in JSONC, `#` in YAML and TOML.
 */
export function readDirectives(text: string, format: ConfigFormat, lines: LineIndex): Directives {
  const out: Directives = { file: [], lines: new Map() };
  if (!text.includes(DIRECTIVE_MARKER)) return out;
  for (const comment of format === 'json' || format === 'jsonc' ? jsonComments(text) : hashComments(text, format === 'yaml')) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    const rules = m[2]!
      .replace(/\*\/\s*$/, '')
      .split(/[\s,]+/)
      .filter((r) => /^[a-z0-9-]+$/.test(r));
    const line = lines.position(comment.offset).line;
    if (m[1] === 'disable') out.file.push(rules);
    else {
      const target = m[1] === 'disable-line' ? line : lines.position(comment.offset + comment.text.length).line + 1;
      const list = out.lines.get(target) ?? [];
      list.push(rules);
      out.lines.set(target, list);
    }
  }
  return out;
}

export function isSuppressed(directives: Directives, ruleId: string, line: number): boolean {
  const matches = (rules: string[]) => rules.length === 0 || rules.includes(ruleId);
  return directives.file.some(matches) || (directives.lines.get(line) ?? []).some(matches);
}

function* jsonComments(text: string): Generator<{ offset: number; text: string }> {
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      yield { offset: scanner.getTokenOffset(), text: text.substr(scanner.getTokenOffset(), scanner.getTokenLength()) };
    }
  }
}

/**
 * `#` comments of YAML/TOML: a `#` outside quotes on its line. In YAML a comment also needs a space
 * or tab before it (`http://host/#frag` is a plain value); in TOML any `#` outside a string starts one.
 */
function* hashComments(text: string, needsSpaceBefore: boolean): Generator<{ offset: number; text: string }> {
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.includes(DIRECTIVE_MARKER)) {
      let quote = '';
      for (let i = 0; i < line.length; i++) {
        const c = line[i]!;
        if (quote) {
          if (c === '\\' && quote === '"') i++;
          else if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '#' && (!needsSpaceBefore || i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) {
          yield { offset: lineStart + i, text: line.slice(i) };
          break;
        }
      }
    }
    lineStart = lineEnd + 1;
  }
}
