// The real-corpus part of `npm run bench` (bench/tools.ts): today's detector, the span detectors
// alone, and span detectors + learned model evaluated leave-one-source-out, side by side.
import { performance } from 'node:perf_hooks';
import { analyzeServer } from '../../src/core/tools/analyze';
import type { LearnedModel } from '../../src/core/tools/learned/model';
import { evaluateFile, evaluateFiles, type RecordResult } from './evaluate';
import { losoScores } from './loso';
import { allRecords, loadRealCorpus, type RealFile } from './real-corpus';
import { BASELINE_NAME, baselineResults } from './recorded-baseline';
import { printColumns } from './report';
import { levelOf } from './rule-levels';
import { toModel, type RuleLevel } from './train';

export interface RealCorpusFigures {
  files: RealFile[];
  today: RecordResult[];
  /** Files the recorded baseline does not cover (new or changed since it was recorded). */
  unrecorded: string[];
  rulesOnly: RecordResult[];
  loso: RecordResult[];
}

/** Scores the corpus three ways; the learned column uses, for each file, the fold model that never saw its source group. */
export function scoreRealCorpus(): RealCorpusFigures {
  const { files, problems } = loadRealCorpus();
  for (const p of problems) console.log(`  unreadable corpus file: ${p}`);
  const { results: today, unrecorded } = baselineResults(files);
  const rulesOnly = evaluateFiles(files, (s, c) => analyzeServer(s, { ...c, model: null }));
  const levels = new Map(rulesOnly.map((r) => [r.record, levelOf(r)] as [typeof r.record, RuleLevel]));
  const records = allRecords(files);
  const started = performance.now();
  const { folds, vocabulary, foldOf } = losoScores(records, levels);
  const trainMs = performance.now() - started;
  const models = new Map<string, LearnedModel>(folds.map((f) => [f.group, toModel(f.model, vocabulary)]));
  const loso: RecordResult[] = [];
  for (const file of files) {
    const fold = file.records.length > 0 ? foldOf.get(file.records[0]!) : undefined;
    if (fold === undefined) continue;
    loso.push(...evaluateFile(file, (s, c) => analyzeServer(s, { ...c, model: models.get(fold)! })));
  }
  console.log(
    `\nleave-one-source-out: ${folds.length} folds (each attack source group held out whole, benign groups spread over the folds), trained in ${(trainMs / 1000).toFixed(1)} s`,
  );
  const th = folds.map((f) => f.model.thresholds);
  const range = (k: 'alone' | 'note' | 'warning' | 'error') => `${Math.min(...th.map((t) => t[k]))}–${Math.max(...th.map((t) => t[k]))}`;
  console.log(`fold thresholds: alone ${range('alone')}, note ${range('note')}, warning ${range('warning')}, error ${range('error')}`);
  const chosen = new Map<string, number>();
  for (const f of folds) {
    const c = f.model.chosen;
    const k = `l2 ${c.l2}, min groups ${c.minGroups}, floors ${c.minAlone}/${c.minNote}`;
    chosen.set(k, (chosen.get(k) ?? 0) + 1);
  }
  console.log(`hyper-parameters chosen by inner cross-validation (folds): ${[...chosen].map(([k, n]) => `${k} (${n})`).join('; ')}`);
  return { files, today, unrecorded, rulesOnly, loso };
}

export function printRealCorpus(f: RealCorpusFigures, verbose = process.env.BENCH_VERBOSE === '1'): void {
  const real = (list: RecordResult[]) => list.filter((r) => r.record.file.stratum !== 'own-variants');
  const own = (list: RecordResult[]) => list.filter((r) => r.record.file.stratum === 'own-variants');
  const sources = new Set(f.files.filter((x) => x.stratum === 'attacks').map((x) => x.source.sourceGroup)).size;
  const benignSources = new Set(f.files.filter((x) => x.stratum === 'benign').map((x) => x.source.id)).size;
  printColumns(
    `real corpus (${sources} attack source groups, ${benignSources} benign sources)`,
    [
      { name: BASELINE_NAME, results: real(f.today) },
      { name: 'span detectors only', results: real(f.rulesOnly) },
      { name: 'spans + learned, LOSO', results: real(f.loso) },
    ],
    { perSource: verbose, listMisses: verbose, listAlarms: verbose },
  );
  if (f.unrecorded.length > 0)
    console.log(
      `  (the "before" column leaves out ${f.unrecorded.length} file(s) added or changed after its verdicts were recorded: ${f.unrecorded.join(', ')})`,
    );
  if (own(f.loso).length > 0) {
    printColumns(
      'own variants (written by us; scored separately, never a source; learned model held this stratum out)',
      [
        { name: BASELINE_NAME, results: own(f.today) },
        { name: 'span detectors only', results: own(f.rulesOnly) },
        { name: 'spans + learned, LOSO', results: own(f.loso) },
      ],
      { listMisses: verbose },
    );
  }
}
