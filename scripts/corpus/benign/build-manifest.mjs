#!/usr/bin/env node
// Normalises the benign corpus files and writes test/fixtures/tool-corpus-real/manifest-benign.json.
//  * recomputes hard-negative cues for every record with lib.mjs (one rule set for npm, snapshot and source records);
//  * makes record ids unique within a file;
//  * drops a file whose listing (tool/prompt/resource names + descriptions) is identical to an earlier file's:
//    the same server published under two names counts once (the kept file is the official one, else the first by id);
//  * reports records whose exact text also appears in another source group, so the bench can treat them as shared.
import { readdirSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { BENIGN_DIR, normaliseRecords } from './lib.mjs';

const FIXTURE_ROOT = join(BENIGN_DIR, '..');
const files = readdirSync(BENIGN_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const docs = files.map((f) => ({ file: f, doc: JSON.parse(readFileSync(join(BENIGN_DIR, f), 'utf8')) }));

const textOf = (r) => `${r.kind}\u0000${r.item.name ?? r.item.uri ?? r.item.uriTemplate}\u0000${r.item.description ?? ''}`;
const listingHash = (doc) => createHash('sha256').update(doc.records.map(textOf).sort().join('\n')).digest('hex');

docs.sort((a, b) => Number(b.doc.official) - Number(a.doc.official) || a.doc.source.id.localeCompare(b.doc.source.id));
const byHash = new Map();
const dropped = [];
const kept = [];
for (const entry of docs) {
  const h = listingHash(entry.doc);
  if (byHash.has(h)) {
    dropped.push({ file: `benign/${entry.file}`, id: entry.doc.source.id, duplicateOf: byHash.get(h).doc.source.id });
    unlinkSync(join(BENIGN_DIR, entry.file));
    continue;
  }
  byHash.set(h, entry);
  kept.push(entry);
}

const groupsByText = new Map();
for (const { doc } of kept) {
  for (const r of doc.records) {
    const key = textOf(r);
    if (!groupsByText.has(key)) groupsByText.set(key, new Set());
    groupsByText.get(key).add(doc.source.sourceGroup);
  }
}

const sources = [];
let total = 0;
let hard = 0;
let official = 0;
for (const { file, doc } of kept) {
  normaliseRecords(doc.records);
  writeFileSync(join(BENIGN_DIR, file), JSON.stringify(doc, null, 2) + '\n');
  const s = doc.source;
  const count = doc.records.length;
  const hardCount = doc.records.filter((r) => r.hardNegative).length;
  const shared = doc.records.filter((r) => groupsByText.get(textOf(r)).size > 1).length;
  total += count;
  hard += hardCount;
  if (doc.official) official += count;
  sources.push({
    file: relative(FIXTURE_ROOT, join(BENIGN_DIR, file)),
    id: s.id,
    sourceGroup: s.sourceGroup,
    kind: s.kind,
    ...(s.package ? { package: s.package } : {}),
    ...(s.repo ? { repo: s.repo } : {}),
    ...(s.path ? { path: s.path } : {}),
    ...(s.commit ? { commit: s.commit } : {}),
    server: doc.server,
    official: Boolean(doc.official),
    records: count,
    hardNegatives: hardCount,
    ...(shared ? { recordsAlsoInOtherGroups: shared } : {}),
  });
}
sources.sort((a, b) => a.file.localeCompare(b.file));
const kinds = {};
for (const { doc } of kept) for (const r of doc.records) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
const manifest = {
  generated: new Date().toISOString(),
  script:
    'scripts/corpus/benign/build-manifest.mjs (inputs: harvest-npm.mjs, extract-repos.sh with extract-snapshots.mjs, extract-python.py, extract-ts.mjs, extract-go.mjs)',
  totals: {
    sources: sources.length,
    sourceGroups: new Set(sources.map((s) => s.sourceGroup)).size,
    records: total,
    byKind: kinds,
    hardNegatives: hard,
    officialRecords: official,
  },
  duplicatesDropped: dropped,
  sources,
};
writeFileSync(join(FIXTURE_ROOT, 'manifest-benign.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(JSON.stringify(manifest.totals), `dropped ${dropped.length} duplicate listings`);
