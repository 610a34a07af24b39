// A fingerprint of what the learned weights are fitted on: every real-corpus record's id, source group,
// label, hard-negative mark and feature strings (as features.ts extracts them today). The training
// script records it in src/core/tools/learned/weights.ts; a unit test recomputes it, so weights left
// behind by a corpus or feature-extractor change fail a test instead of shipping silently. (The fitted
// thresholds also depend on what the span detectors say about each record; that is not in the
// fingerprint, so a detector change does not force a retrain — the bench's leave-one-source-out run
// refits everything anyway.)
import { createHash } from 'node:crypto';
import type { Example, Vocabulary } from './train';

export function trainingInputHash(examples: readonly Example[], vocabulary: Vocabulary): string {
  const hash = createHash('sha256');
  for (const e of examples) {
    const features = [...e.ids].map((id) => vocabulary.names[id]!).sort();
    hash.update(`${e.id}\t${e.group}\t${e.y}\t${e.hardNegative ? 1 : 0}\t${features.join('\u0001')}\n`);
  }
  return hash.digest('hex');
}

/** The fingerprint recorded in a weights.ts text, if any. */
export function recordedTrainingInput(weightsSource: string): string | undefined {
  return /^\/\/ Training input \(sha-256 of the records' features, labels and groups\): ([0-9a-f]{64})$/m.exec(weightsSource)?.[1];
}
