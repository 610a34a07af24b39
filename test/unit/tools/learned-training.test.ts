// The shipped weights are reproducible data: training is deterministic, and the weights file records a
// fingerprint of what it was fitted on, which must match the corpus and the feature extractor of today
// (else: node scripts/train-tool-model.mjs). The figures of the model are the bench's, never asserted here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { groupOf } from '../../../bench/tool-eval/loso';
import { allRecords, corpusRoot, loadRealCorpus } from '../../../bench/tool-eval/real-corpus';
import { DEFAULT_TRAIN, exampleOf, toModel, train, Vocabulary } from '../../../bench/tool-eval/train';
import { recordedTrainingInput, trainingInputHash } from '../../../bench/tool-eval/training-input';

const { files } = loadRealCorpus();
const records = allRecords(files);

describe('shipped weights', () => {
  it('were trained on the corpus and features of today', () => {
    const vocabulary = new Vocabulary();
    const examples = records.map((r) => exampleOf(r, vocabulary, 0, groupOf(r)));
    const source = readFileSync(join(corpusRoot(), '..', '..', '..', 'src', 'core', 'tools', 'learned', 'weights.ts'), 'utf8');
    const recorded = recordedTrainingInput(source);
    assert.ok(recorded, 'weights.ts records no training-input fingerprint');
    assert.equal(
      trainingInputHash(examples, vocabulary),
      recorded,
      'the corpus or the feature extractor changed since the weights were trained: run node scripts/train-tool-model.mjs',
    );
  });
});

describe('training', () => {
  it('gives the same model twice from the same examples', () => {
    // A slice of the corpus (every fifth record) keeps this quick; it still spans many source groups.
    const slice = records.filter((_, i) => i % 5 === 0);
    const run = () => {
      const vocabulary = new Vocabulary();
      const examples = slice.map((r) => exampleOf(r, vocabulary, r.label === 'poisoned' ? 2 : 0, groupOf(r)));
      return JSON.stringify(toModel(train(examples, vocabulary.names.length, DEFAULT_TRAIN), vocabulary));
    };
    const first = run();
    assert.equal(run(), first);
    const model = JSON.parse(first) as { weights: Record<string, number> };
    assert.ok(Object.keys(model.weights).length > 100, 'the slice trained no weights');
  });
});
