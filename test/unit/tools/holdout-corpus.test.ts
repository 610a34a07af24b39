// The holdout corpus (test/fixtures/tool-corpus-holdout) stays a true holdout: its manifests cover every record with
// provenance, none of its text is in the tuning corpus (tool-corpus-real), none of its sources is one of that corpus'
// sources or a reserved evaluation repository, and the trainer's loader never reads it. No test here asserts a recall.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { corpusRoot, loadRealCorpus } from '../../../bench/tool-eval/real-corpus';
import { repoRoot } from './corpus';

const HOLDOUT = join(repoRoot(), 'test', 'fixtures', 'tool-corpus-holdout');
const REAL = join(repoRoot(), 'test', 'fixtures', 'tool-corpus-real');
const CLASSES = new Set([
  'prompt-injection',
  'hidden-instructions',
  'exfiltration',
  'sensitive-target',
  'shadowing',
  'concealment',
  'coercion',
  'carrier-parameter',
  'persistence',
  'invisible-characters',
  'ansi-escapes',
  'encoded-blob',
  'abnormal-size',
]);
// Issue 12's reserved evaluation repositories: owner/name, or a name whose forks and copies are reserved too.
const RESERVED = [
  /^[^/]+\/mcp-injection-experiments$/i,
  /^[^/]+\/damn-vulnerable-mcp-server$/i,
  /^getmcpm\/mcp-guardbench$/i,
  /^[^/]+\/mcp-guardbench$/i,
  /^lanier-developments\/mcp-placard$/i,
  /^joshmaster2165\/medusa$/i,
  /^richardspicer\/(mcp-audit|counteragent)$/i,
  /^[^/]+\/mcp-server-everything-wrong$/i,
  /^[^/]+\/mcpsecbench$/i,
  /^trailofbits\/mcp-context-protector$/i,
  /^cisco-ai-defense\/mcp-scanner$/i,
  /^crypto-sanemi\/agent-engineering$/i,
];

interface Rec {
  id: string;
  label: string;
  class?: string;
  hardNegative?: boolean;
  item: { description?: unknown; inputSchema?: unknown; arguments?: unknown };
}
interface CorpusDoc {
  source: { id: string; repo?: string; commit?: string; package?: string; path?: string };
  records: Rec[];
}
interface ManifestEntry {
  file: string;
  id: string;
  repo?: string;
  commit?: string;
  package?: string;
  records: number;
  poisoned?: number;
}

const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const files = (root: string, sub: string) =>
  readdirSync(join(root, sub))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => `${sub}/${f}`);

/** Description and every schema/argument string, lower-cased, whitespace collapsed (scripts/corpus/holdout/holdout-text.mjs). */
function text(item: Rec['item']): string {
  const out: string[] = [];
  if (typeof item.description === 'string') out.push(item.description);
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'type' && k !== '$schema' && k !== 'format') walk(x);
  };
  walk(item.inputSchema);
  walk(item.arguments);
  return out.join(' ').toLowerCase().replace(/\s+/g, ' ').trim();
}

describe('holdout corpus (never tuned on)', () => {
  const strata = ['attacks', 'benign'] as const;
  const manifests = {
    attacks: read<{ sources: ManifestEntry[] }>(join(HOLDOUT, 'manifest-attacks.json')),
    benign: read<{ sources: ManifestEntry[] }>(join(HOLDOUT, 'manifest-benign.json')),
  };
  const docs = new Map(strata.flatMap((s) => files(HOLDOUT, s).map((f) => [f, read<CorpusDoc>(join(HOLDOUT, f))] as const)));

  it('has a manifest entry, with provenance and matching counts, for every file and record', () => {
    for (const s of strata) {
      const listed = manifests[s].sources.map((e) => e.file).sort();
      assert.deepEqual(listed, files(HOLDOUT, s), `${s}: manifest and files differ`);
      for (const e of manifests[s].sources) {
        const doc = docs.get(e.file)!;
        assert.equal(doc.source.id, e.id, e.file);
        assert.equal(doc.records.length, e.records, `${e.file}: record count`);
        if (s === 'attacks') {
          assert.match(String(e.commit), /^[0-9a-f]{40}$/, `${e.file}: commit`);
          assert.ok(e.repo && doc.source.repo === e.repo, `${e.file}: repository`);
          assert.equal(doc.records.filter((r) => r.label === 'poisoned').length, e.poisoned, `${e.file}: poisoned count`);
        } else {
          assert.match(String(e.package), /^(@[^/]+\/)?[^@]+@\d+\.\d+\.\d+/, `${e.file}: package@version`);
        }
      }
    }
  });

  it('labels every record, with a known class for each poisoned one and unique ids', () => {
    const ids = new Set<string>();
    for (const [f, doc] of docs) {
      for (const r of doc.records) {
        assert.ok(!ids.has(r.id), `duplicate id ${r.id}`);
        ids.add(r.id);
        assert.ok(r.label === 'benign' || r.label === 'poisoned', `${f} ${r.id}: label`);
        if (r.label === 'poisoned') assert.ok(CLASSES.has(String(r.class)), `${f} ${r.id}: class ${r.class}`);
        if (f.startsWith('benign/')) assert.equal(r.label, 'benign', `${f} ${r.id}: a benign source holds only benign records`);
      }
    }
    assert.ok([...docs.values()].some((d) => d.records.some((r) => r.label === 'poisoned')));
  });

  it('holds no text that the tuning corpus (tool-corpus-real) has', () => {
    const real = new Map<string, string>();
    for (const sub of ['attacks', 'benign', 'own-variants'])
      for (const f of files(REAL, sub)) for (const r of read<CorpusDoc>(join(REAL, f)).records) real.set(text(r.item), r.id);
    for (const [f, doc] of docs) {
      for (const r of doc.records) {
        const t = text(r.item);
        assert.notEqual(t, '', `${f} ${r.id}: no text`);
        assert.ok(!real.has(t), `${f} ${r.id}: same text as ${real.get(t)} in tool-corpus-real`);
      }
    }
  });

  it('takes no source from tool-corpus-real, nor any reserved evaluation repository', () => {
    const realAttacks = read<{ sources: { repo?: string }[] }>(join(REAL, 'manifest-attacks.json')).sources;
    const realBenign = read<{ sources: { id: string; repo?: string }[] }>(join(REAL, 'manifest-benign.json')).sources;
    const realRepos = new Set(realAttacks.map((s) => s.repo?.toLowerCase()).filter(Boolean));
    const realIds = new Set(realBenign.map((s) => s.id));
    for (const e of manifests.attacks.sources) {
      assert.ok(!realRepos.has(e.repo!.toLowerCase()), `${e.repo} is a tool-corpus-real attack source`);
      assert.ok(!RESERVED.some((re) => re.test(e.repo!)), `${e.repo} is reserved`);
    }
    for (const e of manifests.benign.sources) assert.ok(!realIds.has(e.id), `${e.id} is a tool-corpus-real benign source`);
  });

  it('is never read by the loader that training and leave-one-source-out use', () => {
    assert.ok(existsSync(HOLDOUT));
    assert.equal(corpusRoot(), REAL);
    const holdoutIds = new Set([...docs.values()].map((d) => d.source.id));
    const { files: loaded } = loadRealCorpus();
    assert.ok(loaded.length > 0);
    assert.deepEqual(
      loaded.filter((f) => holdoutIds.has(f.source.id)).map((f) => f.path),
      [],
    );
  });
});
