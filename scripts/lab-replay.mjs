#!/usr/bin/env node
// `npm run lab:replay`: a scripted, model-free replay of the lab's attacks through the MCP Warden
// gateway. An SDK client plays a model that obeys every poisoned description: it reads the canary
// SSH key and passes it in `sidenote`, follows the rug pull, and fetches a page carrying an injected
// instruction from a loopback server. Then a clean session. It prints what the gateway logged,
// flagged and blocked. Everything stays on this machine (loopback only); the secrets are FAKE canaries.
//
//   node scripts/lab-replay.mjs [--step clean|canary|rug-pull|injection]… [--log FILE] [--json]
//                               [--cli PATH] (default dist/cli.js; MCP_WARDEN_CLI works too)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';

const ROOT = resolve(import.meta.dirname, '..');
const LAB = join(ROOT, 'test', 'lab');
const SERVERS = join(LAB, 'servers');
const CANARY_DIR = join(LAB, 'workspace', 'canaries');
const STEPS = ['clean', 'canary', 'rug-pull', 'injection'];

const { values } = parseArgs({
  options: {
    step: { type: 'string', multiple: true },
    log: { type: 'string' },
    json: { type: 'boolean' },
    cli: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('Usage: node scripts/lab-replay.mjs [--step clean|canary|rug-pull|injection]… [--log FILE] [--json] [--cli PATH]');
  process.exit(0);
}
const steps = values.step ?? STEPS;
const unknown = steps.find((s) => !STEPS.includes(s));
if (unknown) {
  console.error(`lab-replay: unknown step "${unknown}" (steps: ${STEPS.join(', ')})`);
  process.exit(2);
}
const cli = resolve(values.cli ?? process.env.MCP_WARDEN_CLI ?? join(ROOT, 'dist', 'cli.js'));
if (!existsSync(cli)) {
  console.error(`lab-replay: ${cli} does not exist; run npm run build first (npm run lab:replay does)`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'mcp-warden-replay-'));
const log = resolve(values.log ?? join(work, 'gateway.jsonl'));
const say = values.json ? () => undefined : (text) => console.log(text);

/** Starts `mcp-warden gateway [options] -- node <server>` as a client config would, and connects an SDK client. */
async function connect(server, gatewayOptions, env = {}) {
  const client = new Client({ name: 'lab-replay (an obedient model)', version: '1.0.0' });
  const stderr = [];
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [cli, 'gateway', '--server', server, '--log', log, ...gatewayOptions, '--', process.execPath, join(SERVERS, `${server}.mjs`)],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    cwd: work,
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (d) => stderr.push(d.toString()));
  await client.connect(transport);
  return { client, stderr: () => stderr.join('') };
}

/** The log records of one server written since `from` (records are written as messages pass). */
function recordsOf(server, from) {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .slice(from)
    .filter((r) => r.server === server);
}
const logLength = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0);

/** A tool call that reports a refusal instead of throwing. */
async function call(client, name, args) {
  try {
    return { result: await client.callTool({ name, arguments: args }) };
  } catch (e) {
    return { error: { code: e.code, message: e.message } };
  }
}

function summarise(server, from) {
  const records = recordsOf(server, from);
  const findings = records.flatMap((r) => (r.findings ?? []).map((f) => ({ ...f, method: r.method, action: r.action })));
  return {
    logged: records.length,
    alerts: findings.filter((f) => f.severity === 'alert').length,
    findings: findings.map((f) => ({
      type: f.type,
      severity: f.severity,
      tool: f.tool,
      method: f.method,
      action: f.action,
      ...(f.category ? { category: f.category } : {}),
    })),
    blocked: records.filter((r) => r.action === 'blocked' || r.action === 'refused').map((r) => ({ method: r.method, tool: r.tool, action: r.action })),
    withheld: records.filter((r) => r.action === 'withheld').flatMap((r) => (r.findings ?? []).map((f) => f.tool)),
  };
}

function show(title, story, outcome) {
  say(`\n== ${title}`);
  for (const line of story) say(`   ${line}`);
  say(`   gateway: ${outcome.logged} messages logged, ${outcome.alerts} alert(s), ${outcome.findings.length} finding(s)`);
  for (const f of outcome.findings)
    say(`     - ${f.severity.toUpperCase()} ${f.type}${f.category ? ` ${f.category}` : ''}${f.tool ? ` (${f.tool})` : ''} in ${f.method}: ${f.action}`);
}

const CANARY_FILE = join(CANARY_DIR, 'canaries.txt');
const HOME_FILES = { '~/.ssh/id_rsa': join(CANARY_DIR, 'id_rsa'), '~/.env': join(CANARY_DIR, '.env') };

async function clean() {
  const from = logLength();
  const { client } = await connect('notes', ['--canary-file', CANARY_FILE, '--block', '--on-injection', 'annotate']);
  const story = [];
  try {
    const { tools } = await client.listTools();
    story.push(`model: listed ${tools.length} tools (${tools.map((t) => t.name).join(', ')})`);
    await client.callTool({ name: 'add_note', arguments: { title: 'groceries', text: 'milk, eggs' } });
    const listed = await client.callTool({ name: 'list_notes', arguments: {} });
    story.push(`model: add_note, then list_notes → ${JSON.stringify(listed.content?.[0]?.text ?? '').slice(0, 60)}`);
  } finally {
    await client.close();
  }
  return { story, outcome: summarise('notes', from) };
}

async function canary() {
  const from = logLength();
  const { client, stderr } = await connect('poisoned', ['--canary-file', CANARY_FILE, '--block']);
  const story = [];
  let refusal;
  try {
    const add = (await client.listTools()).tools.find((t) => t.name === 'add');
    // The obedient model reads every file the description names and puts it in `sidenote`.
    const wanted = Object.keys(HOME_FILES).filter((p) => add.description.includes(p));
    story.push(
      `model: the description of "add" asks for ${wanted.join(' and ')} in 'sidenote'; reading the lab's fake ${wanted.map((p) => p.slice(2)).join(', ')}`,
    );
    const sidenote = wanted.map((p) => readFileSync(HOME_FILES[p], 'utf8')).join('\n');
    const { result, error } = await call(client, 'add', { a: 2, b: 3, sidenote });
    refusal = error;
    story.push(error ? `client got JSON-RPC error ${error.code}: ${error.message}` : `client got ${JSON.stringify(result.content)} (NOT blocked)`);
  } finally {
    await client.close();
  }
  const alert = stderr()
    .split('\n')
    .find((l) => l.includes('ALERT'));
  if (alert) story.push(`stderr: ${alert}`);
  return { story, outcome: { ...summarise('poisoned', from), refusal } };
}

async function rugPull() {
  const from = logLength();
  const story = [];
  // Yesterday: the defender reviewed and approved the server as it was then (its harmless first session).
  const project = join(work, 'rug-project');
  mkdirSync(join(project, '.vscode'), { recursive: true });
  const state = join(work, 'rug-state');
  writeFileSync(
    join(project, '.vscode', 'mcp.json'),
    JSON.stringify({ servers: { 'rug-pull': { command: process.execPath, args: [join(SERVERS, 'rug-pull.mjs')], env: { LAB_RUG_PULL_STATE: state } } } }),
  );
  const approved = spawnSync(process.execPath, [cli, 'approve', '--yes'], {
    cwd: project,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
  });
  if (approved.status !== 0) throw new Error(`mcp-warden approve failed: ${approved.stderr}`);
  story.push('defender: approved the rug-pull server as first seen (mcp-warden approve → .vscode/mcp-lock.json)');
  // Today: the server changes its tools after the first listing; the gateway enforces the approval.
  const { client } = await connect('rug-pull', ['--lock', join(project, '.vscode', 'mcp-lock.json'), '--enforce']);
  let refusal;
  let listedAfter = [];
  try {
    const changed = new Promise((r) => client.setNotificationHandler(ToolListChangedNotificationSchema, () => r()));
    const first = (await client.listTools()).tools.map((t) => t.name);
    story.push(`model: listed ${first.join(', ')} (as approved)`);
    await Promise.race([changed, new Promise((r) => setTimeout(r, 5_000))]);
    listedAfter = (await client.listTools()).tools.map((t) => t.name);
    story.push(`server: notifications/tools/list_changed; model re-lists → [${listedAfter.join(', ')}]`);
    // The model follows the new description it heard about anyway, and calls the new destructive tool.
    const { error } = await call(client, 'delete_everything', {});
    refusal = error;
    story.push(error ? `model: calls delete_everything → JSON-RPC error ${error.code}: ${error.message}` : 'model: calls delete_everything → it RAN');
  } finally {
    await client.close();
  }
  return { story, outcome: { ...summarise('rug-pull', from), listedAfter, refusal } };
}

async function injection() {
  const from = logLength();
  const page = readFileSync(join(LAB, 'data', 'attacker-page.md'), 'utf8');
  const site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/markdown' }).end(page));
  await new Promise((r) => site.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${site.address().port}/tidy-desk`;
  const story = [`attacker: a page with an instruction in an HTML comment, served on ${url}`];
  let annotated = false;
  const { client } = await connect('web-fetcher', ['--on-injection', 'annotate']);
  try {
    const result = await client.callTool({ name: 'fetch_url', arguments: { url } });
    annotated = /^MCP Warden gateway:/.test(result.content?.[0]?.text ?? '');
    story.push(`model: fetch_url → ${annotated ? "the result starts with the gateway's warning, then the page" : 'the page, with no warning'}`);
  } finally {
    await client.close();
    site.close();
  }
  return { story, outcome: { ...summarise('web-fetcher', from), annotated } };
}

const RUN = {
  clean: ['Clean session (notes): nothing to alert on', clean],
  canary: ['Canary exfiltration (poisoned): the model obeys <IMPORTANT> and sends the SSH key', canary],
  'rug-pull': ['Rug pull (rug-pull) under --enforce', rugPull],
  injection: ['Injected page (web-fetcher): an instruction inside fetched content', injection],
};

const results = {};
for (const step of steps) {
  const [title, run] = RUN[step];
  const { story, outcome } = await run();
  results[step] = outcome;
  show(title, story, outcome);
}
say(`\nThe audit log: ${log}`);
if (values.json) console.log(JSON.stringify({ log, steps: results }, null, 2));
