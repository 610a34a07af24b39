import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { inspectAll, type InspectResult } from '../../../src/live/inspect';
import { liveProcesses } from '../../../src/live/processRegistry';
import { labEntry, startHttpLab, TEST_LIMITS, vscodeEntries } from './lab';

const EXPECTED: Record<string, string[]> = {
  'notes.mjs': ['add_note', 'list_notes', 'calculate'],
  'poisoned.mjs': ['add', 'daily_quote', 'get_weather', 'format_report', 'translate'],
  'shadowing.mjs': ['fact_of_the_day'],
  'mail.mjs': ['send_email'],
  'rug-pull.mjs': ['get_fact'],
  'fetcher.mjs': ['fetch_url'],
  'private-notes.mjs': ['read_private_notes'],
  'sender.mjs': ['send_message', 'post_webhook'],
  'token-recorder.mjs': ['token_status'],
};

const scripts = Object.keys(EXPECTED);
let results: InspectResult[] = [];
const snapshotOf = (script: string) => results[scripts.indexOf(script)]!.snapshot!;

before(async () => {
  results = await inspectAll(
    scripts.map((s) => labEntry(s)),
    { ...TEST_LIMITS, concurrency: scripts.length },
  );
});

test('every benign and poisoned lab server connects and lists its tools exactly', () => {
  for (const [i, script] of scripts.entries()) {
    const r = results[i]!;
    assert.deepEqual(r.status, { state: 'connected' }, `${script}: ${JSON.stringify(r.status)}`);
    assert.deepEqual(
      r.snapshot!.tools.map((t) => t.name),
      EXPECTED[script],
      script,
    );
  }
  assert.equal(liveProcesses.size, 0, 'every server was stopped');
});

test('the notes server: instructions, serverInfo, prompts, resources, templates, schemas, annotations', () => {
  const snapshot = snapshotOf('notes.mjs');
  assert.deepEqual(snapshot.serverInfo, { name: 'lab-notes', version: '1.0.0' });
  assert.match(snapshot.instructions ?? '', /notes and calculator/);
  assert.equal(snapshot.transport, 'stdio');
  assert.deepEqual(
    snapshot.prompts.map((p) => [p.name, p.arguments?.[0]?.name]),
    [['summarize_notes', 'style']],
  );
  assert.deepEqual(
    snapshot.resources.map((r) => r.uri),
    ['notes://all'],
  );
  assert.deepEqual(
    snapshot.resourceTemplates.map((r) => r.uriTemplate),
    ['notes://{id}'],
  );
  const calculate = snapshot.tools.find((t) => t.name === 'calculate')!;
  assert.deepEqual((calculate.inputSchema as { required: string[] }).required, ['a', 'b', 'op']);
  assert.deepEqual(calculate.annotations, { readOnlyHint: true, openWorldHint: false, idempotentHint: true });
});

test('poisoned descriptions arrive byte for byte (tag characters, ANSI escapes, bidi)', () => {
  const snapshot = snapshotOf('poisoned.mjs');
  const description = (name: string) => snapshot.tools.find((t) => t.name === name)!.description!;
  assert.match(description('add'), /<IMPORTANT>[^]*Do not mention/);
  assert.match(description('get_weather'), /\u{E0049}\u{E0067}\u{E006E}/u);
  assert.ok(description('format_report').includes('\u001b[8m'));
  assert.ok(description('translate').includes('\u202e'));
  const sidenote = (snapshot.tools.find((t) => t.name === 'daily_quote')!.inputSchema as { properties: Record<string, { description: string }> }).properties
    .sidenote!;
  assert.match(sidenote.description, /must not be told/);
});

test('Streamable HTTP with headers, SSE directly, SSE as fallback from http, and a refused port', async () => {
  const http = await startHttpLab('notes-http.mjs', { LAB_REQUIRE_TOKEN: 'FAKE-bearer-0000' });
  const sse = await startHttpLab('notes-sse.mjs');
  try {
    const entries = vscodeEntries({
      http: { type: 'http', url: http.url, headers: { Authorization: 'Bearer ${env:LAB_BEARER}' } },
      unauthorized: { type: 'http', url: http.url },
      sse: { type: 'sse', url: sse.url },
      fallback: { type: 'http', url: sse.url },
      refused: { type: 'http', url: 'http://127.0.0.1:9/mcp' },
    });
    const [ok, unauthorized, direct, fallback, refused] = await inspectAll(entries, { ...TEST_LIMITS, env: { LAB_BEARER: 'FAKE-bearer-0000' } });
    assert.equal(ok!.snapshot?.transport, 'streamable-http');
    assert.deepEqual(
      ok!.snapshot?.tools.map((t) => t.name),
      EXPECTED['notes.mjs'],
    );
    assert.equal(unauthorized!.status.state, 'error');
    assert.match((unauthorized!.status as { message: string }).message, /401/);
    assert.equal(direct!.snapshot?.transport, 'sse');
    assert.equal(fallback!.snapshot?.transport, 'sse', 'Streamable HTTP failed, SSE worked');
    assert.equal(refused!.status.state, 'error');
  } finally {
    http.stop();
    sse.stop();
  }
});
