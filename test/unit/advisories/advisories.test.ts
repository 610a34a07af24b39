import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { SNAPSHOT } from '../../../src/core/advisories/data/snapshot';
import { POPULAR_PACKAGES } from '../../../src/core/advisories/data/popularPackages';
import { editDistance, lookalikeOf } from '../../../src/core/advisories/lookalike';
import { advisoriesAffecting, firstSafeVersion, inRange, openAdvisories, packageKey } from '../../../src/core/advisories/lookup';
import { compareEcosystemVersions } from '../../../src/core/advisories/versionOrder';
import { ALL_RULES } from '../../../src/core/rules/index';
import { repoRoot } from '../core/fixtureHelpers';

const ROOT = repoRoot();

describe('advisory snapshot', () => {
  test('is what scripts/advisories/build.mjs makes of the committed records', () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/advisories/build.mjs'), '--check'], { cwd: ROOT, stdio: 'pipe' });
  });

  test('the manifest names every record, its source, and the packages it covers', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'src/core/advisories/data/manifest.json'), 'utf8')) as {
      records: { id: string; primary: string; form: string; packages: string[] }[];
    };
    assert.deepEqual(
      manifest.records.map((r) => r.id),
      SNAPSHOT.advisories.map((a) => a.id),
    );
    for (const r of manifest.records) {
      assert.ok(r.primary.length > 0 && ['verbatim', 'transcribed'].includes(r.form), r.id);
      assert.ok(r.packages.length > 0, r.id);
    }
  });

  test('holds the advisories issue 13 names, with the facts read from their records', () => {
    const ids = (eco: 'npm' | 'pypi', name: string, version: string) =>
      advisoriesAffecting(eco, name, version).flatMap((m) => [m.advisory.id, ...m.advisory.aliases]);
    assert.deepEqual(ids('npm', 'mcp-remote', '0.1.15'), ['GHSA-6xpm-ggf7-wc3p', 'CVE-2025-6514']);
    assert.deepEqual(ids('npm', '@modelcontextprotocol/server-filesystem', '0.6.2').sort(), [
      'CVE-2025-53109',
      'CVE-2025-53110',
      'GHSA-hc55-p739-j48w',
      'GHSA-q66q-fx2p-7w4m',
    ]);
    assert.ok(ids('npm', '@modelcontextprotocol/inspector', '0.14.0').includes('CVE-2025-49596'));
    assert.deepEqual(ids('npm', 'postmark-mcp', '1.0.16'), ['MAL-2025-47604']);
    assert.equal(firstSafeVersion('npm', 'mcp-remote', '0.1.15'), '0.1.16');
    assert.equal(firstSafeVersion('npm', '@modelcontextprotocol/server-filesystem', '0.6.2'), '2025.7.1'); // the record gives the 0.x line no fix (last affected 0.6.2)
    assert.equal(firstSafeVersion('npm', '@modelcontextprotocol/inspector', '0.14.0'), '0.16.6');
    assert.equal(firstSafeVersion('npm', 'postmark-mcp', '1.0.16'), undefined);
  });
});

describe('advisory ranges', () => {
  test('bounds: introduced inclusive, fixed exclusive, last affected inclusive, "0" open below', () => {
    assert.equal(inRange('npm', '0.0.5', { introduced: '0.0.5', fixed: '0.1.16' }), true);
    assert.equal(inRange('npm', '0.0.4', { introduced: '0.0.5', fixed: '0.1.16' }), false);
    assert.equal(inRange('npm', '0.1.16', { introduced: '0.0.5', fixed: '0.1.16' }), false);
    assert.equal(inRange('npm', '0.1.16-beta.1', { introduced: '0.0.5', fixed: '0.1.16' }), true);
    assert.equal(inRange('npm', '1.0.3', { introduced: '1.0.0', lastAffected: '1.0.3' }), true);
    assert.equal(inRange('npm', '1.0.4', { introduced: '1.0.0', lastAffected: '1.0.3' }), false);
    assert.equal(inRange('npm', '0.0.1', { introduced: '0', fixed: '1.0.0' }), true);
    assert.equal(inRange('npm', '9.0.0', { introduced: '1.0.16' }), true);
    assert.equal(inRange('npm', 'not-a-version', { introduced: '0', fixed: '1.0.0' }), undefined);
  });

  test('PyPI order: release segments, pre-releases before the final, post after', () => {
    const cmp = (a: string, b: string) => compareEcosystemVersions('pypi', a, b);
    assert.equal(cmp('1.10.0', '1.9.4'), 1);
    assert.equal(cmp('1.9', '1.9.0'), 0);
    assert.equal(cmp('1.23.0rc1', '1.23.0'), -1);
    assert.equal(cmp('1.23.0.post1', '1.23.0'), 1);
    assert.equal(cmp('1.23.0.dev1', '1.23.0a1'), -1);
    assert.equal(cmp('1.x', '1.0'), undefined);
    assert.equal(inRange('pypi', '1.26.0', { introduced: '0', fixed: '1.27.2' }), true);
  });

  test('PyPI names are normalised, npm names are not', () => {
    assert.equal(packageKey('pypi', 'MCP_Server.Fetch'), 'pypi:mcp-server-fetch');
    assert.equal(packageKey('npm', 'MCP-Remote'), 'npm:MCP-Remote');
    assert.equal(advisoriesAffecting('npm', 'MCP-Remote', '0.1.15').length, 0);
  });

  test('matches are remembered per package and version, never across versions or snapshots', () => {
    const ids = (version: string, snapshot?: typeof SNAPSHOT) => advisoriesAffecting('npm', 'mcp-remote', version, snapshot).map((m) => m.advisory.id);
    assert.deepEqual(ids('0.1.15'), ['GHSA-6xpm-ggf7-wc3p']);
    assert.deepEqual(ids('0.1.16'), [], 'the fixed release, asked right after the affected one');
    assert.deepEqual(ids('0.1.15'), ['GHSA-6xpm-ggf7-wc3p']);
    assert.deepEqual(ids('0.1.15', { ...SNAPSHOT, advisories: [] }), [], 'another snapshot is looked up on its own');
  });

  test('open advisories: only ranges without a fix', () => {
    assert.deepEqual(
      openAdvisories('npm', 'postmark-mcp').map((m) => m.advisory.id),
      ['MAL-2025-47604'],
    );
    assert.deepEqual(openAdvisories('npm', 'mcp-remote'), []);
  });
});

describe('look-alike names', () => {
  test('edit distance counts a swap of neighbours as one and stops early', () => {
    assert.equal(editDistance('firecrawl-mcp', 'firecrawl-mpc', 2), 1);
    assert.equal(editDistance('abc', 'abc', 1), 0);
    assert.equal(editDistance('kitten', 'sitting', 5), 3);
    assert.equal(editDistance('short', 'a-much-longer-name', 2), 3);
  });

  test('no popular package is a look-alike of another', () => {
    for (const p of POPULAR_PACKAGES) assert.equal(lookalikeOf(p.ecosystem, p.name), undefined, p.name);
  });

  test('every popular package names its source; the three new rules are registered', () => {
    assert.ok(POPULAR_PACKAGES.every((p) => p.source.length > 10));
    const ids = ALL_RULES.map((r) => r.meta.id);
    for (const id of ['vulnerable-package', 'malicious-package', 'package-name-lookalike']) assert.ok(ids.includes(id), id);
  });

  test('each new rule has a doc page with every section', () => {
    for (const rule of ALL_RULES.filter((r) => ['vulnerable-package', 'malicious-package', 'package-name-lookalike'].includes(r.meta.id))) {
      const doc = readFileSync(join(ROOT, 'docs/rules', `${rule.meta.id}.md`), 'utf8');
      assert.ok(doc.startsWith(`# ${rule.meta.id}\n`));
      assert.match(doc, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.meta.defaultSeverity}`));
      assert.match(doc, new RegExp(`\\*\\*Category:\\*\\* ${rule.meta.category}`));
      for (const section of ['## Why it matters', '## How to fix it', '## Examples', '## Options'])
        assert.ok(doc.includes(section), `${rule.meta.id}: ${section}`);
    }
  });
});
