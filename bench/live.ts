// Time to list everything of 1, 5 and 20 lab servers concurrently vs one after another, and one
// server through MCP Warden vs the official MCP Inspector CLI (`--cli … --method tools/list`).
// All figures come from one run on this machine; ratios are what to compare.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfigText } from '../src/core/config/load';
import type { ServerEntry } from '../src/core/model/server';
import { inspectAll } from '../src/live/inspect';

const SCRIPTS = ['notes.mjs', 'poisoned.mjs', 'sender.mjs', 'fetcher.mjs', 'private-notes.mjs'];
const COUNTS = [1, 5, 20];
const LIMITS = { connectTimeoutMs: 60_000, requestTimeoutMs: 60_000 };

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'test', 'lab', 'servers')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function entries(root: string, count: number): ServerEntry[] {
  const servers: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) servers[`s${i}`] = { command: process.execPath, args: [join(root, 'test/lab/servers', SCRIPTS[i % SCRIPTS.length]!)] };
  return loadConfigText(JSON.stringify({ servers }), { path: join(root, 'test/lab/workspace/.vscode/mcp.json') }).servers;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

function runProcess(command: string, args: string[], cwd: string): Promise<{ ms: number; code: number | null; stdout: string }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.resume();
    child.once('error', reject);
    child.once('close', (code) => resolve({ ms: performance.now() - start, code, stdout }));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (a: number, b: number) => (a / b).toFixed(2);

export async function run(): Promise<void> {
  const root = repoRoot();
  console.log(`Machine: ${availableParallelism()} CPU(s), Node ${process.version}. Each server is a separate node process.`);
  await inspectAll(entries(root, 1), LIMITS); // warm the file cache

  console.log('\nList tools, prompts, resources and templates of N lab servers:');
  console.log('servers | concurrent | slowest server in it | one after another | sequential / concurrent | concurrent / slowest');
  console.log('------- | ---------- | -------------------- | ----------------- | ----------------------- | --------------------');
  for (const count of COUNTS) {
    const concurrent = await timed(() => inspectAll(entries(root, count), { ...LIMITS, concurrency: count }));
    const sequential = await timed(() => inspectAll(entries(root, count), { ...LIMITS, concurrency: 1 }));
    const failed = [...concurrent.value, ...sequential.value].filter((r) => r.status.state !== 'connected').length;
    if (failed > 0) throw new Error(`${failed} inspections failed`);
    const slowest = Math.max(...concurrent.value.map((r) => r.durationMs));
    console.log(
      `${String(count).padStart(7)} | ${seconds(concurrent.ms).padStart(10)} | ${seconds(slowest).padStart(20)} | ${seconds(sequential.ms).padStart(17)} | ${ratio(sequential.ms, concurrent.ms).padStart(23)} | ${ratio(concurrent.ms, slowest).padStart(20)}`,
    );
  }

  const server = join(root, 'test/lab/servers/notes.mjs');
  const inspector = join(root, 'node_modules/@modelcontextprotocol/inspector/cli/build/cli.js');
  const work = mkdtempSync(join(tmpdir(), 'mcp-warden-bench-'));
  mkdirSync(join(work, '.vscode'));
  writeFileSync(join(work, '.vscode/mcp.json'), JSON.stringify({ servers: { notes: { command: process.execPath, args: [server] } } }));
  const cliModule = join(dirname(__dirname), 'src/cli/inspect.js');
  const wardenScript = `require(${JSON.stringify(cliModule)}).runInspect(['.vscode/mcp.json','--yes','--format','json'], {cwd: process.cwd(), env: process.env, packageRoot: '.', version: '0', stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t)}).then((c) => process.exit(c))`;

  const inProcess = await timed(() => inspectAll(entries(root, 1), LIMITS));
  const warden = await runProcess(process.execPath, ['-e', wardenScript], work);
  const official = await runProcess(process.execPath, [inspector, '--cli', process.execPath, server, '--method', 'tools/list'], work);
  if (warden.code !== 0 || !warden.stdout.includes('add_note')) throw new Error(`mcp-warden inspect failed (${warden.code})`);
  if (official.code !== 0 || !official.stdout.includes('add_note')) throw new Error(`MCP Inspector CLI failed (${official.code})`);

  console.log('\nOne server (lab notes) from a cold process: MCP Warden lists all four lists, the Inspector only tools/list:');
  console.log('client                                         | time     | ratio to Inspector CLI');
  console.log('---------------------------------------------- | -------- | ----------------------');
  console.log(`MCP Inspector CLI --method tools/list          | ${seconds(official.ms).padStart(8)} | 1.00`);
  console.log(`mcp-warden inspect (new node process)          | ${seconds(warden.ms).padStart(8)} | ${ratio(warden.ms, official.ms)}`);
  console.log(`inspectServer in a running host (extension)    | ${seconds(inProcess.ms).padStart(8)} | ${ratio(inProcess.ms, official.ms)}`);
}

if (require.main === module) {
  run().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
