import type { Severity } from '../model/finding';
import type { ToolCategory, ToolFinding } from './types';

/** Categories that express intent; two of them together in one definition are the signature of poisoning. */
const INTENT: ReadonlySet<ToolCategory> = new Set([
  'hidden-instructions',
  'concealment',
  'coercion',
  'shadowing',
  'sensitive-target',
  'exfiltration',
  'prompt-injection',
]);

const UP: Record<Severity, Severity> = { info: 'warning', warning: 'error', error: 'error' };
const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/**
 * Signals reinforce each other: what lies inside a hidden block counts more, and a definition with
 * two or more kinds of intent at warning level is poisoned, so its warnings become errors and its
 * notes become warnings (each finding's message stays its own explanation).
 */
export function escalate(findings: ToolFinding[]): ToolFinding[] {
  const byTarget = new Map<string, ToolFinding[]>();
  for (const f of dedupe(findings)) {
    const key = `${f.target.kind}\u0000${f.target.name}`;
    (byTarget.get(key) ?? byTarget.set(key, []).get(key)!).push(f);
  }
  const out: ToolFinding[] = [];
  for (const group of byTarget.values()) {
    const blocks = group.filter((f) => (f.category === 'hidden-instructions' || f.category === 'ansi-escapes') && RANK[f.severity] >= 2);
    for (const f of group) {
      if (f.severity === 'info' && INTENT.has(f.category) && blocks.some((b) => b !== f && b.field === f.field && f.start >= b.start && f.end <= b.end)) {
        f.severity = 'warning';
        f.evidence = [...f.evidence, 'inside a hidden block'];
      }
    }
    const intents = new Set(group.filter((f) => INTENT.has(f.category) && RANK[f.severity] >= 2).map((f) => f.category));
    if (intents.size >= 2) {
      for (const f of group) {
        if (!INTENT.has(f.category)) continue;
        const raised = UP[f.severity];
        if (raised !== f.severity) {
          f.severity = raised;
          f.evidence = [...f.evidence, `combined with: ${[...intents].filter((c) => c !== f.category).join(', ') || f.category}`];
        }
      }
    }
    out.push(...group);
  }
  return out;
}

function dedupe(findings: ToolFinding[]): ToolFinding[] {
  const seen = new Map<string, ToolFinding>();
  for (const f of findings) {
    const key = `${f.target.kind}\u0000${f.target.name}\u0000${f.field}\u0000${f.category}\u0000${f.start}\u0000${f.end}`;
    const prior = seen.get(key);
    if (!prior || RANK[f.severity] > RANK[prior.severity]) seen.set(key, f);
  }
  return [...seen.values()];
}

export function isSuspicious(findings: readonly ToolFinding[]): boolean {
  return findings.some((f) => f.severity !== 'info');
}
