// The gateway's cost: added latency per request (median, p99) and throughput over 10,000 `tools/call`s
// to the npm server-everything, against the same server connected directly, in the same run.
// The gateway runs as a client config runs it (the real CLI, logging to a file, one canary, shield on).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const REPO = join(__dirname, '..', '..');
const CLI = join(__dirname, '..', 'src', 'cli', 'main.js');
const EVERYTHING = join(REPO, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');
const CALLS = 10_000;
const IN_FLIGHT = 16;
/** Both sides alternate in this many rounds, so the load of a shared machine drifts over both alike. */
const ROUNDS = 10;

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

/** `n` calls with IN_FLIGHT outstanding at a time: calls per second. */
async function throughput(client: LineClient, n: number): Promise<number> {
  let next = 0;
  const t = performance.now();
  const worker = async () => {
    while (next < n) await client.echo(next++);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return n / ((performance.now() - t) / 1000);
}

/** CPU time (user + system) a process has used, in ms; undefined off Linux. */
function cpuMs(pid: number | undefined): number | undefined {
  if (process.platform !== 'linux' || pid === undefined) return undefined;
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  const [utime, stime] = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .slice(11, 13)
    .map(Number);
  return ((utime! + stime!) * 1000) / 100; // USER_HZ is 100 on Linux
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const ms = (x: number) => `${x.toFixed(3)} ms`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-warden-bench-gw-'));
  const log = join(dir, 'gateway.jsonl');
  const direct = await LineClient.start(process.execPath, [EVERYTHING, 'stdio']);
  const gateway = await LineClient.start(process.execPath, [
    CLI,
    'gateway',
    '--log',
    log,
    '--log-max-bytes',
    String(1024 ** 3),
    '--canary',
    'MCPW-BENCH-CANARY-0001',
    '--',
    process.execPath,
    EVERYTHING,
    'stdio',
  ]);
  try {
    // Warm up both (JIT, the analyzer's first use), then alternate rounds so drift on a shared machine hits both.
    await latencies(direct, 500);
    await latencies(gateway, 500);
    const lat = { direct: [] as number[], gateway: [] as number[] };
    const tput = { direct: [] as number[], gateway: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      lat.direct.push(...(await latencies(direct, CALLS / ROUNDS)));
      lat.gateway.push(...(await latencies(gateway, CALLS / ROUNDS)));
    }
    const cpu = { direct: 0, gateway: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      let before = cpuMs(direct.child.pid);
      tput.direct.push(await throughput(direct, CALLS / ROUNDS));
      cpu.direct += (cpuMs(direct.child.pid) ?? NaN) - (before ?? NaN);
      before = cpuMs(gateway.child.pid);
      tput.gateway.push(await throughput(gateway, CALLS / ROUNDS));
      cpu.gateway += (cpuMs(gateway.child.pid) ?? NaN) - (before ?? NaN);
    }
    const median = { direct: quantile(lat.direct, 0.5), gateway: quantile(lat.gateway, 0.5) };
    const p99 = { direct: quantile(lat.direct, 0.99), gateway: quantile(lat.gateway, 0.99) };
    // Calls per second over all rounds (total calls / total time), and the median of the per-round ratios.
    const overall = (rates: number[]) => CALLS / rates.reduce((t, r) => t + CALLS / ROUNDS / r, 0);
    const rate = { direct: overall(tput.direct), gateway: overall(tput.gateway) };
    const roundRatio = quantile(
      tput.gateway.map((g, i) => g / tput.direct[i]!),
      0.5,
    );
    console.log(
      `gateway: ${CALLS} sequential tools/call echo to server-everything each way, then ${CALLS} with ${IN_FLIGHT} in flight (${ROUNDS} alternating rounds each)`,
    );
    console.log(`  latency median   direct ${ms(median.direct)}  gateway ${ms(median.gateway)}  added ${ms(median.gateway - median.direct)}  (target ≤ 1 ms)`);
    console.log(`  latency p99      direct ${ms(p99.direct)}  gateway ${ms(p99.gateway)}  added ${ms(p99.gateway - p99.direct)}`);
    console.log(
      `  throughput       direct ${rate.direct.toFixed(0)} calls/s  gateway ${rate.gateway.toFixed(0)} calls/s  ratio ${((100 * rate.gateway) / rate.direct).toFixed(1)} %  (target ≥ 90 %; median of ${ROUNDS} alternating rounds ${(100 * roundRatio).toFixed(1)} %)`,
    );
    if (!Number.isNaN(cpu.gateway))
      console.log(
        `  CPU per call     server ${ms(cpu.direct / CALLS)}  gateway process alone ${ms(cpu.gateway / CALLS)} (the load average was ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores)`,
      );
    console.log(`  audit log        ${statSync(log).size} bytes for ${2 * (CALLS * 2 + 1000)} messages`);
  } finally {
    await Promise.all([direct.close(), gateway.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
