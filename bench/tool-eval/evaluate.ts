// Runs an analyzer over real-corpus records and scores the verdicts: a record is flagged when the
// analyzer gives its definition a warning or error (the "tries to steer the model" severities).
import type { ServerSnapshot } from '../../src/core/model/tool';
import type { AnalyzeContext, ToolFinding } from '../../src/core/tools/types';
import { NAME_ONLY } from './name-only';
import { targetName, type RealFile, type RealRecord } from './real-corpus';

export type Analyzer = (snapshot: ServerSnapshot, context?: AnalyzeContext) => ToolFinding[];

export interface RecordResult {
  record: RealRecord;
  findings: ToolFinding[];
  flagged: boolean;
}

function snapshotOf(server: string, records: readonly RealRecord[], stubs: readonly RealRecord[]): ServerSnapshot {
  const s: ServerSnapshot = { server, tools: [], prompts: [], resources: [], resourceTemplates: [] };
  for (const r of records) {
    if (r.kind === 'tool') s.tools.push(r.item as never);
    else if (r.kind === 'prompt') s.prompts.push(r.item as never);
    else if (r.kind === 'resource') s.resources.push(r.item as never);
    else s.resourceTemplates.push(r.item as never);
  }
  // Siblings only lend their names, so the analyzer knows the server's own tools.
  for (const r of stubs) if (r.kind === 'tool') s.tools.push({ name: targetName(r) });
  return s;
}

const key = (r: RealRecord) => `${r.kind}\u0000${targetName(r)}`;

/**
 * Each record is analysed inside a snapshot of its own file (its siblings are the server's other
 * tools). Records that share a name with another record of the file are analysed one at a time.
 */
export function evaluateFile(file: RealFile, analyze: Analyzer, records: readonly RealRecord[] = file.records): RecordResult[] {
  const counts = new Map<string, number>();
  for (const r of file.records) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  const unique = file.records.filter((r) => counts.get(key(r)) === 1);
  const wanted = new Set(records);
  const results: RecordResult[] = [];
  const collect = (r: RealRecord, findings: ToolFinding[]) => {
    const name = targetName(r);
    const mine = findings.filter((f) => f.target.kind === r.kind && f.target.name === name);
    results.push({ record: r, findings: mine, flagged: mine.some((f) => f.severity !== 'info') });
  };
  const wantedUnique = unique.filter((r) => wanted.has(r));
  if (wantedUnique.length > 0) {
    const findings = analyze(snapshotOf(file.server, unique, []));
    for (const r of wantedUnique) collect(r, findings);
  }
  const uniqueNames = unique.filter((r) => r.kind === 'tool');
  for (const r of file.records) {
    if (counts.get(key(r)) === 1 || !wanted.has(r)) continue;
    collect(r, analyze(snapshotOf(file.server, [r], uniqueNames)));
  }
  return results;
}

export function evaluateFiles(files: readonly RealFile[], analyze: Analyzer): RecordResult[] {
  return files.flatMap((f) => evaluateFile(f, analyze));
}

export interface Rate {
  hit: number;
  total: number;
}
export const rate = (results: readonly RecordResult[]): Rate => ({ hit: results.filter((r) => r.flagged).length, total: results.length });
export const pct = (r: Rate) => (r.total === 0 ? '   -  ' : `${((100 * r.hit) / r.total).toFixed(1)}%`.padStart(6));
export const show = (r: Rate) => `${pct(r)} (${r.hit}/${r.total})`;

export interface Summary {
  recall: Rate;
  /** Recall without the name-only poison (name-only.ts), which one definition cannot show; and on those alone. */
  recallWithoutNameOnly: Rate;
  nameOnly: Rate;
  perClass: Map<string, Rate>;
  perAttackGroup: Map<string, Rate>;
  fpr: Rate;
  fprTools: Rate;
  hardNegatives: Rate;
  official: Rate;
  perBenignSource: Map<string, Rate>;
}

export function summarize(results: readonly RecordResult[]): Summary {
  const attacks = results.filter((r) => r.record.label === 'poisoned');
  const benign = results.filter((r) => r.record.label === 'benign');
  const by = (list: readonly RecordResult[], k: (r: RecordResult) => string) => {
    const m = new Map<string, RecordResult[]>();
    for (const r of list) (m.get(k(r)) ?? m.set(k(r), []).get(k(r))!).push(r);
    return new Map([...m].sort(([a], [b]) => a.localeCompare(b)).map(([name, list]) => [name, rate(list)]));
  };
  return {
    recall: rate(attacks),
    recallWithoutNameOnly: rate(attacks.filter((r) => !NAME_ONLY.has(r.record.id))),
    nameOnly: rate(attacks.filter((r) => NAME_ONLY.has(r.record.id))),
    perClass: by(attacks, (r) => r.record.class ?? '(none)'),
    perAttackGroup: by(attacks, (r) => r.record.file.source.sourceGroup),
    fpr: rate(benign),
    fprTools: rate(benign.filter((r) => r.record.kind === 'tool')),
    hardNegatives: rate(benign.filter((r) => r.record.hardNegative)),
    official: rate(benign.filter((r) => r.record.file.official)),
    perBenignSource: by(benign, (r) => r.record.file.source.id),
  };
}

/** Why a record was flagged: its warning/error findings, briefly. */
export function why(r: RecordResult, max = 3): string {
  return r.findings
    .filter((f) => f.severity !== 'info')
    .slice(0, max)
    .map((f) => `${f.category}:${f.severity} ${f.field} "${f.excerpt.slice(0, 80)}"`)
    .join('; ');
}
