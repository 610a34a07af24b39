// Deterministic training of the learned model (src/core/tools/learned): L2-regularised logistic
// regression over the n-gram features, fitted by Adagrad with a seeded shuffle. Used per fold by the
// bench (leave-one-source-out) and once over the whole corpus by scripts/train-tool-model.mjs.
import { collectFields } from '../../src/core/tools/fields';
import { extractFeatures } from '../../src/core/tools/learned/features';
import { featureScale, type LearnedModel, type LearnedThresholds } from '../../src/core/tools/learned/model';
import type { ServerSnapshot } from '../../src/core/model/tool';
import type { RealRecord } from './real-corpus';

export interface Example {
  id: string;
  group: string;
  y: 0 | 1;
  hardNegative: boolean;
  /** What the span detectors alone say: 0 nothing, 1 wording notes only, 2 a wording warning, 3 a wording error, 4 a structural finding. */
  rule: RuleLevel;
  /** Interned feature ids (see `Vocabulary`), and how many features the definition has in all. */
  ids: Int32Array;
}

/** Feature strings ↔ ids, shared by every fold so no fold re-hashes strings. */
export class Vocabulary {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  id(name: string): number {
    let i = this.ids.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.ids.set(name, i);
      this.names.push(name);
    }
    return i;
  }
}

export type RuleLevel = 0 | 1 | 2 | 3 | 4;

export interface TrainOptions {
  /** L2 penalty per example and step. */
  l2: number;
  epochs: number;
  /** A feature enters the vocabulary only when it occurs in this many distinct source groups. */
  minGroups: number;
  /** Largest false-positive rates allowed on the inner out-of-fold scores when fitting the thresholds. */
  targetFpr: number;
  targetHardFpr: number;
  /** Inner folds (by source group) that give the out-of-fold scores the thresholds are fitted on. */
  innerFolds: number;
  /** Lowest thresholds allowed for the model alone and for raising notes: it must be sure where no detector agrees. */
  minAlone: number;
  minNote: number;
}

/**
 * Fixed settings. The false-positive targets are the bars (1 % benign, 3 % hard negatives)
 * with a margin; they are constraints, not tuned. Everything in `HYPER_GRID` is chosen per training
 * set by inner cross-validation (see `train`).
 */
export const DEFAULT_TRAIN: TrainOptions = {
  l2: 1e-4,
  epochs: 12,
  minGroups: 3,
  targetFpr: 0.005,
  targetHardFpr: 0.02,
  innerFolds: 3,
  minAlone: 0.9,
  minNote: 0.8,
};

/** Candidate hyper-parameters: weights are refitted per (l2, minGroups); the floors reuse the same inner scores. */
export const HYPER_GRID: { fit: Pick<TrainOptions, 'l2' | 'minGroups'>[]; floors: Pick<TrainOptions, 'minAlone' | 'minNote'>[] } = {
  // l2 1e-3 was dropped from the grid (session 4): inner cross-validation chose it in 0 of 40 folds in
  // the last two full runs (2 of 40 in a trial with character n-grams, not shipped), and each candidate
  // costs a quarter of the bench's training time.
  // The vocabulary floor of 2 groups was dropped too (session 6), a product constraint on the size of the
  // shipped weights: chosen on the whole corpus it doubled them (37,059 weights, 724 KB, against 19,287 and
  // 363 KB at 3 groups), and leave-one-source-out could not tell the two apart (97.4 % recall at 24 false
  // alarms with both floors in the grid, 97.1 % at 20 with 3 alone; benchmarks.md).
  fit: [{ l2: 1e-4, minGroups: 3 }],
  // The floors are a product constraint, not a searched setting: where no span detector agrees, the
  // model must be sure. (Letting inner cross-validation lower them to 0.8/0.7 found more attacks in
  // leave-one-source-out, but the shipped model then raised 1 % false alarms on the hand-written
  // corpus, text written apart from the real one — see docs/tool-analysis.md.)
  floors: [{ minAlone: 0.9, minNote: 0.8 }],
};

/** The features of one record, as the analyzer will see them (its own fields only). */
export function exampleOf(r: RealRecord, vocabulary: Vocabulary, rule: RuleLevel, group = r.file.source.sourceGroup): Example {
  // The server's tools, as analyzeServer sees them when the record is analysed with its file (bench/tool-eval/evaluate.ts).
  const ownTools = new Set(r.file.records.filter((x) => x.kind === 'tool').map((x) => String(x.item.name).toLowerCase()));
  const s: ServerSnapshot = { server: 'corpus', tools: [], prompts: [], resources: [], resourceTemplates: [] };
  if (r.kind === 'tool') s.tools.push(r.item as never);
  else if (r.kind === 'prompt') s.prompts.push(r.item as never);
  else if (r.kind === 'resource') s.resources.push(r.item as never);
  else s.resourceTemplates.push(r.item as never);
  const fields = collectFields(s).fields;
  return {
    id: r.id,
    group,
    y: r.label === 'poisoned' ? 1 : 0,
    hardNegative: r.hardNegative,
    rule,
    ids: Int32Array.from([...extractFeatures(fields, { ownTools }).keys()].map((k) => vocabulary.id(k))),
  };
}

/** Mulberry32: a small seeded generator, so training is reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Weights indexed by feature id (0 outside the fold's vocabulary), rounded as they are shipped. */
export interface Fitted {
  bias: number;
  weights: Float64Array;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function fit(examples: readonly Example[], size: number, o: TrainOptions): Fitted {
  // Vocabulary of this fold: features seen in at least `minGroups` source groups.
  const lastGroup = new Int32Array(size).fill(-1);
  const groupCount = new Int32Array(size);
  const groupIds = new Map<string, number>();
  for (const e of examples) {
    const g = groupIds.get(e.group) ?? groupIds.set(e.group, groupIds.size).get(e.group)!;
    for (const f of e.ids) {
      if (lastGroup[f] !== g) {
        lastGroup[f] = g;
        groupCount[f]!++;
      }
    }
  }
  const known = (f: number) => groupCount[f]! >= o.minGroups;
  // Each class weighs the same in total; inside a class, a source weighs √(its size), so one big server does not dominate.
  const groupSize = new Map<string, number>();
  for (const e of examples) groupSize.set(`${e.y}\u0000${e.group}`, (groupSize.get(`${e.y}\u0000${e.group}`) ?? 0) + 1);
  const raw = examples.map((e) => 1 / Math.sqrt(groupSize.get(`${e.y}\u0000${e.group}`)!));
  const classTotal = [0, 0];
  examples.forEach((e, i) => (classTotal[e.y]! += raw[i]!));
  const sampleWeight = examples.map((e, i) => (raw[i]! * examples.length) / (2 * Math.max(classTotal[e.y]!, 1e-9)));
  const rows = examples.map((e) => e.ids.filter(known));
  const scales = examples.map((e) => featureScale(e.ids.length));
  const w = new Float64Array(size);
  const g2 = new Float64Array(size).fill(1e-8);
  let bias = 0;
  let bg2 = 1e-8;
  const lr = 0.5;
  const rand = random(12);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const row = rows[n]!;
      const x = scales[n]!;
      let z = bias;
      for (let k = 0; k < row.length; k++) z += w[row[k]!]! * x;
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - examples[n]!.y) * sampleWeight[n]!;
      for (let k = 0; k < row.length; k++) {
        const f = row[k]!;
        const grad = err * x + o.l2 * w[f]!;
        g2[f]! += grad * grad;
        w[f]! -= (lr * grad) / Math.sqrt(g2[f]!);
      }
      bg2 += err * err;
      bias -= (lr * err) / Math.sqrt(bg2);
    }
  }
  for (let f = 0; f < size; f++) w[f] = round(w[f]!);
  return { bias: round(bias), weights: w };
}

/** The same number `scoreFeatures` gives for the shipped model. */
export function probabilityOf(m: Fitted, e: Example): number {
  let z = m.bias;
  const x = featureScale(e.ids.length);
  for (const f of e.ids) z += m.weights[f]! * x;
  return 1 / (1 + Math.exp(-z));
}

/** Candidate probabilities for the thresholds; 1.01 means "never". */
const GRID = [0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99, 1.01];

/**
 * The verdict of `weighDefinition` for given thresholds: structural findings always count; a wording
 * error counts at p ≥ error, a wording warning at p ≥ warning; the model alone at p ≥ alone.
 */
export function flagged(rule: RuleLevel, p: number, t: LearnedThresholds): boolean {
  return rule === 4 || (rule === 3 && p >= t.error) || (rule === 2 && p >= t.warning) || (rule === 1 && p >= t.note) || (rule === 0 && p >= t.alone);
}

/**
 * Thresholds that find the most attacks on out-of-fold scores while keeping the false-positive
 * rates at or under the targets (ties: fewer false positives, then a higher bar for the model alone).
 */
export function fitThresholds(scored: readonly { e: Example; p: number }[], o: TrainOptions): LearnedThresholds {
  const G = GRID.length;
  // counts[kind][level][g]: examples of that kind and rule level flagged at GRID[g]; kinds: 0 attack, 1 benign, 2 hard negative.
  const counts = [0, 1, 2].map(() => [0, 1, 2, 3, 4].map(() => new Float64Array(G)));
  let benign = 0;
  let hard = 0;
  for (const { e, p } of scored) {
    const kinds = e.y === 1 ? [0] : e.hardNegative ? [1, 2] : [1];
    if (e.y === 0) benign++;
    if (e.y === 0 && e.hardNegative) hard++;
    for (const k of kinds) for (let g = 0; g < G; g++) if (e.rule === 4 || p >= GRID[g]!) counts[k]![e.rule]![g]!++;
  }
  const total = (k: number, a: number, n: number, w: number, er: number) =>
    counts[k]![4]![0]! + counts[k]![3]![er]! + counts[k]![2]![w]! + counts[k]![1]![n]! + counts[k]![0]![a]!;
  let best = { tp: -1, fp: Infinity, a: G - 1, n: G - 1, w: G - 1, er: G - 1 };
  for (let a = 0; a < G; a++) {
    if (GRID[a]! < o.minAlone) continue;
    for (let n = 0; n <= a; n++) {
      if (GRID[n]! < o.minNote) continue;
      for (let w = 0; w <= n; w++) {
        for (let er = 0; er <= w; er++) {
          const fp = total(1, a, n, w, er);
          if (fp > benign * o.targetFpr || total(2, a, n, w, er) > hard * o.targetHardFpr) continue;
          const tp = total(0, a, n, w, er);
          if (tp > best.tp || (tp === best.tp && (fp < best.fp || (fp === best.fp && a + n > best.a + best.n)))) best = { tp, fp, a, n, w, er };
        }
      }
    }
  }
  return { alone: GRID[best.a]!, note: GRID[best.n]!, warning: GRID[best.w]!, error: GRID[best.er]! };
}

export interface Trained extends Fitted {
  thresholds: LearnedThresholds;
  /** The hyper-parameters inner cross-validation chose, and the attacks they found on the inner out-of-fold scores. */
  chosen: TrainOptions;
  innerRecall: number;
}

/** Attacks flagged by the given thresholds among out-of-fold scores. */
function found(scored: readonly { e: Example; p: number }[], t: LearnedThresholds): number {
  let n = 0;
  for (const { e, p } of scored) if (e.y === 1 && flagged(e.rule, p, t)) n++;
  return n;
}

/**
 * Nested selection. The examples' own source groups are split into inner folds; for every candidate of
 * `grid`, each inner fold is scored by a model fitted on the others, the thresholds are fitted on those
 * out-of-fold scores under the false-positive targets, and the candidate that finds the most attacks
 * wins (ties: the earlier, more conservative candidate). The weights are then refitted on all the
 * examples with the winner; its thresholds are the ones fitted on its inner out-of-fold scores. Nothing
 * here sees a group outside `examples`, so a leave-one-source-out fold stays honest.
 */
export function train(examples: readonly Example[], size: number, o: TrainOptions = DEFAULT_TRAIN, grid = HYPER_GRID): Trained {
  const groups = [...new Set(examples.map((e) => e.group))].sort();
  const foldOf = new Map(groups.map((g, i) => [g, i % o.innerFolds]));
  let best: { options: TrainOptions; thresholds: LearnedThresholds; tp: number } | undefined;
  for (const fitOptions of grid.fit) {
    const base = { ...o, ...fitOptions };
    const scored: { e: Example; p: number }[] = [];
    for (let k = 0; k < o.innerFolds; k++) {
      const inner = fit(
        examples.filter((e) => foldOf.get(e.group) !== k),
        size,
        base,
      );
      for (const e of examples) if (foldOf.get(e.group) === k) scored.push({ e, p: probabilityOf(inner, e) });
    }
    for (const floors of grid.floors) {
      const options = { ...base, ...floors };
      const thresholds = fitThresholds(scored, options);
      const tp = found(scored, thresholds);
      if (!best || tp > best.tp) best = { options, thresholds, tp };
    }
  }
  const attacks = examples.filter((e) => e.y === 1).length;
  const full = fit(examples, size, best!.options);
  return { ...full, thresholds: best!.thresholds, chosen: best!.options, innerRecall: attacks === 0 ? 0 : best!.tp / attacks };
}

/** The shippable form: feature strings with their non-zero weights. */
export function toModel(t: Trained, vocabulary: Vocabulary): LearnedModel {
  const weights: Record<string, number> = {};
  t.weights.forEach((v, f) => {
    if (v !== 0) weights[vocabulary.names[f]!] = v;
  });
  return { bias: t.bias, thresholds: t.thresholds, weights };
}
