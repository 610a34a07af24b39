import type { TextField } from '../types';
import { extractFeatures, type FeatureContext, type FeatureHit } from './features';

/**
 * A logistic-regression model over the features of `features.ts`. Weights are data, produced by
 * `scripts/train-tool-model.mjs` from the labelled corpus; inference is a sum over the features a
 * definition contains, scaled by 1/√(number of features, at least SCALE_FLOOR) so long texts are not favoured.
 */
export interface LearnedModel {
  bias: number;
  thresholds: LearnedThresholds;
  weights: Readonly<Record<string, number>>;
}

/** Probabilities fitted with the weights (see docs/tool-analysis.md, "How it decides"). */
export interface LearnedThresholds {
  /** At or above it, the model alone makes a definition with no finding suspicious. */
  alone: number;
  /** At or above it, a definition whose wording findings are notes (a credential path, another tool's name…) is suspicious: the notes become warnings. */
  note: number;
  /** Below it, a definition whose strongest wording finding is a warning is read as documentation (notes only). */
  warning: number;
  /** Below it, the same for a definition with an error from wording. */
  error: number;
}

export interface Contribution {
  feature: string;
  weight: number;
  hit: FeatureHit;
}

export interface LearnedScore {
  probability: number;
  /** Features that pushed towards "poisoned", strongest first. */
  drivers: Contribution[];
  /** Features that pushed towards "benign", strongest first. */
  counter: Contribution[];
}

/** Short definitions are scaled as if they had `SCALE_FLOOR` features, so three words cannot decide alone. */
export const SCALE_FLOOR = 40;
export const featureScale = (count: number) => 1 / Math.sqrt(Math.max(SCALE_FLOOR, count));

export function scoreFeatures(model: LearnedModel, features: ReadonlyMap<string, FeatureHit>): LearnedScore {
  const scale = featureScale(features.size);
  let z = model.bias;
  const drivers: Contribution[] = [];
  const counter: Contribution[] = [];
  for (const [feature, hit] of features) {
    // Own properties only: a feature may be spelled "constructor" or "__proto__".
    if (!Object.prototype.hasOwnProperty.call(model.weights, feature)) continue;
    const w = model.weights[feature]!;
    z += w * scale;
    (w > 0 ? drivers : counter).push({ feature, weight: w * scale, hit });
  }
  drivers.sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1));
  counter.sort((a, b) => a.weight - b.weight || (a.feature < b.feature ? -1 : 1));
  return { probability: 1 / (1 + Math.exp(-z)), drivers, counter };
}

export function scoreFields(model: LearnedModel, fields: readonly TextField[], context: FeatureContext = {}): LearnedScore {
  return scoreFeatures(model, extractFeatures(fields, context));
}
