import type { ServerSnapshot, ToolDefinition } from '../model/tool';
import { walkSchema } from './fields';
import type { FieldRole, TargetRef, ToolFinding } from './types';
import { show } from './visible';
import { nounFor, plural } from '../text/plural';

/** Longest stretch of one field shown in the document; findings past it point at the truncation note. */
export const MAX_RENDERED_FIELD = 10_000_000;

export interface DefinitionSpan {
  start: number;
  end: number;
  finding: ToolFinding;
}

export interface RenderedDefinition {
  /** Read-only text: a header line, then labelled sections; control characters shown, never interpreted. */
  text: string;
  /** Each finding of the definition as a range of `text`. */
  spans: DefinitionSpan[];
  /** Where each rendered field's value sits in `text`. */
  fields: { field: string; start: number; end: number }[];
}

export interface RenderOptions {
  /** The findings of the server's analysis (`analyzeServer`); those of this definition are placed on it. */
  findings: readonly ToolFinding[];
}

interface FieldMap {
  start: number;
  /** Offsets in the document of each original offset, length + 1 (up to the truncation). */
  map: Int32Array;
  shown: number;
  end: number;
}

class DocumentBuilder {
  private readonly parts: string[] = [];
  length = 0;
  readonly fields = new Map<string, FieldMap>();

  raw(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  /** `label: value` on one line, or `label:` and the value as an indented block when it spans lines. */
  entry(indent: string, label: string, field: string, value: string): void {
    const multiline = /[\n\r\u2028\u2029]/.test(value) || value.length > 120;
    if (multiline) {
      this.raw(`${indent}${label}:\n${indent}  `);
      this.value(field, value, `\n${indent}  `);
    } else {
      this.raw(`${indent}${label}: `);
      this.value(field, value, `\n${indent}  `);
    }
    this.raw('\n');
  }

  /** The field's text made visible; each line break continues at `lineBreak` (keeps the block's indentation). */
  value(field: string, text: string, lineBreak: string): void {
    const shown = Math.min(text.length, MAX_RENDERED_FIELD);
    const map = new Int32Array(shown + 1);
    const start = this.length;
    const out: string[] = [];
    let pos = start;
    let i = 0;
    while (i < shown) {
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      let piece: string;
      if (cp === 0x0a || cp === 0x2028 || cp === 0x2029) piece = lineBreak;
      else if (cp === 0x0d && text.charCodeAt(i + 1) === 0x0a) piece = '';
      else piece = show(cp, text, i, { keepNewlines: true });
      map[i] = pos;
      if (width === 2 && i + 1 <= shown) map[i + 1] = pos;
      out.push(piece);
      pos += piece.length;
      i += width;
    }
    map[shown] = pos;
    this.raw(out.join(''));
    if (shown < text.length) this.raw(` … (${text.length - shown} more ${nounFor(text.length - shown, 'character')} not shown)`);
    this.fields.set(field, { start, map, shown, end: this.length });
  }

  text(): string {
    return this.parts.join('');
  }
}

/** The read-only document for one tool, prompt, resource, template or the server itself, with every finding placed on it. */
export function renderDefinition(target: TargetRef, snapshot: ServerSnapshot, options: RenderOptions): RenderedDefinition {
  const findings = options.findings.filter((f) => f.target.kind === target.kind && f.target.name === target.name);
  const doc = new DocumentBuilder();
  renderTarget(doc, target, snapshot);
  const text = doc.text();
  const headerEnd = text.indexOf('\n') === -1 ? text.length : text.indexOf('\n');
  const spans = findings.map((finding) => ({ ...place(doc.fields.get(finding.field), finding, headerEnd), finding }));
  const fields = [...doc.fields.entries()].map(([field, m]) => ({ field, start: m.start, end: m.end }));
  return { text, spans, fields };
}

function place(m: FieldMap | undefined, f: ToolFinding, headerEnd: number): { start: number; end: number } {
  if (!m) return { start: 0, end: headerEnd };
  const at = (offset: number) => (offset <= m.shown ? m.map[Math.max(0, offset)]! : m.end);
  const start = at(f.start);
  const end = Math.max(at(f.end), start === m.end ? m.end : start);
  return { start, end };
}

function renderTarget(doc: DocumentBuilder, target: TargetRef, snapshot: ServerSnapshot): void {
  const server = snapshot.server;
  if (target.kind === 'server') {
    doc.raw('server ');
    doc.value('serverInfo.name', snapshot.serverInfo?.name ?? server, ' ');
    doc.raw(`  (config name ${server}${snapshot.serverInfo?.version ? `, version ${snapshot.serverInfo.version}` : ''})\n`);
    if (snapshot.instructions) doc.entry('', 'instructions', 'instructions', snapshot.instructions);
    doc.raw(
      `items: ${plural(snapshot.tools.length, 'tool')}, ${plural(snapshot.prompts.length, 'prompt')}, ${plural(snapshot.resources.length, 'resource')}, ${plural(snapshot.resourceTemplates.length, 'resource template')}\n`,
    );
    return;
  }
  if (target.kind === 'tool') {
    const tool = snapshot.tools.find((t) => t.name === target.name);
    header(doc, 'tool', tool?.name ?? target.name, server);
    if (tool) renderTool(doc, tool);
    return;
  }
  if (target.kind === 'prompt') {
    const prompt = snapshot.prompts.find((p) => p.name === target.name);
    header(doc, 'prompt', prompt?.name ?? target.name, server);
    if (!prompt) return;
    if (prompt.title) doc.entry('', 'title', 'title', prompt.title);
    if (prompt.description) doc.entry('', 'description', 'description', prompt.description);
    if (prompt.arguments?.length) {
      doc.raw('arguments:\n');
      prompt.arguments.forEach((arg, i) => {
        doc.raw('  • ');
        doc.value(`arguments.${i}.name`, String(arg.name ?? ''), ' ');
        doc.raw(arg.required ? '  (required)\n' : '\n');
        const title = (arg as { title?: unknown }).title;
        if (typeof title === 'string') doc.entry('    ', 'title', `arguments.${i}.title`, title);
        if (arg.description) doc.entry('    ', 'description', `arguments.${i}.description`, arg.description);
      });
    }
    return;
  }
  const isTemplate = target.kind === 'resourceTemplate';
  const item = isTemplate ? snapshot.resourceTemplates.find((r) => r.uriTemplate === target.name) : snapshot.resources.find((r) => r.uri === target.name);
  header(doc, isTemplate ? 'resource template' : 'resource', item?.name ?? target.name, server);
  if (!item) return;
  if ('uriTemplate' in item) doc.entry('', 'uriTemplate', 'uriTemplate', item.uriTemplate);
  else doc.entry('', 'uri', 'uri', item.uri);
  if (item.mimeType) doc.entry('', 'mimeType', 'mimeType', item.mimeType);
  if (item.title) doc.entry('', 'title', 'title', item.title);
  if (item.description) doc.entry('', 'description', 'description', item.description);
}

function header(doc: DocumentBuilder, kind: string, name: string, server: string): void {
  doc.raw(`${kind} `);
  doc.value('name', name, ' ');
  doc.raw(`  (server ${server})\n`);
}

function renderTool(doc: DocumentBuilder, tool: ToolDefinition): void {
  if (tool.title) doc.entry('', 'title', 'title', tool.title);
  if (tool.description) doc.entry('', 'description', 'description', tool.description);
  renderSchema(doc, tool.inputSchema, 'inputSchema', 'parameters');
  renderSchema(doc, tool.outputSchema, 'outputSchema', 'output');
  const a = tool.annotations;
  if (a && typeof a === 'object') {
    doc.raw('annotations:\n');
    if (typeof a.title === 'string') doc.entry('  ', 'title', 'annotations.title', a.title);
    for (const key of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const) {
      if (typeof a[key] === 'boolean') doc.raw(`  ${key}: ${a[key]}\n`);
    }
  }
}

interface SchemaField {
  path: string;
  role: FieldRole;
  text: string;
}

/** Parameters first (name, type, required), then each text of the parameter labelled with its path. */
function renderSchema(doc: DocumentBuilder, schema: unknown, root: string, title: string): void {
  if (!schema || typeof schema !== 'object') return;
  const fields: SchemaField[] = [];
  walkSchema(schema, root, (path, role, text) => {
    if (typeof text === 'string') fields.push({ path, role, text });
  });
  const s = schema as { properties?: Record<string, { type?: unknown }>; required?: unknown };
  const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
  const topPrefix = `${root}.properties`;
  const own = fields.filter((f) => !isUnderParameter(f.path, topPrefix));
  const params = fields.filter((f) => f.role === 'parameterName' && isTopParameterKey(f.path, topPrefix));
  if (params.length === 0 && own.length === 0) return;
  doc.raw(`${title}:\n`);
  for (const f of own) doc.entry('  ', f.path.slice(root.length + 1), f.path, f.text);
  for (const p of params) {
    const base = p.path.slice(0, -'#key'.length);
    const sub = s.properties?.[p.text];
    const type = describeType(sub?.type);
    doc.raw('  • ');
    doc.value(p.path, p.text, ' ');
    const facts = [type, required.has(p.text) ? 'required' : ''].filter(Boolean).join(', ');
    doc.raw(facts ? `  (${facts})\n` : '\n');
    for (const f of fields) {
      if (f === p || !(f.path.startsWith(base + '.') || f.path.startsWith(base + '['))) continue;
      doc.entry('    ', f.path.slice(base.length + 1) || f.path, f.path, f.text);
    }
  }
}

function isUnderParameter(path: string, topPrefix: string): boolean {
  return path.startsWith(topPrefix + '.') || path.startsWith(topPrefix + '[');
}

function isTopParameterKey(path: string, topPrefix: string): boolean {
  if (!path.endsWith('#key') || !isUnderParameter(path, topPrefix)) return false;
  const rest = path.slice(topPrefix.length, -'#key'.length);
  return /^\.[A-Za-z0-9_$-]+$/.test(rest) || /^\["(?:[^"\\]|\\.)*"\]$/.test(rest);
}

function describeType(type: unknown): string {
  if (typeof type === 'string' && /^[a-z]{1,20}$/.test(type)) return type;
  if (Array.isArray(type) && type.every((t) => typeof t === 'string' && /^[a-z]{1,20}$/.test(t))) return type.join(' | ');
  return '';
}
