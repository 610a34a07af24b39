#!/usr/bin/env node
// Harvests real tool definitions from MCP servers published on the npm registry (issue 12, benign corpus).
//
// For each entry of packages.json: install the package (exact version when given, else the current one) into a scratch
// folder OUTSIDE the repository with lifecycle scripts disabled, start its bin over stdio with no credentials (dummy
// values only where a server refuses to start without a variable), list tools / prompts / resources / resource
// templates with the MCP SDK client, and write one corpus file per package with the exact resolved version.
// A server that hangs (e.g. tries to reach the network before answering) is killed with its whole process group and
// skipped. Nothing it prints is trusted beyond being stored as data.
//
// usage: node scripts/corpus/benign/harvest-npm.mjs [--only name,name] [--concurrency 3] [--scratch /tmp/harvest]
//        [--force] (re-harvest packages whose corpus file exists)
//        [--packages FILE] [--out DIR] (another package list and output folder, e.g. the holdout corpus:
//        --packages scripts/corpus/holdout/packages.json --out test/fixtures/tool-corpus-holdout/benign)
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync, statSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import { slugify, makeRecord, writeCorpusFile, today, BENIGN_DIR } from './lib.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const ONLY = opt('only', '') ? new Set(opt('only').split(',')) : null;
const CONCURRENCY = Math.min(3, Number(opt('concurrency', '3')));
const SCRATCH = resolve(opt('scratch', '/tmp/harvest'));
const FORCE = args.includes('--force');
const INSTALL_TIMEOUT_MS = 240_000;
const LIST_TIMEOUT_MS = 45_000;
const MAX_RESOURCES = 25; // dynamic resource lists (files, rows) are data, not definitions
const LOG = join(SCRATCH, 'harvest.log');

const packages = JSON.parse(readFileSync(resolve(opt('packages', join(HERE, 'packages.json'))), 'utf8')).packages;
const OUT_DIR = resolve(opt('out', BENIGN_DIR));

function log(line) {
  const text = `${new Date().toISOString()} ${line}`;
  console.log(text);
  appendFileSync(LOG, text + '\n');
}

function run(cmd, argv, options) {
  return new Promise((resolveRun) => {
    execFile(cmd, argv, { ...options, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => resolveRun({ error, stdout, stderr }));
  });
}

const specOf = (entry) => (entry.version ? `${entry.name}@${entry.version}` : entry.name);

async function npmInstall(dir, specs, timeout) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'harvest-scratch', private: true }));
  const res = await run(
    'npm',
    ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--no-package-lock', '--legacy-peer-deps', ...specs],
    { cwd: dir, timeout, env: { ...process.env, npm_config_update_notifier: 'false' } },
  );
  if (res.error) throw new Error(`install failed: ${(res.stderr || String(res.error)).slice(0, 400)}`);
}

// Installing a batch of packages into one folder shares their common dependencies (the SDK, zod, express…): on a busy
// machine this is several times faster than one install per package. A batch that fails falls back to one by one.
const batchDirs = new Map();
async function installBatch(batch, index) {
  const dir = join(SCRATCH, `batch-${index}`);
  try {
    await npmInstall(dir, batch.map(specOf), INSTALL_TIMEOUT_MS * 3);
    for (const e of batch) batchDirs.set(e.name, dir);
    log(`batch ${index} installed (${batch.length} packages)`);
  } catch (e) {
    log(`batch ${index} failed, installing one by one: ${e.message.slice(0, 200)}`);
  }
}

async function install(entry, dir) {
  if (batchDirs.has(entry.name) && existsSync(join(batchDirs.get(entry.name), 'node_modules', entry.name, 'package.json'))) {
    dir = batchDirs.get(entry.name);
  } else {
    await npmInstall(dir, [specOf(entry)], INSTALL_TIMEOUT_MS);
  }
  const pkgDir = join(dir, 'node_modules', entry.name);
  return { pkgDir, pkg: JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) };
}

function pickBin(entry, pkgDir, pkg) {
  let rel;
  if (typeof pkg.bin === 'string') rel = pkg.bin;
  else if (pkg.bin && typeof pkg.bin === 'object') {
    const names = Object.keys(pkg.bin);
    const want = entry.bin ?? names.find((n) => n === pkg.name.split('/').pop()) ?? names[0];
    rel = pkg.bin[want];
  } else if (entry.main) rel = entry.main;
  if (!rel) throw new Error('package has no bin');
  const path = join(pkgDir, rel);
  if (!existsSync(path)) throw new Error(`bin missing: ${rel}`);
  const head = readFileSync(path, 'utf8').slice(0, 200);
  const isNode = /\.(c|m)?js$/.test(path) || /^#!.*\bnode\b/.test(head);
  return { path, isNode };
}

// A stdio transport over a child we spawned ourselves, in its own process group, so we can kill the whole tree.
class ChildTransport {
  constructor(child) {
    this.child = child;
    this.buffer = new ReadBuffer();
  }
  async start() {
    this.child.stdout.on('data', (chunk) => {
      this.buffer.append(chunk);
      for (;;) {
        let msg;
        try {
          msg = this.buffer.readMessage();
        } catch (e) {
          continue; // a log line on stdout: not JSON-RPC, skip it
        }
        if (!msg) break;
        this.onmessage?.(msg);
      }
    });
    this.child.on('exit', () => this.onclose?.());
  }
  async send(message) {
    if (this.child.stdin.writable) this.child.stdin.write(serializeMessage(message));
  }
  async close() {
    killGroup(this.child);
  }
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

async function listAll(client, method, key) {
  const items = [];
  let cursor;
  for (let page = 0; page < 20; page++) {
    const res = await client.request({ method, params: cursor ? { cursor } : {} }, anySchema, { timeout: 20_000 });
    items.push(...(res[key] ?? []));
    cursor = res.nextCursor;
    if (!cursor) break;
  }
  return items;
}
// Results are stored as the server sent them; the SDK's strict result schemas would drop or reject fields.
const anySchema = { parse: (v) => v, safeParse: (v) => ({ success: true, data: v }), '~standard': { validate: (v) => ({ value: v }) } };

async function listServer(entry, bin, dir) {
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    TMPDIR: join(dir, 'tmp'),
    NODE_ENV: 'production',
    NO_UPDATE_NOTIFIER: '1',
    ...Object.fromEntries(Object.entries(entry.env ?? {}).map(([k, v]) => [k, v.replace('{scratch}', join(dir, 'data'))])),
  };
  mkdirSync(env.TMPDIR, { recursive: true });
  const argv = (entry.args ?? []).map((a) => a.replace('{scratch}', join(dir, 'data')));
  mkdirSync(join(dir, 'data'), { recursive: true });
  const cmd = bin.isNode ? process.execPath : bin.path;
  const cmdArgs = bin.isNode ? [bin.path, ...argv] : argv;
  const child = spawn(cmd, cmdArgs, { cwd: join(dir, 'data'), env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    if (stderr.length < 4000) stderr += d.toString();
  });
  child.on('error', () => {});
  const transport = new ChildTransport(child);
  const client = new Client({ name: 'mcp-warden-corpus-harvest', version: '1.0.0' }, { capabilities: {} });
  const timer = setTimeout(() => killGroup(child), LIST_TIMEOUT_MS);
  try {
    await client.connect(transport, { timeout: 30_000 });
    const caps = client.getServerCapabilities() ?? {};
    const info = client.getServerVersion() ?? {};
    const out = { info, tools: [], prompts: [], resources: [], resourceTemplates: [] };
    if (caps.tools) out.tools = await listAll(client, 'tools/list', 'tools');
    if (caps.prompts) out.prompts = await listAll(client, 'prompts/list', 'prompts').catch(() => []);
    if (caps.resources) {
      out.resources = (await listAll(client, 'resources/list', 'resources').catch(() => [])).slice(0, MAX_RESOURCES);
      out.resourceTemplates = await listAll(client, 'resources/templates/list', 'resourceTemplates').catch(() => []);
    }
    return out;
  } catch (e) {
    throw new Error(`${e.message}; stderr: ${stderr.slice(0, 600).replace(/\s+/g, ' ')}`);
  } finally {
    clearTimeout(timer);
    killGroup(child);
  }
}

function sourceGroupOf(entry, pkg) {
  if (entry.sourceGroup) return entry.sourceGroup;
  const url = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? '');
  const gh = url.match(/github(?:\.com)?[:/]([^/]+)\//i);
  if (gh) return gh[1].toLowerCase();
  if (entry.name.startsWith('@')) return entry.name.slice(1).split('/')[0];
  return slugify(entry.name);
}

function repoOf(pkg) {
  const url = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? '');
  const gh = url.match(/github(?:\.com)?[:/]([^/]+\/[^/#.]+)/i);
  return gh ? gh[1] : undefined;
}

async function harvest(entry) {
  const slug = `npm-${slugify(entry.name)}`;
  const target = join(OUT_DIR, `${slug}.json`);
  if (!FORCE && existsSync(target)) return { entry, status: 'exists' };
  const ownDir = join(SCRATCH, slugify(entry.name));
  try {
    const { pkgDir, pkg } = await install(entry, ownDir);
    const dir = ownDir;
    mkdirSync(dir, { recursive: true });
    const bin = pickBin(entry, pkgDir, pkg);
    const listed = await listServer(entry, bin, dir);
    const records = [
      ...listed.tools.map((t) => makeRecord(slug, 'tool', t)),
      ...listed.prompts.map((p) => makeRecord(slug, 'prompt', p)),
      ...listed.resources.map((r) => makeRecord(slug, 'resource', r)),
      ...listed.resourceTemplates.map((r) => makeRecord(slug, 'resourceTemplate', r)),
    ];
    if (records.length === 0) return { entry, status: 'empty' };
    const doc = {
      source: {
        id: `npm:${entry.name}`,
        sourceGroup: sourceGroupOf(entry, pkg),
        kind: 'npm-listing',
        package: `${entry.name}@${pkg.version}`,
        ...(repoOf(pkg) ? { repo: repoOf(pkg) } : {}),
        license: typeof pkg.license === 'string' ? pkg.license : undefined,
        retrieved: today(),
        method:
          'installed with npm --ignore-scripts into a scratch folder, started over stdio with no credentials' +
          (entry.env ? ' (dummy values for required variables)' : '') +
          '; tools/list, prompts/list, resources/list, resources/templates/list with the MCP SDK client',
        serverInfo: listed.info,
      },
      server: entry.server ?? listed.info?.name ?? entry.name,
      official: Boolean(entry.official),
      why: entry.why,
      records,
    };
    writeCorpusFile(slug, doc, OUT_DIR);
    return { entry, status: 'ok', version: pkg.version, count: records.length };
  } catch (e) {
    return { entry, status: 'failed', error: e.message.slice(0, 700) };
  }
}

async function main() {
  mkdirSync(SCRATCH, { recursive: true });
  const queue = packages.filter((p) => !p.skip && (!ONLY || ONLY.has(p.name)) && (FORCE || !existsSync(join(OUT_DIR, `npm-${slugify(p.name)}.json`))));
  const BATCH = Number(opt('batch', '0'));
  const ready = new Map();
  if (BATCH > 1) {
    let chain = Promise.resolve();
    for (let i = 0; i < queue.length; i += BATCH) {
      const batch = queue.slice(i, i + BATCH);
      chain = chain.then(() => installBatch(batch, i / BATCH));
      for (const e of batch) ready.set(e.name, chain);
    }
  }
  const results = [];
  let next = 0;
  async function worker() {
    while (next < queue.length) {
      const entry = queue[next++];
      await ready.get(entry.name);
      const started = Date.now();
      const r = await harvest(entry);
      results.push(r);
      log(
        `${r.status.padEnd(7)} ${entry.name}${r.version ? '@' + r.version : ''} ${r.count ?? ''} ${((Date.now() - started) / 1000).toFixed(0)}s ${r.error ?? ''}`,
      );
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const statusFile = join(SCRATCH, 'status.json');
  const prior = existsSync(statusFile) ? JSON.parse(readFileSync(statusFile, 'utf8')) : {};
  for (const r of results) prior[r.entry.name] = { status: r.status, version: r.version, count: r.count, error: r.error };
  writeFileSync(statusFile, JSON.stringify(prior, null, 2));
  const ok = results.filter((r) => r.status === 'ok');
  log(`done: ${ok.length} ok, ${results.filter((r) => r.status === 'failed').length} failed, ${results.length} total`);
}

main();
