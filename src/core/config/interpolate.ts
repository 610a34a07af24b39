import type { ClientId } from './clientIds';

/** What a `${…}` (or `$NAME`) reference in a config value stands for. */
export type Reference =
  /** `${env:NAME}`, `${NAME}`, `$NAME`, `${NAME:-fallback}`. */
  | { kind: 'env'; name: string; fallback?: string }
  /** VS Code `${input:id}`, Continue `${{ inputs.id }}`. */
  | { kind: 'input'; id: string }
  /** Continue `${{ secrets.NAME }}`. */
  | { kind: 'secret'; name: string }
  | { kind: 'variable'; name: PredefinedVariable }
  /** A reference the client understands but nothing outside it can resolve (`${command:…}`, `${config:…}`). */
  | { kind: 'unsupported'; name: string };

export type PredefinedVariable = 'workspaceFolder' | 'workspaceFolderBasename' | 'userHome' | 'pathSeparator';

export interface ReferenceSpan {
  start: number;
  end: number;
  raw: string;
  ref: Reference;
}

export type InterpolatedField = 'command' | 'args' | 'env' | 'url' | 'headers' | 'cwd' | 'envFile';

/** How one client expands references: which syntaxes, in which fields, and what an unset variable becomes. */
export interface InterpolationStyle {
  /** `${workspaceFolder}`, `${userHome}`, `${env:NAME}` … */
  editorVariables: boolean;
  /** `${input:id}` (VS Code). */
  inputs: boolean;
  /** `${NAME}` (braced) or also bare `$NAME`. */
  shell: 'none' | 'braced' | 'braced-or-bare';
  /** `${NAME:-fallback}` (Claude Code). */
  shellFallback: boolean;
  /** Continue's `${{ secrets.NAME }}` / `${{ inputs.NAME }}`. */
  templates: boolean;
  fields: readonly InterpolatedField[];
  /** An unset environment variable: replaced by nothing, an error (the server does not start), or left as written. */
  missing: 'empty' | 'error' | 'keep';
}

const ALL_FIELDS: readonly InterpolatedField[] = ['command', 'args', 'env', 'url', 'headers', 'cwd', 'envFile'];
const NONE: InterpolationStyle = { editorVariables: false, inputs: false, shell: 'none', shellFallback: false, templates: false, fields: [], missing: 'keep' };

const STYLES: Partial<Record<ClientId, InterpolationStyle>> = {
  vscode: { ...NONE, editorVariables: true, inputs: true, fields: ALL_FIELDS, missing: 'empty' },
  cursor: { ...NONE, editorVariables: true, fields: ['command', 'args', 'env', 'url', 'headers'], missing: 'empty' },
  windsurf: { ...NONE, editorVariables: true, fields: ['command', 'args', 'env', 'url', 'headers'], missing: 'empty' },
  'roo-code': { ...NONE, editorVariables: true, fields: ['env'], missing: 'empty' },
  'kilo-code': { ...NONE, editorVariables: true, fields: ['env'], missing: 'empty' },
  'claude-code': { ...NONE, shell: 'braced', shellFallback: true, fields: ['command', 'args', 'env', 'url', 'headers'], missing: 'error' },
  'gemini-cli': { ...NONE, shell: 'braced-or-bare', fields: ['env'], missing: 'empty' },
  kiro: { ...NONE, shell: 'braced', fields: ['command', 'args', 'env', 'url', 'headers'], missing: 'keep' },
  continue: { ...NONE, templates: true, fields: ALL_FIELDS, missing: 'keep' },
};

/** The reference syntax a client expands, per its docs (see the client catalog's `interpolation`). */
export function interpolationStyle(client: ClientId): InterpolationStyle {
  return STYLES[client] ?? NONE;
}

const TEMPLATE = /\$\{\{\s{0,16}(secrets|inputs)\.([A-Za-z0-9_.-]{1,200})\s{0,16}\}\}/y;
const BRACED = /\$\{([^{}$]{1,400})\}/y;
const BARE = /\$([A-Za-z_][A-Za-z0-9_]{0,200})/y;
const SHELL_NAME = /^([A-Za-z_][A-Za-z0-9_]{0,200})(?::-([^]*))?$/;
const PREDEFINED: Record<string, PredefinedVariable> = {
  workspaceFolder: 'workspaceFolder',
  workspaceRoot: 'workspaceFolder',
  workspaceFolderBasename: 'workspaceFolderBasename',
  userHome: 'userHome',
  pathSeparator: 'pathSeparator',
  '/': 'pathSeparator',
};

/** Every reference in `text` that `style` expands, left to right, without overlaps. */
export function findReferences(text: string, style: InterpolationStyle): ReferenceSpan[] {
  const out: ReferenceSpan[] = [];
  let i = text.indexOf('$');
  while (i !== -1) {
    const span = referenceAt(text, i, style);
    if (span) out.push(span);
    i = text.indexOf('$', span ? span.end : i + 1);
  }
  return out;
}

function referenceAt(text: string, at: number, style: InterpolationStyle): ReferenceSpan | undefined {
  const match = (re: RegExp) => {
    re.lastIndex = at;
    return re.exec(text);
  };
  const span = (m: RegExpExecArray, ref: Reference): ReferenceSpan => ({ start: at, end: at + m[0].length, raw: m[0], ref });
  if (style.templates) {
    const m = match(TEMPLATE);
    if (m) return span(m, m[1] === 'secrets' ? { kind: 'secret', name: m[2]! } : { kind: 'input', id: m[2]! });
  }
  const braced = match(BRACED);
  if (braced) {
    const ref = bracedReference(braced[1]!, style);
    if (ref) return span(braced, ref);
  }
  if (style.shell === 'braced-or-bare') {
    const m = match(BARE);
    if (m) return span(m, { kind: 'env', name: m[1]! });
  }
  return undefined;
}

function bracedReference(body: string, style: InterpolationStyle): Reference | undefined {
  if (style.editorVariables) {
    const predefined = PREDEFINED[body];
    if (predefined) return { kind: 'variable', name: predefined };
    const colon = body.indexOf(':');
    const prefix = colon === -1 ? body : body.slice(0, colon);
    const rest = colon === -1 ? '' : body.slice(colon + 1);
    if (prefix === 'env' && rest) return { kind: 'env', name: rest };
    if (prefix === 'input' && rest && style.inputs) return { kind: 'input', id: rest };
    if (style.inputs && /^[a-zA-Z]+$/.test(prefix) && colon !== -1) return { kind: 'unsupported', name: body };
  }
  if (style.shell !== 'none') {
    const m = SHELL_NAME.exec(body);
    if (m) {
      if (m[2] !== undefined && style.shellFallback) return { kind: 'env', name: m[1]!, fallback: m[2] };
      if (m[2] === undefined) return { kind: 'env', name: m[1]! };
    }
  }
  return undefined;
}

export interface Substituted {
  value: string;
  /** References that had no value: replaced per the style's `missing`, to be reported by the caller. */
  unresolved: ReferenceSpan[];
}

/** Replaces each reference by `lookup(ref)`; an env reference without a value falls back, then follows `missing`. */
export function substitute(text: string, style: InterpolationStyle, lookup: (ref: Reference) => string | undefined): Substituted {
  const spans = findReferences(text, style);
  if (spans.length === 0) return { value: text, unresolved: [] };
  const unresolved: ReferenceSpan[] = [];
  let value = '';
  let last = 0;
  for (const span of spans) {
    value += text.slice(last, span.start);
    last = span.end;
    const found = lookup(span.ref);
    if (found !== undefined) {
      value += found;
    } else if (span.ref.kind === 'env' && span.ref.fallback !== undefined) {
      value += span.ref.fallback;
    } else {
      unresolved.push(span);
      if (style.missing === 'keep' && span.ref.kind === 'env') value += span.raw;
    }
  }
  return { value: value + text.slice(last), unresolved };
}
