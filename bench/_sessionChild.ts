// One editor session's start, in a fresh process (bench/toolWorker.ts runs it): load the extension's
// bundle as the extension host does at activation, then analyse the listings of a session as the
// extension does (every snapshot through the worker thread, or, for comparison, in-thread as before),
// while a 1 ms timer and an event-loop delay histogram watch the main thread. Prints one JSON line.
// node out/bench/_sessionChild.js <worker|in-thread> <snapshots.json> <repo>
import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { ServerSnapshot } from '../src/core/model/tool';
import type { AnalyzerModule } from '../src/node/toolAnalysis/protocol';
import { ToolAnalysisWorker } from '../src/node/toolAnalysis/analysisWorker';

export interface SessionFigures {
  /** The synchronous load of dist/extension.js (compile + module evaluation), and in-thread mode of the analyzer too: one block. */
  loadMs: number;
  /** The main thread's CPU time in that load (Linux; else the process's): what it blocks on a quiet machine. */
  loadCpuMs: number;
  /** The first connect's load of the live client, dist/live.js (0 for a build that has the live client in dist/extension.js). */
  firstConnectLoadMs: number;
  firstConnectLoadCpuMs: number;
  /**
   * The main thread's CPU time from the end of the load until every finding is in (Linux; else the process's):
   * on a quiet machine no block of that phase can be longer, whatever other processes do to the wall-clock figures.
   */
  analysisCpuMs: number;
  /** The longest gap between 1 ms ticks from the end of the load until every finding is in. */
  analysisBlockMs: number;
  /** The longest gap over the whole run, load included. */
  longestBlockMs: number;
  /** perf_hooks event-loop delay, max over the whole run. */
  eventLoopDelayMaxMs: number;
  /** From the end of the load until every snapshot's findings are in. */
  analysisWallMs: number;
  findings: number;
}

const [mode, snapshotsFile, repo] = process.argv.slice(2) as [string, string, string];
const snapshots = JSON.parse(readFileSync(snapshotsFile, 'utf8')) as ServerSnapshot[];
const resolve = (Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })._resolveFilename;
(Module as unknown as { _resolveFilename: typeof resolve })._resolveFilename = (request, ...rest) =>
  request === 'vscode' ? join(__dirname, '_vscodeStub.js') : resolve(request, ...rest);

async function main(): Promise<void> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let gap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 1);
  histogram.enable();
  await new Promise((r) => setTimeout(r, 30));

  const cpu = mainThreadCpuMs();
  const loadStart = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a built bundle, loaded as the extension host loads it
  require(join(repo, 'dist', 'extension.js'));
  // Before, the analyzer and its model were in the extension's bundle, loaded with it at activation.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same
  const analyzer = mode === 'in-thread' ? (require(join(repo, 'dist', 'gateway.js')) as AnalyzerModule) : undefined;
  const loadMs = performance.now() - loadStart;
  const loadCpuMs = mainThreadCpuMs() - cpu;
  await new Promise((r) => setImmediate(r));
  const loadGap = Math.max(gap, performance.now() - last);
  // Since the live client is a file of its own, the first connect loads it (src/extension/live/liveModule.ts): a later block.
  const liveFile = join(repo, 'dist', 'live.js');
  let firstConnectLoadMs = 0;
  let firstConnectLoadCpuMs = 0;
  if (existsSync(liveFile)) {
    const liveCpu = mainThreadCpuMs();
    const liveStart = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same
    require(liveFile);
    firstConnectLoadMs = performance.now() - liveStart;
    firstConnectLoadCpuMs = mainThreadCpuMs() - liveCpu;
  }
  gap = 0;
  last = performance.now();

  const started = performance.now();
  const analysisCpu = mainThreadCpuMs();
  let findings = 0;
  if (mode === 'worker') {
    // As AnalysisStore does: one worker, started when the first server connects, every snapshot sent to it.
    const worker = new ToolAnalysisWorker({ workerFile: join(repo, 'dist', 'gateway.js'), onFallback: (r) => console.error(`fell back: ${r}`) });
    worker.warm();
    const results = await Promise.all(snapshots.map((s) => worker.analyze(s, { otherServers: [] })));
    findings = results.reduce((n, r) => n + (r.ranIn === 'worker' ? r.findings.length : Number.NaN), 0);
    await worker.dispose();
  } else {
    // As the extension did before: the analyzer in the extension host, each snapshot in its own event.
    for (const s of snapshots) {
      await new Promise((r) => setImmediate(r));
      findings += analyzer!.analyzeServer(s, { otherServers: [] }).length;
    }
  }
  const analysisWallMs = performance.now() - started;
  const analysisCpuMs = mainThreadCpuMs() - analysisCpu;
  await new Promise((r) => setTimeout(r, 30));
  clearInterval(ticker);
  histogram.disable();
  const figures: SessionFigures = {
    loadMs,
    loadCpuMs,
    firstConnectLoadMs,
    firstConnectLoadCpuMs,
    analysisCpuMs,
    analysisBlockMs: gap,
    longestBlockMs: Math.max(loadGap, firstConnectLoadMs, gap),
    eventLoopDelayMaxMs: histogram.max / 1e6,
    analysisWallMs,
    findings,
  };
  console.log(JSON.stringify(figures));
}

/** CPU time of the calling thread (Linux: /proc/thread-self/schedstat, in ns), else of the whole process. */
function mainThreadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
}

void main();
