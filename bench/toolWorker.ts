// How long the tool-text analysis blocks the extension host's main thread, measured the way a user feels
// it: a 1 ms timer on the main thread (the longest gap between its ticks) and perf_hooks'
// monitorEventLoopDelay, while the work runs.
// 1. A session's start, each run in a fresh process (bench/_sessionChild.ts): load dist/extension.js as
//    activation does, then analyse the listings of the lab's servers (or the lab's 5 MB description) as
//    the extension does, in its worker thread; for comparison, as before: the analyzer loaded with the
//    extension (here from dist/gateway.js, where it now lives) and run on the main thread. Needs `npm run build` (dist/) and spawns the lab's servers once for their listings.
// 2. Steady state in this process: a 5 MB description through a warm worker vs in-thread.
// `npm run bench`, or alone: node -e "require('./out/bench/toolWorker.js').run()"
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { loadConfigText } from '../src/core/config/load';
import type { ServerSnapshot } from '../src/core/model/tool';
import { analyzeServer } from '../src/core/tools/analyze';
import { inspectAll } from '../src/live/inspect';
import { ToolAnalysisWorker } from '../src/node/toolAnalysis/analysisWorker';
import type { SessionFigures } from './_sessionChild';

const MB = 1024 * 1024;
const RUNS = 3;
/** The lab's servers a session connects (test/lab/workspace), the hostile ones that never list left out; the 5 MB one apart. */
const LAB_SESSION: Record<string, string> = {
  notes: 'notes.mjs',
  poisoned: 'poisoned.mjs',
  shadowing: 'shadowing.mjs',
  mail: 'mail.mjs',
  'rug-pull': 'rug-pull.mjs',
  fetcher: 'fetcher.mjs',
  'private-notes': 'private-notes.mjs',
  sender: 'sender.mjs',
  'many-tools': 'hostile-many-tools.mjs',
  everything: '../../../node_modules/@modelcontextprotocol/server-everything/dist/index.js stdio',
  filesystem: '../../../node_modules/@modelcontextprotocol/server-filesystem/dist/index.js .',
  memory: '../../../node_modules/@modelcontextprotocol/server-memory/dist/index.js',
};
const HUGE = { 'huge-description': 'hostile-huge-description.mjs' };

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'test', 'lab', 'servers')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The listings of the lab's servers, as the sidebar receives them when it connects them. */
async function listings(root: string, scripts: Record<string, string>): Promise<ServerSnapshot[]> {
  const servers: Record<string, unknown> = {};
  for (const [name, line] of Object.entries(scripts)) {
    const [script, ...args] = line.split(' ');
    servers[name] = { command: process.execPath, args: [join(root, 'test/lab/servers', script!), ...args] };
  }
  const entries = loadConfigText(JSON.stringify({ servers }), { path: join(root, 'test/lab/workspace/.vscode/mcp.json') }).servers;
  const results = await inspectAll(entries, { connectTimeoutMs: 60_000, requestTimeoutMs: 60_000, maxTextLength: 8 * MB });
  const failed = results.filter((r) => !r.snapshot).map((r) => r.entry.name);
  if (failed.length) throw new Error(`no listing from ${failed.join(', ')}`);
  return results.map((r) => r.snapshot!);
}

/** Each figure's worst over `RUNS` fresh processes. */
function worstSession(root: string, mode: 'worker' | 'in-thread', file: string): SessionFigures {
  const runs: SessionFigures[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, [join(__dirname, '_sessionChild.js'), mode, file, root], { encoding: 'utf8', maxBuffer: 16 * MB });
    runs.push(JSON.parse(out.trim().split('\n').pop()!) as SessionFigures);
  }
  const worst = (k: keyof SessionFigures) => Math.max(...runs.map((r) => r[k]));
  return {
    loadMs: worst('loadMs'),
    loadCpuMs: worst('loadCpuMs'),
    firstConnectLoadMs: worst('firstConnectLoadMs'),
    firstConnectLoadCpuMs: worst('firstConnectLoadCpuMs'),
    analysisCpuMs: worst('analysisCpuMs'),
    analysisBlockMs: worst('analysisBlockMs'),
    longestBlockMs: worst('longestBlockMs'),
    eventLoopDelayMaxMs: worst('eventLoopDelayMaxMs'),
    analysisWallMs: worst('analysisWallMs'),
    findings: worst('findings'),
  };
}

const sessionRow = (label: string, f: SessionFigures) =>
  `${label.padEnd(48)} activation load ${f.loadMs.toFixed(0).padStart(5)} ms (main-thread CPU ${f.loadCpuMs.toFixed(0).padStart(4)} ms)${f.firstConnectLoadMs > 0 ? ` · first connect loads dist/live.js ${f.firstConnectLoadMs.toFixed(0).padStart(4)} ms (CPU ${f.firstConnectLoadCpuMs.toFixed(0).padStart(4)} ms)` : ''} · analyses: longest block ${f.analysisBlockMs.toFixed(1).padStart(7)} ms, main-thread CPU in all ${f.analysisCpuMs.toFixed(1).padStart(7)} ms · whole run: longest block ${f.longestBlockMs.toFixed(1).padStart(7)} ms, event-loop delay max ${f.eventLoopDelayMaxMs.toFixed(1).padStart(7)} ms · findings after ${f.analysisWallMs.toFixed(0).padStart(5)} ms (${f.findings})`;

interface Blocking {
  wallMs: number;
  eventLoopDelayMaxMs: number;
  longestGapMs: number;
  findings: number;
}

/** Runs `work` while watching the event loop; the figures are for the whole run. */
async function measure(work: () => Promise<number> | number): Promise<Blocking> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let longestGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 1);
  histogram.enable();
  await new Promise((r) => setTimeout(r, 20));
  const started = performance.now();
  const findings = await work();
  const wallMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 20));
  histogram.disable();
  clearInterval(ticker);
  return { wallMs, eventLoopDelayMaxMs: histogram.max / 1e6, longestGapMs: longestGap, findings };
}

async function worstOf(work: () => Promise<number> | number): Promise<Blocking> {
  let worst: Blocking | undefined;
  for (let i = 0; i < RUNS; i++) {
    const b = await measure(work);
    if (!worst || b.eventLoopDelayMaxMs > worst.eventLoopDelayMaxMs) worst = b;
  }
  return worst!;
}

const row = (label: string, b: Blocking) =>
  `${label.padEnd(44)} ${b.wallMs.toFixed(0).padStart(6)} ms wall   longest block: event-loop delay max ${b.eventLoopDelayMaxMs.toFixed(1).padStart(7)} ms, 1 ms-tick gap ${b.longestGapMs.toFixed(1).padStart(7)} ms   (${b.findings} findings)`;

export async function run(): Promise<void> {
  const root = repoRoot();
  if (!existsSync(join(root, 'dist', 'extension.js')) || !existsSync(join(root, 'dist', 'gateway.js')))
    throw new Error('dist/ is missing: npm run build first');
  console.log(
    `the extension host's main thread during tool analysis; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs; worst of ${RUNS} runs each`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'mcp-warden-bench-'));
  const lab = await listings(root, LAB_SESSION);
  const huge = await listings(root, HUGE);
  const tools = lab.reduce((n, s) => n + s.tools.length, 0);
  console.log(`\nsession start, fresh process each run: ${lab.length} lab servers (${tools} tools), then the lab's 5 MB description alone`);
  for (const [name, snapshots] of [
    ['lab session', lab],
    ['5 MB description', huge],
  ] as const) {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(snapshots));
    console.log(sessionRow(`${name}, worker thread (the extension)`, worstSession(root, 'worker', file)));
    console.log(sessionRow(`${name}, in-thread (as before)`, worstSession(root, 'in-thread', file)));
  }
  console.log(`(load average now ${loadavg()[0]!.toFixed(1)})`);

  console.log('\nsteady state, this process (worker and analyzer warm):');
  const worker = new ToolAnalysisWorker({ onFallback: (reason) => console.log(`  worker fell back: ${reason}`) });
  try {
    const big = huge[0]!;
    await worker.analyze(big);
    analyzeServer(big);
    console.log(
      row(
        '5 MB description, worker thread',
        await worstOf(async () => {
          const result = await worker.analyze(big);
          return result.ranIn === 'worker' ? result.findings.length : -1;
        }),
      ),
    );
    console.log(row('5 MB description, in-thread', await worstOf(() => analyzeServer(big).length)));
  } finally {
    await worker.dispose();
  }
}
