import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { corpusDir } from './corpus';
import { providerTable, TABLE_END, TABLE_START } from './providerTable';

const DOC = join(corpusDir(), '..', '..', '..', 'docs', 'rules', 'plaintext-secret.md');

test('the provider table in docs/rules/plaintext-secret.md matches the pattern data', () => {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  assert.ok(start !== -1 && end > start, 'the doc has the generated table markers');
  assert.equal(doc.slice(start, end + TABLE_END.length), providerTable(), 'regenerate the table: node out/test/unit/secrets/providerTable.js');
});
