import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TOOL_CATEGORIES } from '../../../src/core/tools/categories';
import { evaluateCorpus, loadCorpus, repoRoot, score } from './corpus';

const files = loadCorpus();
const results = evaluateCorpus(files);
const scores = score(results);
const categoryIds = new Set(TOOL_CATEGORIES.map((c) => c.id));

describe('tool corpus: labels and size', () => {
  it('has at least 80 poisoned examples and 300 benign tools', () => {
    assert.ok(scores.poisoned >= 80, `${scores.poisoned} poisoned`);
    assert.ok(scores.benignTools >= 300, `${scores.benignTools} benign tools`);
  });

  it('labels every case with a known label, and poisoned cases with known categories', () => {
    const ids = new Set<string>();
    for (const file of files) {
      assert.ok(file.source.length > 20, `${file.path} says where it comes from`);
      assert.ok(file.cases.filter((c) => c.kind === 'server').length <= 1, `${file.path}: one instructions case per file`);
      for (const c of file.cases) {
        assert.ok(!ids.has(c.id), `duplicate id ${c.id}`);
        ids.add(c.id);
        assert.equal(c.label, file.path.startsWith('poisoned/') ? 'poisoned' : 'benign', `${c.id} is in the folder of its label`);
        if (c.label === 'poisoned') assert.ok(c.expect.length > 0, `${c.id} names the categories it should raise`);
        for (const cat of c.expect) assert.ok(categoryIds.has(cat), `${c.id}: unknown category ${cat}`);
      }
    }
  });
});

describe('tool corpus: quality gate', () => {
  it('recall is at least 95% (poisoned items with a warning or error)', () => {
    assert.ok(scores.recall >= 0.95, `recall ${scores.recall}; missed: ${scores.missed.map((m) => m.case.id).join(', ')}`);
  });

  it('false-positive rate on benign items is at most 1%', () => {
    const alarms = scores.falseAlarms.map(
      (m) =>
        `${m.case.id}: ${m.findings
          .filter((f) => f.severity !== 'info')
          .map((f) => `${f.category} "${f.excerpt}"`)
          .join('; ')}`,
    );
    assert.ok(scores.falsePositiveRate <= 0.01, `false-positive rate ${scores.falsePositiveRate}:\n${alarms.join('\n')}`);
  });

  it('finds each expected category for at least 90% of the poisoned items that expect it', () => {
    for (const c of scores.categories) {
      if (c.expected === 0) continue;
      assert.ok(c.recall >= 0.9, `${c.category}: ${c.detected}/${c.expected}`);
    }
  });
});

describe('real npm servers from node_modules', () => {
  const real = files.filter((f) => f.real);

  it('include server-everything, server-filesystem and server-memory', () => {
    assert.deepEqual(real.map((f) => f.package).sort(), [
      '@modelcontextprotocol/server-everything',
      '@modelcontextprotocol/server-filesystem',
      '@modelcontextprotocol/server-memory',
    ]);
  });

  it('produce no finding above info', () => {
    for (const r of results.filter((x) => x.file.real)) {
      const strong = r.findings.filter((f) => f.severity !== 'info');
      assert.deepEqual(
        strong.map((f) => `${f.category}: ${f.message}`),
        [],
        r.case.id,
      );
    }
  });

  it('match the installed packages (every tool name occurs in the package dist)', () => {
    for (const file of real) {
      const sources = jsFiles(join(repoRoot(), 'node_modules', file.package!, 'dist'))
        .map((path) => readFileSync(path, 'utf8'))
        .join('\n');
      const pkg = JSON.parse(readFileSync(join(repoRoot(), 'node_modules', file.package!, 'package.json'), 'utf8'));
      const version = JSON.parse(readFileSync(join(repoRoot(), 'test', 'fixtures', 'tool-corpus', file.path), 'utf8')).version;
      assert.equal(version, pkg.version, `${file.path} was captured from the installed version`);
      for (const c of file.cases.filter((x) => x.kind === 'tool')) {
        const name = (c.item as { name: string }).name;
        assert.ok(sources.includes(`"${name}"`) || sources.includes(`'${name}'`), `${name} in ${file.package}`);
      }
    }
  });
});

function jsFiles(dir: string, depth = 0): string[] {
  if (depth > 4) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsFiles(path, depth + 1) : name.endsWith('.js') ? [path] : [];
  });
}
