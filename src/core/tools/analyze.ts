import type { ServerSnapshot } from '../model/tool';
import { detectAbnormalSize, detectServerSize, type ScopeReport } from './detect/abnormal-size';
import { detectAnsiEscapes } from './detect/ansi-escapes';
import { addFilled, detectCarrierParameters, type FilledParameters } from './detect/carrier-parameters';
import { FieldContext, type FieldDetector, type RawReport } from './detect/context';
import { detectEncodedBlobs } from './detect/encoded-blob';
import { detectInvisibleCharacters } from './detect/invisible-characters';
import { PHRASE_DETECTORS } from './detect/phrases';
import { escalate } from './escalate';
import type { LearnedModel } from './learned/model';
import { weighDefinition } from './learned/verdict';
import { SHIPPED_MODEL } from './learned/weights';
import { collectFields, MAX_SCHEMA_DEPTH, MAX_SCHEMA_NODES } from './fields';
import type { AnalyzeContext, FieldRole, TargetRef, TargetScope, TextField, ToolCategory, ToolFinding } from './types';
import { visibleText } from '../text/visible';
import { excerpt } from './visible';

const FIELD_DETECTORS: readonly FieldDetector[] = [...PHRASE_DETECTORS, detectInvisibleCharacters, detectAnsiEscapes, detectEncodedBlobs];
const MAX_FINDINGS_PER_FIELD = 60;
const MAX_MESSAGE = 600;

/** Every finding in a server's tools, prompts, resources, templates and instructions. Pure and deterministic. */
export function analyzeServer(snapshot: ServerSnapshot, context: AnalyzeContext = {}): ToolFinding[] {
  const { fields, truncated } = collectFields(snapshot);
  const ownTools = new Set((snapshot.tools ?? []).map((t) => String(t.name).toLowerCase()));
  const otherServers = (context.otherServers ?? []).filter((o) => o.server !== snapshot.server);
  const groups = new Map<string, TextField[]>();
  for (const f of fields) {
    const key = `${f.target.kind}\u0000${f.target.name}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(f);
  }
  const findings: ToolFinding[] = [];
  const model = context.model === undefined ? SHIPPED_MODEL : context.model;
  for (const group of groups.values()) {
    const target = group[0]!.target;
    const parameters = new Set(group.filter((f) => f.role === 'parameterName').map((f) => f.text.toLowerCase()));
    const scope: TargetScope = { target, fields: group, ownTools, parameters, otherServers };
    findings.push(...weigh(escalate(analyzeScope(scope)), group, model, ownTools));
  }
  for (const target of truncated) {
    findings.push(
      toFinding(
        target,
        { field: 'inputSchema', text: '' },
        {
          category: 'abnormal-size',
          severity: 'warning',
          start: 0,
          end: 0,
          message: `The schema is deeper than ${MAX_SCHEMA_DEPTH} levels or larger than ${MAX_SCHEMA_NODES} nodes; only that much was analysed.`,
        },
      ),
    );
  }
  const server: TargetRef = { kind: 'server', name: snapshot.server };
  for (const r of detectServerSize(server, {
    tools: snapshot.tools?.length ?? 0,
    prompts: snapshot.prompts?.length ?? 0,
    resources: snapshot.resources?.length ?? 0,
    templates: snapshot.resourceTemplates?.length ?? 0,
  })) {
    findings.push(toFinding(server, { field: r.field, text: '' }, r));
  }
  return findings;
}

export interface AnalyzeTextOptions {
  target?: TargetRef;
  field?: string;
  role?: FieldRole;
  /** The parameter this text describes, if any. */
  property?: string;
  context?: AnalyzeContext;
}

/** The findings for one piece of text, as if it were the given field of a definition (default: a tool description). */
export function analyzeText(text: string, options: AnalyzeTextOptions = {}): ToolFinding[] {
  const target = options.target ?? { kind: 'tool', name: '' };
  const field: TextField = {
    target,
    field: options.field ?? 'description',
    role: options.role ?? 'prose',
    text,
    ...(options.property !== undefined ? { property: options.property } : {}),
  };
  const scope: TargetScope = {
    target,
    fields: [field],
    ownTools: new Set(),
    parameters: new Set(options.property ? [options.property.toLowerCase()] : []),
    otherServers: options.context?.otherServers ?? [],
  };
  const model = options.context?.model === undefined ? SHIPPED_MODEL : options.context.model;
  return weigh(escalate(analyzeScope(scope)), [field], model);
}

/** The learned model's reading of the whole definition, as evidence for or against its wording findings. */
function weigh(
  findings: ToolFinding[],
  fields: readonly TextField[],
  model: LearnedModel | null | undefined,
  ownTools: ReadonlySet<string> = new Set(),
): ToolFinding[] {
  return model ? weighDefinition(findings, fields, model, ownTools) : findings;
}

function analyzeScope(scope: TargetScope): ToolFinding[] {
  const findings: ToolFinding[] = [];
  const exhausted = new Map<TextField, Set<ToolCategory>>();
  const filled: FilledParameters = new Map();
  for (const field of scope.fields) {
    const ctx = new FieldContext(field, scope);
    for (const detect of FIELD_DETECTORS) detect(ctx);
    if (ctx.exhausted.size > 0) exhausted.set(field, ctx.exhausted);
    const reports = ctx.reports.length > MAX_FINDINGS_PER_FIELD ? strongest(ctx.reports) : ctx.reports;
    for (const r of reports) {
      findings.push(toFinding(scope.target, field, r));
      if (r.into && r.severity !== 'info') addFilled(filled, r.into.parameter, r.severity, r.into.what);
    }
  }
  const scopeReports: ScopeReport[] = [...detectCarrierParameters(scope, filled), ...detectAbnormalSize(scope, exhausted)];
  for (const r of scopeReports) {
    const field = scope.fields.find((f) => f.field === r.field) ?? { field: r.field, text: '' };
    findings.push(toFinding(scope.target, field, r));
  }
  return findings;
}

function strongest(reports: RawReport[]): RawReport[] {
  const rank = { error: 3, warning: 2, info: 1 } as const;
  return [...reports].sort((a, b) => rank[b.severity] - rank[a.severity] || a.start - b.start).slice(0, MAX_FINDINGS_PER_FIELD);
}

function toFinding(target: TargetRef, field: Pick<TextField, 'field' | 'text'>, r: RawReport): ToolFinding {
  return {
    ruleId: r.category,
    category: r.category,
    severity: r.severity,
    target,
    field: field.field,
    start: r.start,
    end: r.end,
    excerpt: excerpt(field.text, r.start, r.end),
    message: bounded(visibleText(r.message, { singleLine: true })),
    evidence: (r.evidence ?? []).map((e) => bounded(visibleText(e, { singleLine: true }))),
  };
}

/** Messages quote the analysed text: shown visibly (never as live escapes) and bounded. */
function bounded(text: string): string {
  return text.length > MAX_MESSAGE ? text.slice(0, MAX_MESSAGE - 1) + '…' : text;
}
