// The holdout corpus (test/fixtures/tool-corpus-holdout, batch s12): public sources nobody here trains or tunes on.
// It is read only by this file; the training script and the leave-one-source-out loader read tool-corpus-real alone
// (real-corpus.ts corpusRoot()). Scored with the detector as shipped (span detectors + shipped weights) and with the
// span detectors alone: since no part of the detector ever saw these sources, both are honest first-look figures.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyzeServer } from '../../src/core/tools/analyze';
import { evaluateFiles, rate, show, summarize, type RecordResult } from './evaluate';
import { loadRealCorpus, recordText, type RealFile } from './real-corpus';
import { printColumns } from './report';

export const HOLDOUT_LABEL = 'holdout, never tuned on';

export function holdoutRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'test', 'fixtures'))) return join(dir, 'test', 'fixtures', 'tool-corpus-holdout');
    dir = dirname(dir);
  }
  throw new Error('test/fixtures not found above ' + __dirname);
}

export interface HoldoutFigures {
  files: RealFile[];
  shipped: RecordResult[];
  spansOnly: RecordResult[];
}

export function scoreHoldout(root = holdoutRoot()): HoldoutFigures {
  const { files, problems } = loadRealCorpus(undefined, root);
  if (problems.length > 0) throw new Error(`unreadable holdout files: ${problems.join('; ')}`);
  return {
    files,
    shipped: evaluateFiles(files, (s, c) => analyzeServer(s, c)),
    spansOnly: evaluateFiles(files, (s, c) => analyzeServer(s, { ...c, model: null })),
  };
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** The words behind a verdict: each finding's severity, category, field and excerpt. */
export function findingWords(r: RecordResult, severities: readonly string[]): string[] {
  return r.findings.filter((f) => severities.includes(f.severity)).map((f) => `${f.severity} ${f.category} ${f.field}: "${clip(f.excerpt, 90)}"`);
}

/** Plain text of a record (description and schema strings), for listing misses. */
export function plainText(r: RecordResult): string {
  const i = r.record.item as { description?: unknown };
  const rest = recordText(r.record);
  return clip(String(i.description ?? rest).replace(/\s+/g, ' '), 200);
}

/** Figures for the brief report and for docs: counts only. */
export function holdoutSummary(f: HoldoutFigures): Record<string, unknown> {
  const s = summarize(f.shipped);
  const o = summarize(f.spansOnly);
  const obj = (m: Map<string, { hit: number; total: number }>) => Object.fromEntries([...m].map(([k, v]) => [k, `${v.hit}/${v.total}`]));
  return {
    attacks: { shipped: `${s.recall.hit}/${s.recall.total}`, spansOnly: `${o.recall.hit}/${o.recall.total}` },
    falsePositives: { shipped: `${s.fpr.hit}/${s.fpr.total}`, spansOnly: `${o.fpr.hit}/${o.fpr.total}` },
    hardNegatives: { shipped: `${s.hardNegatives.hit}/${s.hardNegatives.total}`, spansOnly: `${o.hardNegatives.hit}/${o.hardNegatives.total}` },
    perClass: obj(s.perClass),
    perAttackSource: obj(s.perAttackGroup),
    perBenignServer: obj(s.perBenignSource),
  };
}

export function printHoldout(f: HoldoutFigures, verbose = false): void {
  const attackFiles = f.files.filter((x) => x.stratum === 'attacks');
  const benignFiles = f.files.filter((x) => x.stratum === 'benign');
  printColumns(
    `${HOLDOUT_LABEL} (${new Set(attackFiles.map((x) => x.source.sourceGroup)).size} attack source groups, ${benignFiles.length} benign servers)`,
    [
      { name: 'span detectors only', results: f.spansOnly },
      { name: 'shipped detector', results: f.shipped },
    ],
    { perSource: true },
  );
  const npmOnly = (list: readonly RecordResult[]) => rate(list.filter((r) => r.record.label === 'benign' && r.record.file.stratum === 'benign'));
  console.log(`${'  benign servers (no attack tools)'.padEnd(34)} ${show(npmOnly(f.spansOnly)).padEnd(22)} ${show(npmOnly(f.shipped))}`);
  if (!verbose) return;
  const benignAll = f.shipped.filter((r) => r.record.label === 'benign');
  console.log(`\n  false-positive rate per benign server (shipped detector):`);
  for (const file of f.files) {
    const mine = benignAll.filter((r) => r.record.file === file);
    if (mine.length > 0 && file.stratum === 'benign') console.log(`    ${show(rate(mine))}  ${file.source.id}${file.official ? ' [official]' : ''}`);
  }
  const shippedOf = new Map(f.shipped.map((r) => [r.record, r]));
  console.log(`\n  every miss (shipped detector), with its info notes and text:`);
  for (const r of f.shipped.filter((x) => x.record.label === 'poisoned' && !x.flagged)) {
    const notes = findingWords(r, ['info']);
    console.log(`    ${r.record.id} [${r.record.class}] ${notes.length > 0 ? 'notes: ' + notes.join('; ') : 'no finding'}`);
    console.log(`        text: ${plainText(r)}`);
  }
  console.log(`\n  every false alarm, with the words that raised it:`);
  for (const r of f.spansOnly.filter((x) => x.record.label === 'benign' && x.flagged)) {
    const shipped = shippedOf.get(r.record)!;
    const tag = shipped.flagged ? 'shipped + spans' : 'spans only (the shipped model overrules)';
    console.log(`    ${r.record.id}${r.record.file.official ? ' [official]' : ''}${r.record.hardNegative ? ' [hard negative]' : ''} — ${tag}`);
    for (const w of findingWords(shipped.flagged ? shipped : r, ['warning', 'error'])) console.log(`        ${w}`);
  }
  for (const r of f.shipped.filter((x) => x.record.label === 'benign' && x.flagged && !f.spansOnly.find((y) => y.record === x.record)?.flagged)) {
    console.log(`    ${r.record.id}${r.record.file.official ? ' [official]' : ''} — shipped only (the model alone)`);
    for (const w of findingWords(r, ['warning', 'error'])) console.log(`        ${w}`);
  }
}
