import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode, type YAMLError } from 'yaml';
import type { DocNode } from '../model/docNode';
import { findExcessiveYamlNesting } from './depth';
import { capProblems } from './json';
import { MAX_NESTING_DEPTH, type ParseOutput, type ParseProblem } from './problem';

/** Parses YAML into the common document tree. Only the first document of a stream is read. */
export function parseYaml(text: string): ParseOutput {
  const deep = findExcessiveYamlNesting(text);
  if (deep !== -1) {
    return {
      root: undefined,
      problems: [{ kind: 'too-deep', offset: deep, length: 1, message: `Nesting deeper than ${MAX_NESTING_DEPTH} levels: the file is not read any further.` }],
    };
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const problems: ParseProblem[] = doc.errors.map((e) => toProblem(text, e));
  const root = doc.contents ? convert(doc.contents as YamlNode, undefined, 0) : undefined;
  return { root, problems: capProblems(problems, 'YAML') };
}

function toProblem(text: string, e: YAMLError): ParseProblem {
  const quote = e.code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(e.message)?.[1] : undefined;
  if (quote) {
    // The parser reports an unclosed quote where the file ends; the quote that opened it is the useful place.
    const opening = openingQuote(text, quote, e.pos[0]);
    if (opening !== -1)
      return {
        kind: 'syntax',
        offset: opening,
        length: 1,
        message: `YAML syntax error: this ${quote === '"' ? 'double' : 'single'}-quoted string is never closed.`,
      };
  }
  return { kind: 'syntax', offset: e.pos[0], length: Math.max(1, e.pos[1] - e.pos[0]), message: `YAML syntax error: ${firstLine(e.message)}` };
}

/** The last quote before `end` that is not escaped (`\"` in double quotes, `''` in single quotes). */
function openingQuote(text: string, quote: string, end: number): number {
  let at = text.lastIndexOf(quote, end - 1);
  while (at > 0) {
    if (quote === "'" && text[at - 1] === "'") at = text.lastIndexOf(quote, at - 2);
    else if (quote === '"' && isEscaped(text, at)) at = text.lastIndexOf(quote, at - 1);
    else break;
  }
  return at;
}

function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function convert(node: YamlNode, parent: DocNode | undefined, depth: number): DocNode | undefined {
  if (depth > MAX_NESTING_DEPTH) return undefined;
  const [start, valueEnd] = node.range ?? [0, 0];
  const base = { offset: start, length: Math.max(0, valueEnd - start), parent };
  if (isMap(node)) {
    const out: DocNode = { ...base, type: 'object', children: [] };
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyYaml = pair.key as YamlNode | null;
      if (!keyYaml || !isScalar(keyYaml)) continue;
      const [ks, ke] = keyYaml.range ?? [0, 0];
      const valueYaml = pair.value as YamlNode | null;
      const valueEnd = valueYaml?.range ? valueYaml.range[1] : ke;
      const prop: DocNode = { type: 'property', offset: ks, length: Math.max(0, valueEnd - ks), parent: out, children: [] };
      const keyNode: DocNode = { type: 'string', value: String(keyYaml.value), offset: ks, length: ke - ks, parent: prop };
      prop.children!.push(keyNode);
      const value = valueYaml ? convert(valueYaml, prop, depth + 1) : ({ type: 'null', value: null, offset: ke, length: 0, parent: prop } as DocNode);
      if (value) prop.children!.push(value);
      out.children!.push(prop);
    }
    return out;
  }
  if (isSeq(node)) {
    const out: DocNode = { ...base, type: 'array', children: [] };
    for (const item of node.items) {
      const converted = convert(item as YamlNode, out, depth + 1);
      if (converted) out.children!.push(converted);
    }
    return out;
  }
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return { ...base, type: 'null', value: null };
    if (typeof v === 'boolean') return { ...base, type: 'boolean', value: v };
    if (typeof v === 'number' || typeof v === 'bigint') return { ...base, type: 'number', value: Number(v) };
    return { ...base, type: 'string', value: String(v) };
  }
  if (isAlias(node)) return { ...base, type: 'null', value: null };
  return undefined;
}
