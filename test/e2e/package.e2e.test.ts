import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { REPO_ROOT } from './support/install';
import { readZip } from './support/zip';

// The packaged VSIX as users get it (`npm run package` builds mcp-warden.vsix, and mcp-warden-test.vsix
// for the other end-to-end specs). Needs no editor: it reads the archives.
const PRODUCTION = join(REPO_ROOT, 'mcp-warden.vsix');
const TEST_BUILD = join(REPO_ROOT, 'mcp-warden-test.vsix');
// 1 MB until the gateway's CLI and the recorded listings of 142 servers joined the bundles; see scripts/release/check-vsix.mjs.
const MAX_BYTES = 1.5 * 1024 * 1024;
/** Text only the test hooks contain: their switch and the file they mirror the editor's state into. */
const HOOK_MARKERS = ['MCP_WARDEN_TEST_HOOKS', 'state.json'];

const skip = existsSync(PRODUCTION) || process.env.CI ? false : 'no mcp-warden.vsix: run `npm run package` first';

describe('packaged VSIX', { skip }, () => {
  const entries = () => readZip(readFileSync(PRODUCTION));
  const names = () => entries().map((e) => e.name);

  test(`is at most 1 MB`, () => {
    assert.ok(statSync(PRODUCTION).size <= MAX_BYTES, `mcp-warden.vsix is ${statSync(PRODUCTION).size} bytes`);
  });

  test('ships no test hooks: the bundle has none of their code', () => {
    const bundle = entries().find((e) => e.name === 'extension/dist/extension.js');
    assert.ok(bundle, 'extension/dist/extension.js is in the VSIX');
    const text = bundle.read().toString('utf8');
    for (const marker of HOOK_MARKERS) assert.ok(!text.includes(marker), `the production bundle contains "${marker}"`);
    assert.ok(!names().some((n) => /testHooks|testBuild/i.test(n)));
  });

  test('ships no screenshots, developer docs, sources, tests or source maps; rule docs stay', () => {
    const all = names();
    assert.deepEqual(all.filter((n) => /\.(png|jpe?g|gif)$/i.test(n) && n !== 'extension/media/icon.png'), []);
    // Besides the rule pages, exactly the user docs the rule pages link to (so their links work in the editor).
    const linked = new Set(readdirSync(join(REPO_ROOT, 'docs', 'rules')).flatMap((f) => [...readFileSync(join(REPO_ROOT, 'docs', 'rules', f), 'utf8').matchAll(/\]\(\.\.\/([a-z-]+\.md)/g)].map((m) => `extension/docs/${m[1]}`)));
    assert.deepEqual(all.filter((n) => n.startsWith('extension/docs/') && !n.startsWith('extension/docs/rules/')).sort(), [...linked].sort());
    assert.deepEqual(all.filter((n) => /^extension\/(src|test|bench|scripts|out|node_modules)\//.test(n) || n.endsWith('.map') || n.endsWith('.ts')), []);
    const rules = all.filter((n) => n.startsWith('extension/docs/rules/') && n.endsWith('.md'));
    const inRepo = readdirSync(join(REPO_ROOT, 'docs', 'rules')).filter((n) => n.endsWith('.md')).sort();
    assert.deepEqual(rules.map((n) => n.slice('extension/docs/rules/'.length)).sort(), inRepo);
  });

  test('declares only runtime dependencies that run, and no activation on every JSON file', () => {
    const pkg = JSON.parse(entries().find((e) => e.name === 'extension/package.json')!.read().toString('utf8')) as { dependencies: Record<string, string>; activationEvents: string[] };
    assert.ok(!('smol-toml' in pkg.dependencies), 'smol-toml is only used by tests');
    assert.deepEqual(pkg.activationEvents.filter((e) => e.startsWith('onLanguage:') || e === '*' || e === 'onStartupFinished'), []);
  });

  test('the test build holds the hooks (the other end-to-end specs install it)', { skip: existsSync(TEST_BUILD) || process.env.CI ? false : 'no mcp-warden-test.vsix' }, () => {
    const bundle = readZip(readFileSync(TEST_BUILD)).find((e) => e.name === 'extension/dist/extension.js')!;
    assert.ok(bundle.read().toString('utf8').includes('MCP_WARDEN_TEST_HOOKS'));
  });
});
