#!/usr/bin/env node
// Normalises the benign half of the HOLDOUT corpus (test/fixtures/tool-corpus-holdout/benign, harvested by
// scripts/corpus/benign/harvest-npm.mjs --packages scripts/corpus/holdout/packages.json --out …) and writes its
// manifest-benign.json.
//  * recomputes hard-negative cues with the real corpus' rules (scripts/corpus/benign/lib.mjs);
//  * drops records with no text at all, and records whose text (description and every schema string, lower-cased,
//    whitespace collapsed) equals a record's of test/fixtures/tool-corpus-real: the holdout holds only text that the
//    detector's authors never had;
//  * makes record ids unique within a file.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, normaliseRecords } from '../benign/lib.mjs';
import { holdoutText } from './holdout-text.mjs';

const HOLDOUT = join(REPO_ROOT, 'test', 'fixtures', 'tool-corpus-holdout');
const REAL = join(REPO_ROOT, 'test', 'fixtures', 'tool-corpus-real');
const BENIGN = join(HOLDOUT, 'benign');

const realTexts = new Map();
for (const sub of ['attacks', 'benign', 'own-variants']) {
  for (const f of readdirSync(join(REAL, sub)).filter((n) => n.endsWith('.json'))) {
    for (const r of JSON.parse(readFileSync(join(REAL, sub, f), 'utf8')).records) realTexts.set(holdoutText(r.item), r.id);
  }
}

const sources = [];
// Records are removed from their files when dropped, so a re-run keeps the earlier runs' list.
const manifestPath = join(HOLDOUT, 'manifest-benign.json');
const dropped = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')).dropped : [];
let total = 0;
let hard = 0;
let official = 0;
for (const f of readdirSync(BENIGN)
  .filter((n) => n.endsWith('.json'))
  .sort()) {
  const doc = JSON.parse(readFileSync(join(BENIGN, f), 'utf8'));
  doc.records = doc.records.filter((r) => {
    const text = holdoutText(r.item);
    if (dropped.some((d) => d.id === r.id)) return false;
    if (text === '') {
      dropped.push({ id: r.id, reason: 'no text' });
      return false;
    }
    if (realTexts.has(text)) {
      dropped.push({ id: r.id, reason: 'text in tool-corpus-real', sameAs: realTexts.get(text) });
      return false;
    }
    return true;
  });
  normaliseRecords(doc.records);
  writeFileSync(join(BENIGN, f), JSON.stringify(doc, null, 2) + '\n');
  const s = doc.source;
  const count = doc.records.length;
  const hardCount = doc.records.filter((r) => r.hardNegative).length;
  total += count;
  hard += hardCount;
  if (doc.official) official += count;
  sources.push({
    file: `benign/${f}`,
    id: s.id,
    sourceGroup: s.sourceGroup,
    kind: s.kind,
    package: s.package,
    ...(s.repo ? { repo: s.repo } : {}),
    server: doc.server,
    official: Boolean(doc.official),
    records: count,
    hardNegatives: hardCount,
    addedBy: 'session 6, batch s12: holdout, never tuned on; scored first-look before any detector change',
  });
}
const manifest = {
  generated: new Date().toISOString().slice(0, 10),
  script:
    'scripts/corpus/holdout/build-benign-manifest.mjs (input: scripts/corpus/benign/harvest-npm.mjs --packages scripts/corpus/holdout/packages.json --out test/fixtures/tool-corpus-holdout/benign)',
  note: 'HOLDOUT benign sources (batch s12): npm MCP servers in neither scripts/corpus/benign/packages.json nor tool-corpus-real; never trained or tuned on.',
  totals: {
    sources: sources.length,
    sourceGroups: new Set(sources.map((s) => s.sourceGroup)).size,
    records: total,
    hardNegatives: hard,
    officialRecords: official,
  },
  dropped,
  sources,
};
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
console.log(JSON.stringify(manifest.totals), `dropped ${dropped.length} records`);
