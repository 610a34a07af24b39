// Prints the real-corpus figures of one or more detectors side by side.
import { show, summarize, why, type RecordResult, type Summary } from './evaluate';
import { loadRealCorpus } from './real-corpus';
import { BASELINE_NAME, baselineResults } from './recorded-baseline';
import { analyzeServer } from '../../src/core/tools/analyze';
import { evaluateFiles } from './evaluate';

export interface Column {
  name: string;
  results: readonly RecordResult[];
}

const W = 22;

function table(rows: [string, ...string[]][]): void {
  for (const [label, ...cells] of rows) console.log(`${label.padEnd(34)} ${cells.map((c) => c.padEnd(W)).join(' ')}`);
}

/** Recall, per-class recall, FPR (overall, tools, hard negatives, official servers) for each column. */
export function printColumns(
  title: string,
  columns: readonly Column[],
  options: { listMisses?: boolean; listAlarms?: boolean; perSource?: boolean } = {},
): void {
  const sums: Summary[] = columns.map((c) => summarize(c.results));
  console.log(`\n== ${title}`);
  table([['', ...columns.map((c) => c.name)]]);
  table([['attack recall', ...sums.map((s) => show(s.recall))]]);
  if (sums.some((s) => s.nameOnly.total > 0)) {
    table([['  without name-only poison', ...sums.map((s) => show(s.recallWithoutNameOnly))]]);
    table([['  name-only poison (tagged)', ...sums.map((s) => show(s.nameOnly))]]);
  }
  const classes = [...new Set(sums.flatMap((s) => [...s.perClass.keys()]))].sort();
  for (const c of classes) table([[`  class ${c}`, ...sums.map((s) => (s.perClass.has(c) ? show(s.perClass.get(c)!) : '-'))]]);
  if (options.perSource) {
    const groups = [...new Set(sums.flatMap((s) => [...s.perAttackGroup.keys()]))].sort();
    for (const g of groups) table([[`  source ${g}`.slice(0, 34), ...sums.map((s) => (s.perAttackGroup.has(g) ? show(s.perAttackGroup.get(g)!) : '-'))]]);
  }
  table([['false-positive rate, all benign', ...sums.map((s) => show(s.fpr))]]);
  table([['  benign tools', ...sums.map((s) => show(s.fprTools))]]);
  table([['  hard negatives', ...sums.map((s) => show(s.hardNegatives))]]);
  table([['  official servers', ...sums.map((s) => show(s.official))]]);
  const sources = sums.map((s) => [...s.perBenignSource.values()]);
  table([['  benign sources with a false alarm', ...sources.map((list) => `${list.filter((r) => r.hit > 0).length}/${list.length}`)]]);
  if (options.perSource) {
    const names = [...new Set(sums.flatMap((s) => [...s.perBenignSource.entries()].filter(([, r]) => r.hit > 0).map(([n]) => n)))].sort();
    for (const n of names) table([[`  benign ${n}`.slice(0, 34), ...sums.map((s) => (s.perBenignSource.has(n) ? show(s.perBenignSource.get(n)!) : '-'))]]);
  }
  const last = columns[columns.length - 1]!;
  if (options.listMisses)
    for (const r of last.results.filter((x) => x.record.label === 'poisoned' && !x.flagged))
      console.log(`  missed (${last.name}): ${r.record.id} [${r.record.class}]`);
  if (options.listAlarms)
    for (const r of last.results.filter((x) => x.record.label === 'benign' && x.flagged))
      console.log(`  false alarm (${last.name}): ${r.record.id}${r.record.file.official ? ' [official]' : ''} ${why(r)}`);
}

/**
 * First look at corpus files before anyone reads or tunes on them: the current analyzer (with the shipped
 * model), and the recorded verdicts of the old one (b0cd4c6) where the files were recorded. Usage: node -e "require('./out-mine/bench/tool-eval/report.js').firstLook(['attacks/x.json'])"
 */
export function firstLook(paths?: readonly string[]): void {
  const { files, problems } = loadRealCorpus(paths);
  for (const p of problems) console.log(`  unreadable: ${p}`);
  for (const stratum of ['attacks', 'benign', 'own-variants'] as const) {
    const part = files.filter((f) => f.stratum === stratum);
    if (part.length === 0) continue;
    printColumns(
      `first look, ${stratum}: ${part.length} files, ${part.reduce((n, f) => n + f.records.length, 0)} records`,
      [
        { name: BASELINE_NAME, results: baselineResults(part).results },
        { name: 'current', results: evaluateFiles(part, (s, c) => analyzeServer(s, c)) },
      ],
      { perSource: true },
    );
  }
}
