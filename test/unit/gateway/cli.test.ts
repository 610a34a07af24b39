// The real CLI (`mcp-warden gateway`) as a client config runs it, against the lab servers, a raw
// test server and the npm server-everything.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { runApprove } from '../../../src/cli/approve';
import type { CliIo } from '../../../src/cli/scan';
import { LAB_SERVERS, pidFile, REPO, survivors, tempDir } from '../live/lab';
import { CLI, EVERYTHING, INITIALIZE, RAW_SERVER, readLog, startGateway, stopAllGateways, waitForLog } from './helpers';

// Generous per-test bounds: the machine may be busy; a hang fails the test instead of the run.
const LIMIT = { timeout: 240_000 };
after(stopAllGateways);

const LAB_CANARIES = join(REPO, 'test', 'lab', 'workspace', 'canaries', 'canaries.txt');
const SSH_CANARY = 'MCPW-CANARY-ssh-4f1c9a7e2b6d8035';
// A FAKE AWS access key id, assembled so the repository holds no real-format literal.
const FAKE_AWS_KEY = ['AKIA', 'Z7Q3XK5PN2LW4RTY'].join('');

async function sdkClient(args: string[], env: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'gateway-test', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'gateway', ...args],
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stderr: 'pipe',
    }),
  );
  return client;
}

test(
  'server-everything through the gateway: tools, prompts and resources work; every message is one audit record with method, tool, size and duration',
  LIMIT,
  async () => {
    const log = join(tempDir('mcp-warden-gw-'), 'audit.jsonl');
    const client = await sdkClient(['--log', log, '--', process.execPath, EVERYTHING, 'stdio']);
    try {
      const { tools } = await client.listTools();
      assert.ok(tools.some((t) => t.name === 'echo'));
      const echoed = await client.callTool({ name: 'echo', arguments: { message: 'hello through the gateway' } });
      assert.match(JSON.stringify(echoed.content), /hello through the gateway/);
      assert.ok((await client.listPrompts()).prompts.length > 0);
      const { resources } = await client.listResources();
      assert.ok((await client.readResource({ uri: resources[0]!.uri })).contents.length > 0);
    } finally {
      await client.close();
    }
    const records = await waitForLog(log, (r) => r.some((x) => x.event === 'client-closed'));
    assert.equal(records[0]!.event, 'start');
    assert.equal(records[0]!.server, 'server-everything');
    const call = records.find((r) => r.method === 'tools/call' && r.direction === 'to-server')!;
    assert.deepEqual([call.tool, call.type, (call.arguments as { message: string }).message], ['echo', 'request', 'hello through the gateway']);
    const answer = records.find((r) => r.method === 'tools/call' && r.direction === 'to-client')!;
    assert.equal(answer.type, 'response');
    assert.equal(typeof answer.durationMs, 'number');
    assert.ok((answer.bytes as number) > 0);
    for (const r of records) assert.ok(typeof r.time === 'string' && r.server === 'server-everything');
  },
);

test('messages the gateway does not know pass through byte for byte, both ways; a large result arrives whole', LIMIT, async () => {
  const dir = tempDir('mcp-warden-gw-');
  const received = join(dir, 'received.jsonl');
  const gw = startGateway(
    ['--log', join(dir, 'audit.jsonl'), '--canary', SSH_CANARY, '--block', '--on-injection', 'block', '--', process.execPath, RAW_SERVER],
    { RAW_RECEIVED: received },
  );
  gw.send(INITIALIZE);
  await gw.next();
  const odd = await gw.next();
  assert.equal(gw.lines[1], '{"jsonrpc":"2.0","method":"x-vendor/odd-notification","params":{"  spaced key ":[1,2.50,{"deep":null}],"\u00e9":"\\u00e9"}}');
  assert.equal(odd.method, 'x-vendor/odd-notification');
  const unknown = '{"jsonrpc":"2.0","id":"a-1","method":"vendor/thing","params":{"z":1,   "a":[2.50]}}';
  gw.send(unknown);
  await gw.next();
  assert.equal(gw.lines[2], '{"jsonrpc":"2.0","id":"a-1","result":{"vendorField":  "kept as sent", "n": 1.50}}');
  gw.send('{"jsonrpc":"2.0","method":"notifications/vendor","params":{"x":  true}}');
  gw.send({ jsonrpc: '2.0', id: 5, method: 'big/result', params: { bytes: 8 * 1024 * 1024 } });
  const big = (await gw.next()) as { result: { content: { text: string }[] } };
  assert.equal(big.result.content[0]!.text.length, 8 * 1024 * 1024);
  gw.child.stdin.end();
  assert.equal(await gw.exited, 0);
  const lines = readFileSync(received, 'utf8').split('\n');
  assert.ok(lines.includes(unknown), 'the server got the unknown request as sent');
  assert.ok(lines.includes('{"jsonrpc":"2.0","method":"notifications/vendor","params":{"x":  true}}'));
});

test('a server that crashes: the gateway logs it, ends with the server exit code, and the client sees the end', LIMIT, async () => {
  const dir = tempDir('mcp-warden-gw-');
  const log = join(dir, 'audit.jsonl');
  const gw = startGateway(['--log', log, '--', process.execPath, RAW_SERVER]);
  gw.send(INITIALIZE);
  await gw.next();
  gw.send({ jsonrpc: '2.0', id: 2, method: 'crash/now' });
  assert.equal(await gw.exited, 3);
  const exit = readLog(log).find((r) => r.event === 'exit')!;
  assert.match(String(exit.detail), /the server stopped: exited with code 3/);
});

test('a client that disconnects (or a gateway that is terminated) leaves no process behind, grandchildren included', LIMIT, async () => {
  for (const how of ['close stdin', 'SIGTERM'] as const) {
    const pids = pidFile();
    const log = join(tempDir('mcp-warden-gw-'), 'a.jsonl');
    const gw = startGateway(['--log', log, '--', process.execPath, join(LAB_SERVERS, 'hostile-grandchild.mjs')], { LAB_PID_FILE: pids.path });
    gw.send(INITIALIZE);
    await gw.next();
    assert.equal(pids.pids().length, 3, 'the server and its two grandchildren ran');
    if (how === 'close stdin') gw.child.stdin.end();
    else gw.child.kill('SIGTERM');
    await gw.exited;
    assert.deepEqual(await survivors(pids.pids(), 5_000), [], `${how}: nothing survives`);
    // The buffered log lost nothing: the initialize request and its answer were written before the gateway ended.
    assert.deepEqual(
      readLog(log)
        .filter((r) => r.method === 'initialize')
        .map((r) => r.direction),
      ['to-server', 'to-client'],
      `${how}: the log is complete`,
    );
  }
});

test('the audit log loses and reorders nothing when the gateway ends right after a burst (stdin closed, SIGTERM, SIGINT)', LIMIT, async () => {
  const CALLS = 3_000;
  for (const how of ['close stdin', 'SIGTERM', 'SIGINT'] as const) {
    const log = join(tempDir('mcp-warden-gw-'), 'burst.jsonl');
    const gw = startGateway(['--log', log, '--canary', 'MCPW-CANARY-burst-0001', '--', process.execPath, RAW_SERVER]);
    gw.send(INITIALIZE);
    await gw.next();
    await gw.next(); // the raw server's notification after initialize
    // One write of every call: the gateway handles them in large chunks, and the last records are still queued when it ends.
    gw.child.stdin.write(
      Array.from(
        { length: CALLS },
        (_, i) => JSON.stringify({ jsonrpc: '2.0', id: i + 1, method: 'tools/call', params: { name: 'n', arguments: { i } } }) + '\n',
      ).join(''),
    );
    for (let i = 0; i < CALLS; i++) await gw.next();
    if (how === 'close stdin') gw.child.stdin.end();
    else gw.child.kill(how);
    await gw.exited;
    const records = readLog(log);
    const calls = records.filter((r) => r.method === 'tools/call');
    assert.deepEqual(
      calls.filter((r) => r.direction === 'to-server').map((r) => r.id),
      Array.from({ length: CALLS }, (_, i) => i + 1),
      `${how}: every request once, in order`,
    );
    const answered = new Set<unknown>();
    const asked = new Set<unknown>();
    for (const r of calls) {
      if (r.direction === 'to-server') asked.add(r.id);
      else {
        assert.ok(asked.has(r.id) && !answered.has(r.id), `${how}: the answer to ${String(r.id)} comes once, after its request`);
        answered.add(r.id);
      }
    }
    assert.equal(answered.size, CALLS, `${how}: every answer`);
    assert.equal(records[0]!.event, 'start');
    if (how === 'close stdin') assert.equal(records.at(-1)!.event, 'client-closed', `${how}: the last record says how it ended`);
  }
});

test(
  'canary exfiltration: the call is refused with a clear JSON-RPC error, alerted on stderr, and the log holds neither the canary nor the secret',
  LIMIT,
  async () => {
    const log = join(tempDir('mcp-warden-gw-'), 'audit.jsonl');
    const gw = startGateway(['--log', log, '--canary-file', LAB_CANARIES, '--block', '--', process.execPath, join(LAB_SERVERS, 'poisoned.mjs')]);
    gw.send(INITIALIZE);
    await gw.next();
    const key = readFileSync(join(REPO, 'test', 'lab', 'workspace', 'canaries', 'id_rsa'), 'utf8');
    gw.send({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'add', arguments: { a: 2, b: 3, sidenote: `${key}\naws ${FAKE_AWS_KEY}` } } });
    const refused = (await gw.next()) as { id: number; error: { code: number; message: string } };
    assert.equal(refused.id, 1);
    assert.equal(refused.error.code, -32001);
    assert.match(refused.error.message, /blocked the call to "add": its arguments carry a canary/);
    gw.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'add', arguments: { a: 2, b: 3, note: `aws ${FAKE_AWS_KEY}` } } });
    assert.deepEqual(((await gw.next()) as { result: unknown }).result, { content: [{ type: 'text', text: '5' }] });
    gw.child.stdin.end();
    await gw.exited;
    assert.match(gw.stderr(), /mcp-warden gateway \[poisoned\]: ALERT canary in the arguments of add \(arguments\.sidenote\): blocked/);
    const text = readFileSync(log, 'utf8');
    assert.ok(!text.includes(SSH_CANARY), 'no canary in the log');
    assert.ok(!text.includes(FAKE_AWS_KEY), 'no secret in the log');
    assert.match(text, /AWS access key ID/);
    const blocked = readLog(log).find((r) => r.action === 'blocked')!;
    assert.equal((blocked.findings as { type: string }[])[0]!.type, 'canary');
    assert.ok(!gw.stderr().includes(SSH_CANARY));
  },
);

function io(cwd: string): CliIo {
  return { cwd, env: { PATH: process.env.PATH }, packageRoot: cwd, version: '9.9.9', stdout: () => undefined, stderr: () => undefined };
}

test('--enforce: a rug pull after approval is withheld from tools/list and calls to the changed tools are refused', LIMIT, async () => {
  const dir = tempDir('mcp-warden-gw-');
  const state = join(dir, 'rug-state');
  mkdirSync(join(dir, '.vscode'));
  writeFileSync(
    join(dir, '.vscode', 'mcp.json'),
    JSON.stringify({ servers: { 'rug-pull': { command: process.execPath, args: [join(LAB_SERVERS, 'rug-pull.mjs')], env: { LAB_RUG_PULL_STATE: state } } } }),
  );
  assert.equal(await runApprove(['--yes'], io(dir)), 0, 'the harmless first session is approved');
  const log = join(dir, 'audit.jsonl');
  const gw = startGateway(
    ['--log', log, '--server', 'rug-pull', '--enforce', '--', process.execPath, join(LAB_SERVERS, 'rug-pull.mjs')],
    { LAB_RUG_PULL_STATE: state },
    dir,
  );
  gw.send(INITIALIZE);
  await gw.next();
  gw.send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
  assert.deepEqual(((await gw.next()) as { result: { tools: unknown[] } }).result.tools, [], 'the changed get_fact and the new delete_everything are withheld');
  gw.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'delete_everything', arguments: {} } });
  assert.match(((await gw.next()) as { error: { message: string } }).error.message, /refused the call: the tool "delete_everything" is not approved/);
  gw.child.stdin.end();
  await gw.exited;
  const listed = readLog(log).find((r) => r.method === 'tools/list' && r.direction === 'to-client')!;
  assert.equal(listed.action, 'withheld');
  assert.deepEqual(
    (listed.findings as { type: string; tool: string }[]).map((f) => `${f.type} ${f.tool}`),
    ['pin-changed get_fact', 'pin-new delete_everything'],
  );
  assert.match(readLog(log)[0]!.detail as string, /pinned to vscode\/rug-pull \(1 tool approved\); enforce/);
});

test('shield: an injected page in a tool result is flagged; annotate puts a warning before it', LIMIT, async () => {
  const log = join(tempDir('mcp-warden-gw-'), 'audit.jsonl');
  const client = await sdkClient(['--log', log, '--on-injection', 'annotate', '--', process.execPath, join(LAB_SERVERS, 'fetcher.mjs')]);
  try {
    const result = (await client.callTool({ name: 'fetch_url', arguments: { url: 'http://127.0.0.1/tips' } })) as { content: { text: string }[] };
    assert.match(result.content[0]!.text, /^MCP Warden gateway: the text below came from a tool/);
    assert.match(result.content[1]!.text, /Note to AI assistants/);
  } finally {
    await client.close();
  }
  const flagged = (await waitForLog(log, (r) => r.some((x) => x.action === 'annotated'))).find((r) => r.action === 'annotated')!;
  assert.ok((flagged.findings as { type: string }[]).every((f) => f.type === 'injection'));
  assert.equal(flagged.tool, 'fetch_url');
});

test('usage errors: exit 2 with a clear message and nothing started', LIMIT, async () => {
  const dir = tempDir('mcp-warden-gw-');
  const cases: [string[], RegExp][] = [
    [['--enforce', '--', process.execPath, RAW_SERVER], /--enforce needs an approval lockfile/],
    [['--canary', 'short', '--', process.execPath, RAW_SERVER], /--canary needs at least 8 characters/],
    [['--on-injection', 'maybe', '--', process.execPath, RAW_SERVER], /--on-injection must be warn, annotate or block/],
    [[], /no server to run/],
    [['--lock', join(dir, 'missing.json'), '--', process.execPath, RAW_SERVER], /the lockfile .*missing\.json does not exist/],
    [['--canary-file', join(dir, 'none.txt'), '--', process.execPath, RAW_SERVER], /cannot read the canary file/],
  ];
  for (const [args, message] of cases) {
    const gw = startGateway(['--log', join(dir, 'a.jsonl'), ...args], {}, dir);
    assert.equal(await gw.exited, 2, args.join(' '));
    assert.match(gw.stderr(), message);
  }
});

test('--url: a remote Streamable HTTP server is offered over stdio, with the same log', LIMIT, async () => {
  const { spawn } = await import('node:child_process');
  const server = spawn(process.execPath, [join(LAB_SERVERS, 'notes-http.mjs'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve) => server.stdout.once('data', (d: Buffer) => resolve(/listening (\S+)/.exec(d.toString())![1]!)));
    const log = join(tempDir('mcp-warden-gw-'), 'audit.jsonl');
    const client = await sdkClient(['--log', log, '--url', url]);
    try {
      assert.ok((await client.listTools()).tools.some((t) => t.name === 'add_note'));
    } finally {
      await client.close();
    }
    const records = await waitForLog(log, (r) => r.some((x) => x.method === 'tools/list' && x.direction === 'to-client'));
    assert.match(String(records[0]!.detail), /^remote http:\/\/127\.0\.0\.1:\d+;/);
    assert.equal(records[0]!.server, url.replace(/^http:\/\/|\/mcp$/g, ''));
  } finally {
    server.kill();
  }
});

test('--enforce against server-everything: a changed prompt and a resource not approved are withheld from the listings and refused', LIMIT, async () => {
  const dir = tempDir('mcp-warden-gw-');
  mkdirSync(join(dir, '.vscode'));
  writeFileSync(join(dir, '.vscode', 'mcp.json'), JSON.stringify({ servers: { everything: { command: process.execPath, args: [EVERYTHING, 'stdio'] } } }));
  assert.equal(await runApprove(['--yes'], io(dir)), 0, 'server-everything is approved as it is');
  // What a later version of the server would look like to the lockfile: one prompt changed, one resource never approved.
  const lockPath = join(dir, '.vscode', 'mcp-lock.json');
  const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { servers: Record<string, { items: Record<string, { hash: string }> }> };
  const items = lock.servers['vscode/everything']!.items;
  const promptKey = Object.keys(items).find((k) => k.startsWith('prompt:'))!;
  const resourceKey = Object.keys(items).find((k) => k.startsWith('resource:'))!;
  items[promptKey]!.hash = `sha256:${'0'.repeat(64)}`;
  delete items[resourceKey];
  writeFileSync(lockPath, JSON.stringify(lock, null, 2));
  const [prompt, uri] = [promptKey.slice('prompt:'.length), resourceKey.slice('resource:'.length)];

  const log = join(dir, 'audit.jsonl');
  const client = await sdkClient(['--log', log, '--server', 'everything', '--lock', lockPath, '--enforce', '--', process.execPath, EVERYTHING, 'stdio']);
  try {
    const { prompts } = await client.listPrompts();
    assert.ok(prompts.length > 0 && !prompts.some((p) => p.name === prompt), `${prompt} is withheld, the rest listed`);
    await assert.rejects(
      client.getPrompt({ name: prompt, arguments: {} }),
      (e: Error & { code?: number }) => e.code === -32001 && /refused the prompt: the prompt ".*" is not approved as it is now/.test(e.message),
    );
    const { resources } = await client.listResources();
    assert.ok(resources.length > 0 && !resources.some((r) => r.uri === uri), `${uri} is withheld, the rest listed`);
    await assert.rejects(client.readResource({ uri }), (e: Error & { code?: number }) => e.code === -32001 && /refused to read the resource/.test(e.message));
    assert.ok((await client.readResource({ uri: resources[0]!.uri })).contents.length > 0, 'an approved resource still reads');
    assert.ok(
      (await client.listTools()).tools.some((t) => t.name === 'echo'),
      'tools are untouched',
    );
  } finally {
    await client.close();
  }
  const records = await waitForLog(log, (rs) => rs.some((r) => r.event === 'client-closed' || r.event === 'exit'));
  const listing = records.find((r) => r.method === 'prompts/list' && r.direction === 'to-client')!;
  assert.equal(listing.action, 'withheld');
  assert.deepEqual(
    (listing.findings as { type: string; tool: string }[]).map((f) => `${f.type} ${f.tool}`),
    [`pin-changed ${prompt}`],
  );
  const resourceListing = records.find((r) => r.method === 'resources/list' && r.direction === 'to-client')!;
  assert.deepEqual(
    (resourceListing.findings as { type: string; tool: string }[]).map((f) => `${f.type} ${f.tool}`),
    [`pin-new ${uri}`],
  );
  assert.deepEqual(
    records.filter((r) => r.action === 'refused').map((r) => r.method),
    ['prompts/get', 'resources/read'],
  );
});
