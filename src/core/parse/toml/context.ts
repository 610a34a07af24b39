import type { DocNode } from '../../model/docNode';
import { LineIndex } from '../../text/lineIndex';
import type { ParseProblem } from '../problem';
import { Scanner } from './scanner';

/** State of one TOML read: the scanner, the problems found so far, and line numbers for messages. */
export class TomlContext {
  readonly scanner: Scanner;
  readonly problems: ParseProblem[] = [];
  private lineIndex: LineIndex | undefined;

  constructor(readonly text: string) {
    this.scanner = new Scanner(text);
  }

  report(offset: number, length: number, message: string, kind: ParseProblem['kind'] = 'syntax'): void {
    const prefix = kind === 'syntax' ? 'TOML syntax error: ' : '';
    this.problems.push({ kind, offset, length: Math.max(1, length), message: prefix + message });
  }

  line(offset: number): number {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex.position(offset).line;
  }

  /** "a string (line 3)": what an existing value is, for messages about a conflicting definition. */
  describe(value: DocNode, kind: string | undefined): string {
    const key = value.parent?.type === 'property' ? value.parent.children?.[0] : undefined;
    const where = key ? ` (line ${this.line(key.offset)})` : '';
    return `${what(value, kind)}${where}`;
  }
}

function what(value: DocNode, kind: string | undefined): string {
  if (kind === 'inline') return 'an inline table, which cannot be extended';
  if (kind === 'header' || kind === 'element') return 'a table defined by a [header]';
  if (kind === 'implicit') return 'a table created by a [header]';
  if (kind === 'dotted') return 'a table defined by dotted keys';
  if (kind === 'table-array') return 'an array of tables';
  if (value.type === 'array') return 'an array';
  if (value.type === 'object') return 'a table';
  return value.type === 'number' || value.type === 'boolean' ? `a ${value.type}` : 'a string';
}
