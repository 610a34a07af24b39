import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ServerSnapshot } from '../../../src/core/model/tool';
import { analyzeServer } from '../../../src/core/tools/analyze';
import { TOOL_CATEGORIES } from '../../../src/core/tools/categories';
import type { OtherServer, TargetKind, TargetRef, ToolCategory, ToolFinding } from '../../../src/core/tools/types';

export interface CorpusCase {
  id: string;
  label: 'benign' | 'poisoned';
  expect: ToolCategory[];
  note?: string;
  kind: TargetKind;
  item: Record<string, unknown> | string;
}

export interface CorpusFile {
  path: string;
  source: string;
  server: string;
  real: boolean;
  package?: string;
  otherServers: OtherServer[];
  cases: CorpusCase[];
}

export interface CaseResult {
  file: CorpusFile;
  case: CorpusCase;
  findings: ToolFinding[];
  suspicious: boolean;
  /** Categories found at warning or error. */
  found: Set<ToolCategory>;
}

/** The repository root, found from wherever the compiled test runs. */
export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'test', 'fixtures', 'tool-corpus'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('test/fixtures/tool-corpus not found above ' + __dirname);
}

export function loadCorpus(): CorpusFile[] {
  const root = join(repoRoot(), 'test', 'fixtures', 'tool-corpus');
  const files: CorpusFile[] = [];
  for (const label of ['poisoned', 'benign']) {
    for (const name of readdirSync(join(root, label))
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const path = join(root, label, name);
      const json = JSON.parse(readFileSync(path, 'utf8'));
      files.push({
        path: `${label}/${name}`,
        source: json.source,
        server: json.server,
        real: json.real === true,
        ...(json.package ? { package: json.package } : {}),
        otherServers: json.otherServers ?? [],
        cases: json.cases.map((c: Record<string, unknown>) => toCase(c)),
      });
    }
  }
  return files;
}

function toCase(c: Record<string, unknown>): CorpusCase {
  const kind: TargetKind =
    'tool' in c ? 'tool' : 'prompt' in c ? 'prompt' : 'resource' in c ? 'resource' : 'resourceTemplate' in c ? 'resourceTemplate' : 'server';
  const key = kind === 'server' ? 'instructions' : kind;
  return {
    id: String(c.id),
    label: c.label as CorpusCase['label'],
    expect: (c.expect as ToolCategory[]) ?? [],
    ...(c.note ? { note: String(c.note) } : {}),
    kind,
    item: c[key] as CorpusCase['item'],
  };
}

/** One snapshot per file: all its items together, so each sees its siblings as its own server's tools. */
export function snapshotOf(file: CorpusFile): ServerSnapshot {
  const s: ServerSnapshot = { server: file.server, tools: [], prompts: [], resources: [], resourceTemplates: [] };
  for (const c of file.cases) {
    if (c.kind === 'server') s.instructions = c.item as string;
    else if (c.kind === 'tool') s.tools.push(c.item as never);
    else if (c.kind === 'prompt') s.prompts.push(c.item as never);
    else if (c.kind === 'resource') s.resources.push(c.item as never);
    else s.resourceTemplates.push(c.item as never);
  }
  return s;
}

export function targetOf(file: CorpusFile, c: CorpusCase): TargetRef {
  if (c.kind === 'server') return { kind: 'server', name: file.server };
  const item = c.item as Record<string, unknown>;
  const name = c.kind === 'resource' ? item.uri : c.kind === 'resourceTemplate' ? item.uriTemplate : item.name;
  return { kind: c.kind, name: String(name) };
}

export function evaluateCorpus(files: CorpusFile[] = loadCorpus()): CaseResult[] {
  const results: CaseResult[] = [];
  for (const file of files) {
    const findings = analyzeServer(snapshotOf(file), { otherServers: file.otherServers });
    for (const c of file.cases) {
      const t = targetOf(file, c);
      const mine = findings.filter((f) => f.target.kind === t.kind && f.target.name === t.name);
      const strong = mine.filter((f) => f.severity !== 'info');
      results.push({ file, case: c, findings: mine, suspicious: strong.length > 0, found: new Set(strong.map((f) => f.category)) });
    }
  }
  return results;
}

export interface CategoryScore {
  category: ToolCategory;
  expected: number;
  detected: number;
  recall: number;
  /** Benign items with a warning or error of this category. */
  benignHits: number;
}

export interface Scores {
  poisoned: number;
  benign: number;
  benignTools: number;
  truePositives: number;
  falsePositives: number;
  recall: number;
  precision: number;
  falsePositiveRate: number;
  categories: CategoryScore[];
  missed: CaseResult[];
  falseAlarms: CaseResult[];
  categoryMisses: { result: CaseResult; category: ToolCategory }[];
}

export function score(results: CaseResult[]): Scores {
  const poisoned = results.filter((r) => r.case.label === 'poisoned');
  const benign = results.filter((r) => r.case.label === 'benign');
  const tp = poisoned.filter((r) => r.suspicious).length;
  const fp = benign.filter((r) => r.suspicious).length;
  const categories = TOOL_CATEGORIES.map((meta) => {
    const expecting = poisoned.filter((r) => r.case.expect.includes(meta.id));
    const detected = expecting.filter((r) => r.found.has(meta.id)).length;
    return {
      category: meta.id,
      expected: expecting.length,
      detected,
      recall: expecting.length ? detected / expecting.length : 1,
      benignHits: benign.filter((r) => r.found.has(meta.id)).length,
    };
  });
  const categoryMisses = poisoned.flatMap((r) => r.case.expect.filter((c) => !r.found.has(c)).map((category) => ({ result: r, category })));
  return {
    poisoned: poisoned.length,
    benign: benign.length,
    benignTools: benign.filter((r) => r.case.kind === 'tool').length,
    truePositives: tp,
    falsePositives: fp,
    recall: poisoned.length ? tp / poisoned.length : 1,
    precision: tp + fp ? tp / (tp + fp) : 1,
    falsePositiveRate: benign.length ? fp / benign.length : 0,
    categories,
    missed: poisoned.filter((r) => !r.suspicious),
    falseAlarms: benign.filter((r) => r.suspicious),
    categoryMisses,
  };
}
