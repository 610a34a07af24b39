// Loads the real-world tool-definition corpus (test/fixtures/tool-corpus-real, format in its README.md).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export type Stratum = 'benign' | 'attacks' | 'own-variants';
export type RecordKind = 'tool' | 'prompt' | 'resource' | 'resourceTemplate';

export interface CorpusSource {
  id: string;
  sourceGroup: string;
  kind?: string;
  package?: string;
  repo?: string;
  path?: string;
  commit?: string;
}

export interface RealRecord {
  id: string;
  label: 'benign' | 'poisoned';
  class?: string;
  hardNegative: boolean;
  kind: RecordKind;
  item: Record<string, unknown>;
  /** The file (source) the record comes from. */
  file: RealFile;
}

export interface RealFile {
  /** Path relative to the corpus root, e.g. `benign/npm-foo.json`. */
  path: string;
  stratum: Stratum;
  source: CorpusSource;
  server: string;
  official: boolean;
  records: RealRecord[];
}

export function corpusRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'test', 'fixtures', 'tool-corpus-real');
    if (existsSync(join(dir, 'test', 'fixtures'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('test/fixtures not found above ' + __dirname);
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jsonFiles(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

/** Every file of the corpus (or only the given paths, relative to the corpus root). Malformed files are reported, not fatal. */
export function loadRealCorpus(only?: readonly string[], root = corpusRoot()): { files: RealFile[]; problems: string[] } {
  const files: RealFile[] = [];
  const problems: string[] = [];
  const strata: Stratum[] = ['benign', 'attacks', 'own-variants'];
  const paths = only ? only.map((p) => join(root, p)) : strata.flatMap((s) => jsonFiles(join(root, s)));
  for (const abs of paths) {
    const path = relative(root, abs).split('\\').join('/');
    const stratum = strata.find((s) => path.startsWith(s + '/'));
    if (!stratum) continue;
    try {
      const json = JSON.parse(readFileSync(abs, 'utf8')) as Record<string, unknown>;
      const source = json.source as CorpusSource;
      if (!source || typeof source.id !== 'string') throw new Error('no source.id');
      const file: RealFile = {
        path,
        stratum,
        source: { ...source, sourceGroup: String(source.sourceGroup ?? source.id) },
        server: String(json.server ?? source.id),
        official: json.official === true,
        records: [],
      };
      for (const r of (json.records as Record<string, unknown>[]) ?? []) {
        const item = r.item as Record<string, unknown> | undefined;
        if (!item || typeof item !== 'object') continue;
        const kind = (['tool', 'prompt', 'resource', 'resourceTemplate'] as const).find((k) => k === r.kind) ?? 'tool';
        const label = r.label === 'poisoned' ? 'poisoned' : 'benign';
        file.records.push({
          id: String(r.id),
          label,
          ...(typeof r.class === 'string' ? { class: r.class } : {}),
          hardNegative: r.hardNegative === true,
          kind,
          item,
          file,
        });
      }
      files.push(file);
    } catch (e) {
      problems.push(`${path}: ${(e as Error).message}`);
    }
  }
  return { files, problems };
}

export function allRecords(files: readonly RealFile[]): RealRecord[] {
  return files.flatMap((f) => f.records);
}

/** The target name the analyzer gives a record's item. */
export function targetName(r: RealRecord): string {
  const i = r.item;
  return String(r.kind === 'resource' ? i.uri : r.kind === 'resourceTemplate' ? i.uriTemplate : i.name);
}

/** The whole text of a record, as the learned model reads it (name, descriptions, every schema string). */
export function recordText(r: RealRecord): string {
  return JSON.stringify(r.item);
}
