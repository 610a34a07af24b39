// The gateway's cost: added latency per request (median, p99) and throughput over 10,000 `tools/call`s
// to the npm server-everything, against the same server connected directly, in the same run.
// The gateway runs as a client config runs it (the real CLI, logging to a file, one canary, shield on).
//
// Fairness: every contender is driven by the same bare client, in the same process, with the same
// pipelining depth, after the same warm-up, in alternating rounds; each contender's ratio is against
// the direct connection of the same run. Besides the gateway, a bare pass-through proxy (a Node process
// that pipes bytes both ways and reads nothing) shows the floor any proxy process pays on this machine.
// MCP_WARDEN_BENCH_GATEWAY_BASELINE=<folder of another build> adds that build's gateway
// (<folder>/out/src/cli/main.js, or its out-mine/) as a contender, so before/after share one run.
// Startup (time and CPU to the first answer) is measured on the bundles a user runs (dist/cli.js,
// dist/gateway.js), when `npm run build` made them.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const REPO = join(__dirname, '..', '..');
const CLI = join(__dirname, '..', 'src', 'cli', 'main.js');
const EVERYTHING = join(REPO, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');
const CALLS = 10_000;
const IN_FLIGHT = 16;
/** Contenders alternate in this many rounds, so the load of a shared machine drifts over all alike. */
const ROUNDS = 10;
const WARM_UP = 500;
const STARTS = 5;
const CANARY = 'MCPW-BENCH-CANARY-0001';

/** Pipes bytes both ways and nothing else: what any proxy process costs, without reading the messages. */
const BARE_PROXY = `const c=require('child_process').spawn(process.argv[1],process.argv.slice(2),{stdio:['pipe','pipe','inherit']});
process.stdin.pipe(c.stdin);c.stdout.pipe(process.stdout);c.on('exit',()=>process.exit());`;

/** A bare newline-JSON client (no SDK), so the measurement is the transport, not the client library. */
class LineClient {
  private buffer = '';
  private nextId = 1;
  private readonly waiting = new Map<number, () => void>();

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffer += chunk.toString('utf8');
      let nl = this.buffer.indexOf('\n');
      while (nl !== -1) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        const id = /"id":(\d+)/.exec(line)?.[1];
        if (id !== undefined && !line.includes('"method"')) this.waiting.get(Number(id))?.();
        nl = this.buffer.indexOf('\n');
      }
    });
    child.stderr.resume();
  }

  static async start(command: string, args: string[]): Promise<LineClient> {
    const client = new LineClient(spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] }));
    await client.request('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } });
    client.child.stdin.write(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) + '\n');
    return client;
  }

  request(method: string, params: unknown): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, () => {
        this.waiting.delete(id);
        resolve();
      });
      this.child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
    });
  }

  echo(i: number): Promise<void> {
    return this.request('tools/call', { name: 'echo', arguments: { message: `bench message ${i}` } });
  }

  async close(): Promise<void> {
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.stdin.end();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
    this.child.kill('SIGKILL');
  }
}

/** Sequential calls: the latency of each, in ms. */
async function latencies(client: LineClient, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await client.echo(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** `n` calls with IN_FLIGHT outstanding at a time: the seconds they took. */
async function pipelined(client: LineClient, n: number): Promise<number> {
  let next = 0;
  const t = performance.now();
  const worker = async () => {
    while (next < n) await client.echo(next++);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return (performance.now() - t) / 1000;
}

/** CPU time (user + system) a process has used, in ms; NaN off Linux or when it is gone. */
function cpuMs(pid: number | undefined): number {
  if (process.platform !== 'linux' || pid === undefined) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const [utime, stime] = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .slice(11, 13)
      .map(Number);
    return ((utime! + stime!) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return NaN;
  }
}

/** The server's pid: the client's child itself when direct, else the proxy's one child. */
function serverPid(client: LineClient, direct: boolean): number | undefined {
  const pid = client.child.pid;
  if (direct || pid === undefined || process.platform !== 'linux') return pid;
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'latin1').trim().split(/\s+/).filter(Boolean).map(Number);
    return children.length === 1 ? children[0] : undefined;
  } catch {
    return undefined;
  }
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const ms = (x: number) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(3)} ms`);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

interface Contender {
  name: string;
  command: string[];
  /** The program that runs `command`; Node unless said. */
  executable?: string;
  direct?: boolean;
  log?: string;
  client?: LineClient;
  server?: number;
  latency: number[];
  /** Seconds of each pipelined round. */
  seconds: number[];
  cpu: { client: number; proxy: number; server: number };
}

function gatewayArgs(cli: string, log: string): string[] {
  return [cli, 'gateway', '--log', log, '--log-max-bytes', String(1024 ** 3), '--canary', CANARY, '--', process.execPath, EVERYTHING, 'stdio'];
}

/**
 * bench/native-proxy.c, compiled with the system C compiler when there is one: two threads copying bytes with
 * blocking read/write, no event loop. It shows what a third process in the path costs on this machine even
 * when that process does nothing else; without a compiler the contender is left out.
 */
function nativeProxy(dir: string): { name: string; command: string[]; executable: string }[] {
  const binary = join(dir, 'native-proxy');
  const built = spawnSync('cc', ['-O2', '-pthread', '-o', binary, join(REPO, 'bench', 'native-proxy.c')], { stdio: 'ignore' });
  if (built.status !== 0) return [];
  return [{ name: 'native proxy (C)', command: [process.execPath, EVERYTHING, 'stdio'], executable: binary }];
}

function baselineCli(): string | undefined {
  const base = process.env.MCP_WARDEN_BENCH_GATEWAY_BASELINE;
  if (!base) return undefined;
  const cli = ['out', 'out-mine'].map((o) => join(base, o, 'src', 'cli', 'main.js')).find(existsSync);
  if (!cli) throw new Error(`MCP_WARDEN_BENCH_GATEWAY_BASELINE: no out/src/cli/main.js under ${base}`);
  return cli;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-warden-bench-gw-'));
  const contenders: Contender[] = [
    { name: 'direct', command: [EVERYTHING, 'stdio'], direct: true },
    { name: 'bare proxy', command: ['-e', BARE_PROXY, process.execPath, EVERYTHING, 'stdio'] },
    ...nativeProxy(dir),
    { name: 'gateway', command: gatewayArgs(CLI, join(dir, 'gateway.jsonl')), log: join(dir, 'gateway.jsonl') },
  ].map((c) => ({ ...c, latency: [], seconds: [], cpu: { client: 0, proxy: 0, server: 0 } }));
  const baseline = baselineCli();
  if (baseline) {
    const log = join(dir, 'baseline.jsonl');
    contenders.push({
      name: 'gateway (baseline)',
      command: gatewayArgs(baseline, log),
      log,
      latency: [],
      seconds: [],
      cpu: { client: 0, proxy: 0, server: 0 },
    });
  }
  try {
    for (const c of contenders) {
      c.client = await LineClient.start(c.executable ?? process.execPath, c.command);
      c.server = serverPid(c.client, c.direct === true);
    }
    // Warm up all (JIT, the analyzer's first use), then alternate rounds so drift on a shared machine hits all.
    for (const c of contenders) await latencies(c.client!, WARM_UP);
    for (let round = 0; round < ROUNDS; round++) for (const c of contenders) c.latency.push(...(await latencies(c.client!, CALLS / ROUNDS)));
    for (let round = 0; round < ROUNDS; round++)
      for (const c of contenders) {
        const pid = c.client!.child.pid;
        const before = { client: process.cpuUsage(), proxy: cpuMs(pid), server: cpuMs(c.server) };
        c.seconds.push(await pipelined(c.client!, CALLS / ROUNDS));
        const used = process.cpuUsage(before.client);
        c.cpu.client += (used.user + used.system) / 1000;
        if (c.direct) c.cpu.server += cpuMs(pid) - before.proxy;
        else {
          c.cpu.proxy += cpuMs(pid) - before.proxy;
          c.cpu.server += cpuMs(c.server) - before.server;
        }
      }
    report(contenders);
    for (const c of contenders.filter((c) => c.log))
      console.log(`  audit log        ${c.name}: ${statSync(c.log!).size} bytes for ${2 * (2 * CALLS + WARM_UP) + 3} messages`);
  } finally {
    await Promise.all(contenders.map((c) => c.client?.close()));
  }
  decisions();
  try {
    await startup(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(contenders: Contender[]): void {
  const direct = contenders[0]!;
  const rate = (c: Contender) => CALLS / c.seconds.reduce((a, b) => a + b, 0);
  console.log(
    `gateway: ${CALLS} sequential tools/call echo to server-everything per contender, then ${CALLS} with ${IN_FLIGHT} in flight ` +
      `(${ROUNDS} alternating rounds, after ${WARM_UP} warm-up calls each; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
  );
  for (const c of contenders) {
    const median = quantile(c.latency, 0.5);
    const p99 = quantile(c.latency, 0.99);
    const line = [`  ${c.name.padEnd(19)} latency median ${ms(median)}`, `p99 ${ms(p99)}`];
    if (c !== direct) line.push(`added ${ms(median - quantile(direct.latency, 0.5))} (p99 ${ms(p99 - quantile(direct.latency, 0.99))})`);
    console.log(line.join('  '));
  }
  for (const c of contenders) {
    const roundRatios = c.seconds.map((s, i) => direct.seconds[i]! / s);
    const line = [`  ${c.name.padEnd(19)} throughput ${rate(c).toFixed(0)} calls/s`];
    // The ratio is total calls over total time against direct; the median of the per-round ratios is shown beside it.
    if (c !== direct)
      line.push(
        `ratio ${pct(rate(c) / rate(direct))} (median of rounds ${pct(quantile(roundRatios, 0.5))})${c.name.startsWith('gateway') ? '  target ≥ 90 %' : ''}`,
      );
    console.log(line.join('  '));
  }
  console.log('  CPU per pipelined call (user + system): client / proxy / server');
  for (const c of contenders)
    console.log(`  ${c.name.padEnd(19)} ${ms(c.cpu.client / CALLS)} / ${c.direct ? '—' : ms(c.cpu.proxy / CALLS)} / ${ms(c.cpu.server / CALLS)}`);
}

/**
 * The gateway's decisions alone, in this process (no I/O): one echo call and its result through the
 * session, each record encoded as the log does; best of 9 alternating runs, for the baseline too.
 */
function decisions(): void {
  type Session = { fromClient(l: string, b: number, t: number): Outcome; fromServer(l: string, b: number, t: number): Outcome };
  type Outcome = { record: unknown; deferred?: () => void };
  const builds: [string, string][] = [['gateway', join(__dirname, '..', 'src')]];
  const baseline = baselineCli();
  if (baseline) builds.push(['gateway (baseline)', join(baseline, '..', '..')]);
  const sessions = builds.map(([name, src]) => {
    const load = createRequire(__filename);
    const { GatewaySession } = load(join(src, 'core', 'gateway', 'session.js')) as {
      GatewaySession: new (o: unknown) => Session;
    };
    // Records encoded as that build's audit log encodes them (recordJson, or JSON.stringify in builds before it).
    const recordJsonFile = join(src, 'core', 'gateway', 'recordJson.js');
    const encode = existsSync(recordJsonFile) ? (load(recordJsonFile) as { recordJson: (r: unknown) => string }).recordJson : JSON.stringify;
    const policy = { canaries: [CANARY], block: false, onInjection: 'warn', enforce: false };
    return {
      name,
      encode,
      session: new GatewaySession({ server: 'everything', policy, pins: null, normalizeTool: (t: unknown) => t }),
      best: Infinity,
    };
  });
  const calls = Array.from({ length: 1000 }, (_, i) =>
    JSON.stringify({ jsonrpc: '2.0', id: i, method: 'tools/call', params: { name: 'echo', arguments: { message: `bench message ${i}` } } }),
  );
  const results = Array.from({ length: 1000 }, (_, i) =>
    JSON.stringify({ result: { content: [{ type: 'text', text: `Echo: bench message ${i}` }] }, jsonrpc: '2.0', id: i }),
  );
  let size = 0;
  for (let run = 0; run < 9; run++)
    for (const s of sessions) {
      // CPU time, not wall time: on a shared machine the thread may wait for a core in between.
      const t = process.cpuUsage();
      for (let i = 0; i < 20_000; i++) {
        const call = s.session.fromClient(calls[i % 1000]!, 100, i / 10);
        size += s.encode(call.record).length;
        const result = s.session.fromServer(results[i % 1000]!, 100, i / 10 + 0.05);
        result.deferred?.();
        size += s.encode(result.record).length;
      }
      const used = process.cpuUsage(t);
      s.best = Math.min(s.best, (used.user + used.system) / 20_000);
    }
  if (size === 0) throw new Error('no records');
  console.log(
    `  decisions per call, in process (both messages, records encoded as the log does; CPU, best of 9): ${sessions.map((s) => `${s.name} ${s.best.toFixed(2)} µs`).join('  ')}`,
  );
}

/** Time and CPU from spawn to the answer to `initialize`, median of STARTS starts, for the direct server and each bundle. */
async function startup(dir: string): Promise<void> {
  const bundles: { name: string; args: string[] }[] = [{ name: 'direct', args: [EVERYTHING, 'stdio'] }];
  for (const [name, file] of [
    ['dist/gateway.js', join(REPO, 'dist', 'gateway.js')],
    ['dist/cli.js', join(REPO, 'dist', 'cli.js')],
  ] as const)
    if (existsSync(file)) bundles.push({ name, args: gatewayArgs(file, join(dir, 'startup.jsonl')) });
  if (bundles.length === 1) return console.log('  startup          skipped (no dist/ bundles: npm run build)');
  const samples = new Map(bundles.map((b) => [b.name, { wall: [] as number[], cpu: [] as number[] }]));
  for (let i = 0; i < STARTS; i++)
    for (const b of bundles) {
      const t = performance.now();
      const client = await LineClient.start(process.execPath, b.args);
      samples.get(b.name)!.wall.push(performance.now() - t);
      samples.get(b.name)!.cpu.push(cpuMs(client.child.pid));
      await client.close();
    }
  console.log(`  startup to the initialize answer, median of ${STARTS} (wall / CPU of the started process):`);
  for (const b of bundles) {
    const s = samples.get(b.name)!;
    console.log(`  ${b.name.padEnd(19)} ${ms(quantile(s.wall, 0.5))} / ${ms(quantile(s.cpu, 0.5))}`);
  }
}
