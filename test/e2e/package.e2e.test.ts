import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, test } from 'node:test';
import { REPO_ROOT } from './support/install';

// The packaged VSIX as users get it (`npm run package` builds mcp-warden.vsix, and mcp-warden-test.vsix
// for the other end-to-end specs). Needs no editor: it reads the archives.
const PRODUCTION = join(REPO_ROOT, 'mcp-warden.vsix');
const TEST_BUILD = join(REPO_ROOT, 'mcp-warden-test.vsix');
/** The release checks' zip reader and size budget (scripts/release: ES modules, loaded with a real dynamic import). */
interface ReleaseScripts {
  zipEntries(buffer: Buffer): Map<string, Buffer>;
  MAX_VSIX_BYTES: number;
}
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;
const release = async (): Promise<ReleaseScripts> => {
  const [zip, check] = (await Promise.all(
    ['zip.mjs', 'check-vsix.mjs'].map((f) => importModule(pathToFileURL(join(REPO_ROOT, 'scripts', 'release', f)).href)),
  )) as [Pick<ReleaseScripts, 'zipEntries'>, Pick<ReleaseScripts, 'MAX_VSIX_BYTES'>];
  return { zipEntries: zip.zipEntries, MAX_VSIX_BYTES: check.MAX_VSIX_BYTES };
};
/** Text only the test hooks contain: their switch and the file they mirror the editor's state into. */
const HOOK_MARKERS = ['MCP_WARDEN_TEST_HOOKS', 'state.json'];

const skip = existsSync(PRODUCTION) || process.env.CI ? false : 'no mcp-warden.vsix: run `npm run package` first';

describe('packaged VSIX', { skip }, () => {
  let scripts: ReleaseScripts;
  before(async () => {
    scripts = await release();
  });
  const entries = () => scripts.zipEntries(readFileSync(PRODUCTION));
  const names = () => [...entries().keys()];

  test('is within the size budget of the release checks (scripts/release/check-vsix.mjs)', () => {
    const size = statSync(PRODUCTION).size;
    console.log(`mcp-warden.vsix: ${size} bytes; budget ${scripts.MAX_VSIX_BYTES}`);
    assert.ok(size <= scripts.MAX_VSIX_BYTES, `mcp-warden.vsix is ${size} bytes; the budget is ${scripts.MAX_VSIX_BYTES}`);
  });

  test('ships no test hooks: neither bundle has any of their code', () => {
    for (const name of ['extension/dist/extension.js', 'extension/dist/live.js', 'extension/dist/gateway.js']) {
      const bundle = entries().get(name);
      assert.ok(bundle, `${name} is in the VSIX`);
      const text = bundle.toString('utf8');
      for (const marker of HOOK_MARKERS) assert.ok(!text.includes(marker), `${name} contains "${marker}"`);
    }
    assert.ok(!names().some((n) => /testHooks|testBuild/i.test(n)));
  });

  test('ships the gateway-only bundle the route quick fix runs and the live client the first connect loads, not the whole CLI', () => {
    assert.deepEqual(
      names()
        .filter((n) => n.startsWith('extension/dist/'))
        .sort(),
      ['extension/dist/extension.js', 'extension/dist/gateway.js', 'extension/dist/live.js'],
    );
    const extension = entries().get('extension/dist/extension.js')!.toString('utf8');
    assert.ok(extension.includes('gateway.js'), 'the extension names dist/gateway.js');
    assert.ok(extension.includes('require("./live.js")'), 'the extension requires dist/live.js');
    // The MCP SDK is in the live client's bundle only, so activation does not compile it.
    const sdk = 'Received a response for an unknown message ID';
    assert.ok(!extension.includes(sdk), 'dist/extension.js holds no MCP SDK');
    assert.ok(entries().get('extension/dist/live.js')!.toString('utf8').includes(sdk), 'dist/live.js holds the MCP SDK');
  });

  test('ships no screenshots, developer docs, sources, tests or source maps; rule docs stay', () => {
    const all = names();
    assert.deepEqual(
      all.filter((n) => /\.(png|jpe?g|gif)$/i.test(n) && n !== 'extension/media/icon.png'),
      [],
    );
    // Besides the rule pages, exactly the user docs the rule pages link to (so their links work in the editor).
    const linked = new Set(
      readdirSync(join(REPO_ROOT, 'docs', 'rules')).flatMap((f) =>
        [...readFileSync(join(REPO_ROOT, 'docs', 'rules', f), 'utf8').matchAll(/\]\(\.\.\/([a-z-]+\.md)/g)].map((m) => `extension/docs/${m[1]}`),
      ),
    );
    assert.deepEqual(all.filter((n) => n.startsWith('extension/docs/') && !n.startsWith('extension/docs/rules/')).sort(), [...linked].sort());
    assert.deepEqual(
      all.filter((n) => /^extension\/(src|test|bench|scripts|out|node_modules)\//.test(n) || n.endsWith('.map') || n.endsWith('.ts')),
      [],
    );
    const rules = all.filter((n) => n.startsWith('extension/docs/rules/') && n.endsWith('.md'));
    const inRepo = readdirSync(join(REPO_ROOT, 'docs', 'rules'))
      .filter((n) => n.endsWith('.md'))
      .sort();
    assert.deepEqual(rules.map((n) => n.slice('extension/docs/rules/'.length)).sort(), inRepo);
  });

  test('declares only runtime dependencies that run, and no activation on every JSON file', () => {
    const pkg = JSON.parse(entries().get('extension/package.json')!.toString('utf8')) as { dependencies: Record<string, string>; activationEvents: string[] };
    assert.ok(!('smol-toml' in pkg.dependencies), 'smol-toml is only used by tests');
    assert.deepEqual(
      pkg.activationEvents.filter((e) => e.startsWith('onLanguage:') || e === '*' || e === 'onStartupFinished'),
      [],
    );
  });

  test(
    'the test build holds the hooks (the other end-to-end specs install it)',
    { skip: existsSync(TEST_BUILD) || process.env.CI ? false : 'no mcp-warden-test.vsix' },
    () => {
      const bundle = scripts.zipEntries(readFileSync(TEST_BUILD)).get('extension/dist/extension.js')!;
      assert.ok(bundle.toString('utf8').includes('MCP_WARDEN_TEST_HOOKS'));
    },
  );
});
