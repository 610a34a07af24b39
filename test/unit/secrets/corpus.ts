import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfigText } from '../../../src/core/config/load';
import { lintFile } from '../../../src/core/engine/lint';
import { createProject } from '../../../src/core/engine/project';
import type { ConfigFile } from '../../../src/core/model/configFile';
import type { Finding } from '../../../src/core/model/finding';
import { plaintextSecret } from '../../../src/core/rules/plaintext-secret';
import { locateSecret } from '../../../src/core/secrets/secretLocation';
import type { LocationKind } from '../../../src/core/secrets/types';
import { expand, random } from './corpusValues';

/**
 * The labelled secrets corpus (test/fixtures/secrets-corpus): config templates whose markers
 * `«kind:shape»` (a secret), `«-kind:shape»` (a hard negative) and `«?kind:shape»` (a secret beyond
 * what the rule claims to find, measured apart) are filled at run time with values from a seeded
 * generator, so that no realistic credential is stored in the repository.
 */
export const KINDS: readonly LocationKind[] = ['env', 'arg', 'header', 'url', 'other'];

export interface LabelledFile {
  template: string;
  seed: number;
  path: string;
  text: string;
  positives: Span[];
  negatives: { kind: LocationKind }[];
  /** Secrets the rule does not claim to find (no name, no known format): reported, not gated. */
  limits: Span[];
}

interface Span {
  kind: LocationKind;
  start: number;
  end: number;
}

interface Manifest {
  seeds: number;
  files: { template: string; path: string }[];
}

export function corpusDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'test', 'fixtures', 'secrets-corpus');
    if (existsSync(join(candidate, 'manifest.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('test/fixtures/secrets-corpus not found above ' + __dirname);
}

const MARKER = /«([-?]?)(env|arg|header|url|other):([^»]*)»/g;

/** One template filled with the values of one seed, with the labels of its markers. */
export function instantiate(template: string, templateText: string, path: string, seed: number): LabelledFile {
  const next = random(seed * 7919 + template.length);
  const positives: Span[] = [];
  const negatives: LabelledFile['negatives'] = [];
  const limits: Span[] = [];
  let text = '';
  let last = 0;
  for (const m of templateText.matchAll(MARKER)) {
    text += expand(templateText.slice(last, m.index), next);
    const value = expand(m[3]!, next);
    const kind = m[2] as LocationKind;
    const span = { kind, start: text.length, end: text.length + value.length };
    if (m[1] === '-') negatives.push({ kind });
    else if (m[1] === '?') limits.push(span);
    else positives.push(span);
    text += value;
    last = m.index! + m[0].length;
  }
  text += expand(templateText.slice(last), next);
  return { template, seed, path, text, positives, negatives, limits };
}

/** Every template of the corpus, once per seed. */
export function loadCorpus(): LabelledFile[] {
  const dir = corpusDir();
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const out: LabelledFile[] = [];
  for (const entry of manifest.files) {
    const templateText = readFileSync(join(dir, entry.template), 'utf8');
    for (let seed = 1; seed <= manifest.seeds; seed++) out.push(instantiate(entry.template, templateText, entry.path, seed));
  }
  return out;
}

export interface KindScore {
  positives: number;
  negatives: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface Mistake {
  kind: 'missed' | 'false alarm';
  file: string;
  seed: number;
  location: LocationKind;
  text: string;
  message?: string;
}

export function lintLabelled(labelled: LabelledFile): { file: ConfigFile; findings: Finding[] } {
  const file = loadConfigText(labelled.text, { path: labelled.path });
  return { file, findings: lintFile(file, createProject([file]), { rules: [plaintextSecret] }) };
}

/** Precision and recall per location kind; a finding counts only if its range is exactly the secret. */
export interface CorpusScore {
  byKind: Record<LocationKind, KindScore>;
  mistakes: Mistake[];
  limits: { total: number; found: number };
}

export function score(corpus: readonly LabelledFile[]): CorpusScore {
  const byKind = Object.fromEntries(
    KINDS.map((k) => [k, { positives: 0, negatives: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1 }]),
  ) as Record<LocationKind, KindScore>;
  const mistakes: Mistake[] = [];
  const limits = { total: 0, found: 0 };
  for (const labelled of corpus) {
    limits.total += labelled.limits.length;
    const { file, findings } = lintLabelled(labelled);
    const matched = new Set<number>();
    for (const n of labelled.negatives) byKind[n.kind].negatives++;
    for (const p of labelled.positives) byKind[p.kind].positives++;
    for (const f of findings) {
      const i = labelled.positives.findIndex((p, j) => !matched.has(j) && p.start === f.range.start && p.end === f.range.end);
      if (i !== -1) {
        matched.add(i);
        byKind[labelled.positives[i]!.kind].truePositives++;
        continue;
      }
      if (labelled.limits.some((l) => l.start === f.range.start && l.end === f.range.end)) {
        limits.found++;
        continue;
      }
      const kind = locateSecret(file, f.range)?.fieldKind ?? 'other';
      byKind[kind].falsePositives++;
      mistakes.push({
        kind: 'false alarm',
        file: labelled.template,
        seed: labelled.seed,
        location: kind,
        text: labelled.text.slice(f.range.start, f.range.end),
        message: f.message,
      });
    }
    labelled.positives.forEach((p, i) => {
      if (matched.has(i)) return;
      byKind[p.kind].falseNegatives++;
      mistakes.push({ kind: 'missed', file: labelled.template, seed: labelled.seed, location: p.kind, text: labelled.text.slice(p.start, p.end) });
    });
  }
  for (const s of Object.values(byKind)) {
    s.precision = s.truePositives + s.falsePositives === 0 ? 1 : s.truePositives / (s.truePositives + s.falsePositives);
    s.recall = s.positives === 0 ? 1 : s.truePositives / s.positives;
  }
  return { byKind, mistakes, limits };
}
