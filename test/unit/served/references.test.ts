import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freeSecretName, secretNameCandidates, secretNamesIn, secretReference } from '../../../src/core/served/references';

test('a new secret tries its readable name first, then numbered ones, all valid references', () => {
  const names = secretNameCandidates('github.GITHUB_TOKEN', 4);
  assert.deepEqual(names, ['github.GITHUB_TOKEN', 'github.GITHUB_TOKEN-2', 'github.GITHUB_TOKEN-3', 'github.GITHUB_TOKEN-4']);
  for (const name of names) assert.deepEqual(secretNamesIn(`Bearer ${secretReference(name)}`), [name]);
  assert.equal(new Set(secretNameCandidates('a.B')).size, 100);
});

test('a stored secret is never overwritten by another value', async () => {
  const store = new Map([
    ['github.GITHUB_TOKEN', 'value-from-cursor'],
    ['github.GITHUB_TOKEN-2', 'value-from-another-workspace'],
  ]);
  const stored = async (name: string) => store.get(name);
  assert.equal(await freeSecretName('github.GITHUB_TOKEN', 'value-from-claude-code', stored), 'github.GITHUB_TOKEN-3');
  assert.equal(await freeSecretName('github.GITHUB_TOKEN', 'value-from-another-workspace', stored), 'github.GITHUB_TOKEN-2', 'the same value keeps its name');
  assert.equal(await freeSecretName('memory.KEY', 'v', stored), 'memory.KEY');
  assert.equal(await freeSecretName('memory.KEY', 'w', stored, new Set(['memory.KEY'])), 'memory.KEY-2', 'two values of one move get two names');
  await assert.rejects(
    freeSecretName('x.Y', 'v', () => 'other'),
    /already holds another secret/,
  );
});
