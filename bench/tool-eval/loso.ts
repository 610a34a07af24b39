// Leave-one-source-out: for every source group, a model is trained on every other group and used
// only on the held-out one. The own-variants stratum is one more held-out group (it never counts as
// a source in the figures, but it is never scored by a model that saw it either).
import { exampleOf, flagged, probabilityOf, train, DEFAULT_TRAIN, Vocabulary, type Example, type RuleLevel, type TrainOptions, type Trained } from './train';
import type { RealRecord } from './real-corpus';

export const OWN_VARIANTS_GROUP = '⟨own-variants⟩';

export function groupOf(r: RealRecord): string {
  return r.file.stratum === 'own-variants' ? OWN_VARIANTS_GROUP : r.file.source.sourceGroup;
}

/**
 * Which fold holds each record out. Every source group is held out whole, never split: one fold per
 * attack source group (and one for the own-variants stratum); the benign-only groups are spread over
 * those folds in turn. A model therefore never sees the group it scores — and, for benign servers,
 * not several other servers either, which only makes the estimate more conservative than strict
 * leave-one-out. (One fold per benign server would mean ~200 trainings per bench run.)
 */
export function foldsOf(records: readonly RealRecord[]): Map<RealRecord, string> {
  const attackGroups = [...new Set(records.filter((r) => r.label === 'poisoned').map(groupOf))].sort();
  const benignGroups = [...new Set(records.map(groupOf))].filter((g) => !attackGroups.includes(g)).sort();
  const foldOfGroup = new Map(attackGroups.map((g) => [g, g]));
  const hosts = attackGroups.filter((g) => g !== OWN_VARIANTS_GROUP);
  benignGroups.forEach((g, i) => foldOfGroup.set(g, hosts.length > 0 ? hosts[i % hosts.length]! : g));
  return new Map(records.map((r) => [r, foldOfGroup.get(groupOf(r))!]));
}

export interface LosoScore {
  probability: number;
  rule: RuleLevel;
  /** The verdict of rules + model with the fold's thresholds. */
  flagged: boolean;
}

/** For every record, the probability and threshold of the model trained without the record's source group. */
export function losoScores(
  records: readonly RealRecord[],
  levels: ReadonlyMap<RealRecord, RuleLevel>,
  options: TrainOptions = DEFAULT_TRAIN,
): { scores: Map<RealRecord, LosoScore>; folds: { group: string; model: Trained }[]; vocabulary: Vocabulary; foldOf: Map<RealRecord, string> } {
  const vocabulary = new Vocabulary();
  const examples = records.map((r) => exampleOf(r, vocabulary, levels.get(r) ?? 0, groupOf(r)));
  const size = vocabulary.names.length;
  const foldOf = foldsOf(records);
  const groups = [...new Set(foldOf.values())].sort();
  const scores = new Map<RealRecord, LosoScore>();
  const folds: { group: string; model: Trained }[] = [];
  for (const g of groups) {
    const model = train(
      examples.filter((_: Example, i) => foldOf.get(records[i]!) !== g),
      size,
      options,
    );
    folds.push({ group: g, model });
    records.forEach((r, i) => {
      const e = examples[i]!;
      if (foldOf.get(r) !== g) return;
      const probability = probabilityOf(model, e);
      scores.set(r, { probability, rule: e.rule, flagged: flagged(e.rule, probability, model.thresholds) });
    });
  }
  return { scores, folds, vocabulary, foldOf };
}
