// The release checks of `npm run release:dry` (scripts/release/*.mjs): Open VSX's metadata rules, the VSIX checks,
// the loopback Open VSX registry with the real `ovsx` client, and the whole dry run from this repository.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { after, describe, test } from 'node:test';
import { REPO } from '../unit/live/lab';
import { storedZip } from './storedZip';

/** The scripts are ES modules; the tests are transpiled to CommonJS, so they are loaded with a real dynamic import. */
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<Record<string, (...args: never[]) => unknown>>;
const script = (name: string) => importModule(pathToFileURL(join(REPO, 'scripts/release', name)).href);

const scratch = mkdtempSync(join(tmpdir(), 'mcp-warden-release-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const readme = readFileSync(join(REPO, 'README.md'), 'utf8');

/** A VSIX-shaped archive with this manifest and these extra entries (an entry set to undefined is left out). */
function vsix(changes: Record<string, unknown> = {}, entries: Record<string, string | undefined> = {}): Buffer {
  const files: Record<string, string | undefined> = {
    'extension/package.json': JSON.stringify({ ...manifest, ...changes }),
    'extension/readme.md': '# MCP Warden\n\nSee [the CLI](https://github.com/mcp-warden/mcp-warden/blob/HEAD/docs/cli.md).\n',
    'extension/changelog.md': '# Changelog\n',
    'extension/LICENSE.txt': 'MIT',
    'extension/media/icon.png': 'png',
    'extension/docs/rules/plaintext-secret.md': '# plaintext-secret',
    'extension/dist/extension.js': '',
    'extension/dist/live.js': '',
    'extension/dist/gateway.js': '',
    ...entries,
  };
  return storedZip(Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== undefined)));
}

describe('Open VSX metadata rules', () => {
  test('this extension’s manifest passes', async () => {
    const { openVsxIssues } = await script('openvsx-rules.mjs');
    assert.deepEqual(openVsxIssues(manifest as never), []);
  });

  test('each rule refuses what the registry refuses', async () => {
    const { openVsxIssues } = await script('openvsx-rules.mjs');
    const issues = (changes: Record<string, unknown>, options = {}) => openVsxIssues({ ...manifest, ...changes } as never, options as never) as string[];
    assert.match(issues({ name: 'mcp warden' })[0]!, /Invalid extension name: mcp warden/);
    assert.match(issues({ publisher: '' })[0]!, /namespace \(publisher\) must not be empty/);
    assert.match(issues({ version: 'latest' })[0]!, /'latest' is reserved/);
    assert.match(issues({ version: '1.0.0/evil' })[0]!, /Invalid character '\/' found in version \(index 5\)/);
    assert.match(issues({ displayName: 'MCP\u200bWarden' })[0]!, /Invalid character found in field 'displayName'/);
    assert.match(issues({ description: 'x'.repeat(2049) })[0]!, /'description' exceeds the current limit of 2048/);
    assert.match(issues({ homepage: 'not a url' })[0]!, /Invalid URL in field 'homepage'/);
    assert.match(issues({ galleryBanner: { color: '#000', theme: 'blue' } })[0]!, /galleryBanner.theme/);
    assert.match(issues({ qna: 'sometimes' })[0]!, /'qna'/);
    assert.match(issues({ license: undefined })[0]!, /must be licensed/);
    assert.deepEqual(issues({ license: undefined }, { hasLicenseFile: true }), []);
  });
});

describe('VSIX checks', () => {
  test('a complete VSIX has no issue', async () => {
    const { vsixIssues } = await script('check-vsix.mjs');
    assert.deepEqual(vsixIssues(vsix() as never, REPO as never), []);
  });

  test('relative README links, links to missing files, screenshots, no changelog, a missing bundle, no repository, too big', async () => {
    const { vsixIssues, MAX_VSIX_BYTES } = (await script('check-vsix.mjs')) as unknown as {
      vsixIssues: (b: Buffer, root: string) => string[];
      MAX_VSIX_BYTES: number;
    };
    const check = (buffer: Buffer) => vsixIssues(buffer, REPO);
    assert.deepEqual(check(vsix({}, { 'extension/readme.md': 'See [rules](docs/rules/plaintext-secret.md).' })), [
      "README link 'docs/rules/plaintext-secret.md' is relative or not https: it breaks on the Marketplace and Open VSX pages",
    ]);
    assert.deepEqual(check(vsix({}, { 'extension/readme.md': '[x](https://github.com/mcp-warden/mcp-warden/blob/HEAD/docs/nowhere.md)' })), [
      'README links to docs/nowhere.md, which is not in the repository',
    ]);
    assert.deepEqual(check(vsix({}, { 'extension/docs/images/shot.png': 'png' })), ['screenshots (docs/images) are in the VSIX']);
    const noChangelog = storedZip({
      'extension/package.json': JSON.stringify(manifest),
      'extension/readme.md': '',
      'extension/LICENSE.txt': '',
      'extension/media/icon.png': '',
      'extension/docs/rules/a.md': '',
      'extension/dist/extension.js': '',
      'extension/dist/live.js': '',
      'extension/dist/gateway.js': '',
    });
    assert.deepEqual(check(noChangelog), ['the VSIX has no extension/changelog.md']);
    assert.deepEqual(check(vsix({}, { 'extension/dist/live.js': undefined })), ['the VSIX has no dist/live.js: the extension loads it at run time']);
    assert.deepEqual(check(vsix({ repository: undefined })), [
      'package.json has no repository.url (the Marketplace links to it and rewrites README links from it)',
    ]);
    assert.match(
      check(vsix({}, { 'extension/dist/extension.js': 'x'.repeat(MAX_VSIX_BYTES) }))[0]!,
      new RegExp(`^The VSIX is \\d+ bytes; the budget is ${MAX_VSIX_BYTES}\\.$`),
    );
    assert.deepEqual(check(vsix({ categories: ['Security'] })), ["'Security' is not a Marketplace category"]);
  });

  test('the README links only to https targets or to files that exist (vsce rewrites them from repository.url)', () => {
    for (const [, target] of readme.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https:|#|mailto:)/.test(target!)) continue;
      assert.ok(existsSync(join(REPO, target!.split('#')[0]!)), `README links to ${target}, which does not exist`);
    }
  });
});

describe('the real ovsx client against the loopback Open VSX registry', () => {
  const ovsx = (file: string, url: string) =>
    promisify(execFile)(process.execPath, [join(REPO, 'node_modules/ovsx/bin/ovsx'), 'publish', file, '--registryUrl', url, '--pat', 'test'], {
      timeout: 60_000,
    }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` }),
    );

  test('accepts a good VSIX and refuses one Open VSX would refuse, with the registry’s reason', async () => {
    const { startOpenVsxStub } = await script('openvsx-stub.mjs');
    const stub = (await startOpenVsxStub()) as { url: string; published: { name: string }[]; close(): Promise<void> };
    try {
      const good = join(scratch, 'good.vsix');
      writeFileSync(good, vsix());
      const accepted = await ovsx(good, stub.url);
      assert.equal(accepted.code, 0, accepted.out);
      assert.match(accepted.out, /Published mcp-warden\.mcp-warden v/);

      const bad = join(scratch, 'bad.vsix');
      writeFileSync(bad, vsix({ version: 'latest' }));
      const refused = await ovsx(bad, stub.url);
      assert.notEqual(refused.code, 0);
      assert.match(refused.out, /The version string 'latest' is reserved/);
      assert.deepEqual(
        stub.published.map((p) => p.name),
        ['mcp-warden'],
      );
    } finally {
      await stub.close();
    }
  });
});

test('npm run release:dry builds the VSIX and the CLI tarball, checks them and publishes nothing', () => {
  const r = spawnSync('npm', ['run', '--silent', 'release:dry'], { cwd: REPO, encoding: 'utf8', timeout: 600_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const v = manifest.version as string;
  assert.match(r.stdout, new RegExp(`VS Code Marketplace {2}mcp-warden\\.mcp-warden@${v.replace(/\./g, '\\.')} {3}release/mcp-warden-${v}\\.vsix`));
  assert.match(r.stdout, new RegExp(`npm registry {9}mcp-warden@${v.replace(/\./g, '\\.')} {3}release/mcp-warden-${v}\\.tgz`));
  assert.match(r.stdout, /All checks passed\. Nothing was published\./);
  assert.ok(existsSync(join(REPO, 'release', `mcp-warden-${v}.vsix`)));
  assert.ok(existsSync(join(REPO, 'release', `mcp-warden-${v}.tgz`)));
});
