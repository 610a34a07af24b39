// What the span detectors alone (no learned model) say about each record: the rule level the learned
// thresholds are fitted against.
import { analyzeServer } from '../../src/core/tools/analyze';
import { RAISABLE } from '../../src/core/tools/learned/verdict';
import type { ToolCategory } from '../../src/core/tools/types';
import { evaluateFile, type RecordResult } from './evaluate';
import type { RealFile, RealRecord } from './real-corpus';
import type { RuleLevel } from './train';

const STRUCTURAL: ReadonlySet<ToolCategory> = new Set(['invisible-characters', 'ansi-escapes', 'encoded-blob', 'abnormal-size']);

export function levelOf(result: RecordResult): RuleLevel {
  const strong = result.findings.filter((f) => f.severity !== 'info');
  if (strong.some((f) => STRUCTURAL.has(f.category))) return 4;
  if (strong.some((f) => f.severity === 'error')) return 3;
  if (strong.length > 0) return 2;
  return result.findings.some((f) => RAISABLE.has(f.category)) ? 1 : 0;
}

export function ruleLevels(files: readonly RealFile[]): Map<RealRecord, RuleLevel> {
  const levels = new Map<RealRecord, RuleLevel>();
  for (const file of files) for (const r of evaluateFile(file, (s, c) => analyzeServer(s, { ...c, model: null }))) levels.set(r.record, levelOf(r));
  return levels;
}
