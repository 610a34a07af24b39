// "Before" figures without a copy of the old analyzer: the verdicts of src/core/tools at commit
// b0cd4c6 (the detector before issue 12), recorded once per corpus record in baseline-verdicts.json.
// A file whose record count changed since the recording is left out of the "before" column, and said.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordResult } from './evaluate';
import { corpusRoot, type RealFile } from './real-corpus';

interface Recorded {
  detector: string;
  realCorpus: Record<string, { records: number; flagged: string[] }>;
  handCorpus: Record<string, { cases: number; flagged: string[] }>;
}

let cache: Recorded | undefined;
function recorded(): Recorded {
  cache ??= JSON.parse(readFileSync(join(corpusRoot(), '..', '..', '..', 'bench', 'tool-eval', 'baseline-verdicts.json'), 'utf8')) as Recorded;
  return cache;
}

export const BASELINE_NAME = 'before (b0cd4c6, recorded)';

/** The recorded verdicts for the files they cover, and the paths they do not cover (new or changed since). */
export function baselineResults(files: readonly RealFile[]): { results: RecordResult[]; unrecorded: string[] } {
  const r = recorded().realCorpus;
  const results: RecordResult[] = [];
  const unrecorded: string[] = [];
  for (const f of files) {
    const entry = r[f.path];
    if (!entry || entry.records !== f.records.length) {
      unrecorded.push(f.path);
      continue;
    }
    const flagged = new Set(entry.flagged);
    for (const record of f.records) results.push({ record, findings: [], flagged: flagged.has(record.id) });
  }
  return { results, unrecorded };
}

/** Whether the old analyzer flagged a case of the hand-written corpus (undefined: not recorded). */
export function baselineHandVerdict(path: string, caseId: string, cases: number): boolean | undefined {
  const entry = recorded().handCorpus[path];
  return entry && entry.cases === cases ? entry.flagged.includes(caseId) : undefined;
}
