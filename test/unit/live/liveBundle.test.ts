// The live client ships as its own bundle, dist/live.js, which the extension requires on the first connect
// (src/extension/live/liveModule.ts; scripts/build.mjs): activation's one synchronous load of dist/extension.js
// no longer compiles and runs the MCP SDK, ajv and zod. Needs `npm run build` (dist/).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as source from '../../../src/live/index';
import { labEntry, REPO, startHttpLab, TEST_LIMITS, vscodeEntries } from './lab';

const EXTENSION = join(REPO, 'dist', 'extension.js');
const LIVE = join(REPO, 'dist', 'live.js');
type LiveModule = typeof source;

/** Text each package's code holds, minified or not (error messages and names that survive minification). */
const LIVE_CLIENT_CODE = {
  '@modelcontextprotocol/sdk': 'Received a response for an unknown message ID',
  ajv: 'schema with key or id',
  zod: 'ZodError',
};

test('dist/extension.js and dist/live.js are built (npm run build)', () => {
  for (const file of [EXTENSION, LIVE]) assert.ok(existsSync(file), `${file} is missing: run npm run build`);
});

test("the extension's bundle holds none of the live client's packages; dist/live.js holds them", () => {
  const extension = readFileSync(EXTENSION, 'utf8');
  const live = readFileSync(LIVE, 'utf8');
  for (const [pkg, text] of Object.entries(LIVE_CLIENT_CODE)) {
    assert.ok(live.includes(text), `dist/live.js carries ${pkg} ("${text}")`);
    assert.ok(!extension.includes(text), `dist/extension.js carries ${pkg} ("${text}"): it would load at activation`);
  }
  assert.match(extension, /require\("\.\/live\.js"\)/, 'the extension requires dist/live.js beside it');
});

test('dist/live.js offers everything src/live/index exports, and connects servers over stdio, HTTP and SSE by itself', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle, as the extension requires it
  const live = require(LIVE) as LiveModule;
  const names = (m: object) =>
    Object.keys(m)
      .filter((k) => k !== 'default' && k !== '__esModule')
      .sort();
  assert.deepEqual(names(live), names(source));
  // Each transport the bundle carries: stdio, Streamable HTTP and SSE.
  const http = await startHttpLab('notes-http.mjs');
  const sse = await startHttpLab('notes-sse.mjs');
  try {
    const entries = [labEntry('notes.mjs'), ...vscodeEntries({ http: { type: 'http', url: http.url }, sse: { type: 'sse', url: sse.url } })];
    const results = await live.inspectAll(entries, TEST_LIMITS);
    assert.deepEqual(
      results.map((r) => [r.status.state, r.snapshot?.transport, r.snapshot?.tools.map((t) => t.name)]),
      [
        ['connected', 'stdio', ['add_note', 'list_notes', 'calculate']],
        ['connected', 'streamable-http', ['add_note', 'list_notes', 'calculate']],
        ['connected', 'sse', ['add_note', 'list_notes', 'calculate']],
      ],
    );
  } finally {
    http.stop();
    sse.stop();
  }
  assert.equal(live.liveProcesses.size, 0, 'the bundle stopped the server it started');
});
