// Time to read and lint configs of 10 to 10,000 servers, as a ratio to a bare jsonc-parser parse of
// the same text in the same run, and how that time grows with the number of servers.
import { parse, parseTree } from 'jsonc-parser';
import { loadConfigText } from '../src/core/config/load';
import { lintFile } from '../src/core/engine/lint';
import { createProject } from '../src/core/engine/project';
import { ALL_RULES } from '../src/core/rules/index';
import type { Rule } from '../src/core/rules/rule';

const SIZES = [10, 100, 1_000, 10_000];
const TARGET_RATIO = 3;

/** A Cursor-style config: three stdio servers (args, env) for each remote one (url, headers). */
export function generateConfig(servers: number): string {
  const entries: Record<string, unknown> = {};
  for (let i = 0; i < servers; i++) {
    entries[`server-${i}`] =
      i % 4 === 3
        ? {
            type: 'http',
            url: `https://mcp-${i}.example.com/mcp`,
            headers: { Authorization: `Bearer \${env:TEAM_TOKEN_${i}}`, 'X-Team': 'platform' },
          }
        : {
            command: i % 2 === 0 ? 'npx' : 'uvx',
            args: ['-y', `@example/mcp-server-${i}@1.${i % 7}.${i % 10}`, '--root', `/srv/projects/app-${i}`],
            env: { API_KEY: `\${env:API_KEY_${i}}`, LOG_LEVEL: 'info', REGION: 'eu-west-1' },
          };
  }
  return JSON.stringify({ mcpServers: entries }, null, 2);
}

interface Sample {
  parseTree: number;
  parse: number;
  /** Parse + extract the servers, no rule. */
  load: number;
  /** Parse + extract + the six config rules of the foundation (parse errors, file, format, entries, duplicates). */
  base: number;
  /** Parse + extract + every registered rule. */
  engine: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Least time one sample of `measure` takes: a sub-millisecond parse is never timed on its own. */
const SAMPLE_MS = 150;

/** Mean time of one call over back-to-back calls repeated until they took at least `minMs` together. */
function timeMsAtLeast(fn: () => unknown, minMs: number): number {
  const start = process.hrtime.bigint();
  let calls = 0;
  let elapsed = 0;
  do {
    fn();
    calls++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  } while (elapsed < minMs);
  return elapsed / calls;
}

/** Mean time of one call over `reps` back-to-back calls (small inputs are too quick to time singly). */
function timeMs(fn: () => unknown, reps: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / reps;
}

function loadRun(text: string): number {
  return loadConfigText(text, { path: '/bench/project/.cursor/mcp.json' }).servers.length;
}

const BASE_RULES = ALL_RULES.filter((r) => r.meta.category === 'config');

function lintRun(text: string, rules: readonly Rule[]): number {
  const file = loadConfigText(text, { path: '/bench/project/.cursor/mcp.json' });
  return lintFile(file, createProject([file], ['/bench/project']), { rules }).length + file.servers.length;
}

const engineRun = (text: string) => lintRun(text, ALL_RULES);
const baseRun = (text: string) => lintRun(text, BASE_RULES);

/**
 * Median times of the contenders, each sample at least `SAMPLE_MS` long (so that garbage collection a
 * previous contender left behind is spread over many calls), their order reversed every other sample
 * so that load drift hits each of them. No garbage collection is forced between samples: after a full
 * collection V8 shrinks its young generation, which makes the next allocation-heavy run look several
 * times slower than in a warm process.
 */
function measure(text: string, samples: number): Sample {
  const taken: Sample[] = [];
  const contenders: [keyof Sample, () => unknown][] = [
    ['parseTree', () => parseTree(text)],
    ['parse', () => parse(text)],
    ['load', () => loadRun(text)],
    ['base', () => baseRun(text)],
    ['engine', () => engineRun(text)],
  ];
  for (const [, fn] of contenders) timeMsAtLeast(fn, SAMPLE_MS);
  for (let i = 0; i < samples; i++) {
    const sample = {} as Sample;
    for (const [key, fn] of i % 2 === 0 ? contenders : [...contenders].reverse()) sample[key] = timeMsAtLeast(fn, SAMPLE_MS);
    taken.push(sample);
  }
  return {
    parseTree: median(taken.map((s) => s.parseTree)),
    parse: median(taken.map((s) => s.parse)),
    load: median(taken.map((s) => s.load)),
    base: median(taken.map((s) => s.base)),
    engine: median(taken.map((s) => s.engine)),
  };
}

/** Least-squares slope of log(time) over log(size): 1 is linear growth. */
export function logLogSlope(points: { size: number; time: number }[]): number {
  const xs = points.map((p) => Math.log(p.size));
  const ys = points.map((p) => Math.log(p.time));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

/**
 * Where the engine's time goes at one size: parse + extract (loading), then each rule alone on a
 * freshly loaded file (so no rule profits from another's caches), timed without the loading.
 */
function breakdown(size: number, samples: number): void {
  const text = generateConfig(size);
  const load = () => loadConfigText(text, { path: '/bench/project/.cursor/mcp.json' });
  const treeTimes: number[] = [];
  const loadTimes: number[] = [];
  for (let i = 0; i < samples; i++) {
    treeTimes.push(timeMs(() => parseTree(text), 1));
    loadTimes.push(timeMs(load, 1));
  }
  const tree = median(treeTimes);
  const loading = median(loadTimes);
  const rows = ALL_RULES.map((rule) => {
    const times = Array.from({ length: samples }, () => {
      const file = load();
      const project = createProject([file], ['/bench/project']);
      return timeMs(() => lintFile(file, project, { rules: [rule] }), 1);
    });
    return { id: rule.meta.id, ms: median(times) };
  });
  console.log(`\nWhere the time goes at ${size.toLocaleString('en')} servers (median of ${samples}, ms; × = multiple of a bare parseTree, ${fmt(tree)} ms):`);
  console.log(`  ${'parse + extract (load)'.padEnd(30)} ${fmt(loading).padStart(8)}  ${(loading / tree).toFixed(2).padStart(5)}×`);
  for (const row of rows.sort((a, b) => b.ms - a.ms)) {
    console.log(`  ${('rule ' + row.id).padEnd(30)} ${fmt(row.ms).padStart(8)}  ${(row.ms / tree).toFixed(2).padStart(5)}×`);
  }
  console.log('  (Each rule runs alone here, so work that rules share through a cache, such as the parsed launch command line, is counted for each of them.)');
}

const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));

export async function run(): Promise<void> {
  console.log(
    `Times in ms per run (median of samples, each ≥ ${SAMPLE_MS} ms of back-to-back runs). load = parse + extract the servers; base = load + the ${BASE_RULES.length} config rules; all = load + all ${ALL_RULES.length} registered rules.`,
  );
  console.log('servers     bytes      n  parseTree    parse     load     base      all   load×tree  base×tree  base×parse  all×tree  all×parse  all µs/server');
  const rows: { size: number; sample: Sample }[] = [];
  for (const size of SIZES) {
    const text = generateConfig(size);
    const samples = size >= 10_000 ? 5 : 7;
    const sample = measure(text, samples);
    rows.push({ size, sample });
    const x = (a: number, b: number, width: number) => (a / b).toFixed(2).padStart(width);
    console.log(
      [
        String(size).padStart(7),
        String(text.length).padStart(9),
        `${samples}`.padStart(6),
        fmt(sample.parseTree).padStart(10),
        fmt(sample.parse).padStart(8),
        fmt(sample.load).padStart(8),
        fmt(sample.base).padStart(8),
        fmt(sample.engine).padStart(8),
        x(sample.load, sample.parseTree, 11),
        x(sample.base, sample.parseTree, 10),
        x(sample.base, sample.parse, 11),
        x(sample.engine, sample.parseTree, 9),
        x(sample.engine, sample.parse, 10),
        ((sample.engine * 1000) / size).toFixed(1).padStart(14),
      ].join(' '),
    );
  }
  const slope = (key: keyof Sample) => logLogSlope(rows.map((r) => ({ size: r.size, time: r.sample[key] })));
  const from100 = (key: keyof Sample) => logLogSlope(rows.filter((r) => r.size >= 100).map((r) => ({ size: r.size, time: r.sample[key] })));
  // The bare parser itself grows faster than linearly on large texts (memory effects), so growth is
  // judged by how much faster than the parser the engine grows.
  const excessSlope = Math.max(from100('base'), from100('engine')) - from100('parseTree');
  console.log(
    `Growth (log-log slope of time over servers, 1.00 = linear; from 100 servers up in brackets): all ${slope('engine').toFixed(2)} (${from100('engine').toFixed(2)}), ` +
      `base ${slope('base').toFixed(2)} (${from100('base').toFixed(2)}), load ${slope('load').toFixed(2)}, parseTree ${slope('parseTree').toFixed(2)}, parse ${slope('parse').toFixed(2)}.`,
  );
  const perServer = (key: keyof Sample) => rows.map((r) => `${r.size}: ${((r.sample[key] * 1000) / r.size).toFixed(1)}`).join(', ');
  console.log(`Time per server in µs: base ${perServer('base')}; all ${perServer('engine')}.`);
  const worst = (key: keyof Sample, against: keyof Sample) => Math.max(...rows.map((r) => r.sample[key] / r.sample[against]));
  const verdict = (ratio: number) => `${ratio <= TARGET_RATIO ? 'met' : 'MISSED'} (worst ${ratio.toFixed(2)}×)`;
  console.log(
    `Target ≤ ${TARGET_RATIO}× a bare parse at every size: base vs parseTree ${verdict(worst('base', 'parseTree'))}, vs parse ${verdict(worst('base', 'parse'))}; ` +
      `all rules vs parseTree ${verdict(worst('engine', 'parseTree'))}, vs parse ${verdict(worst('engine', 'parse'))}; ` +
      `growth ${excessSlope <= 0.15 ? 'linear' : 'SUPERLINEAR'} (slope at most ${excessSlope.toFixed(2)} above the bare parseTree's from 100 servers up).`,
  );
  breakdown(1_000, 15);
  knownServersWorstCase();
}

/**
 * The generated servers above are unknown packages, so they form no toxic flow. Here every server is
 * a well-known one (GitHub, filesystem, fetch…): hundreds of servers in one flow, the worst case for
 * `toxic-flow`'s messages and related locations (it was cubic once: 27 s at 1,000 servers).
 */
function knownServersWorstCase(): void {
  const packages = [
    '@modelcontextprotocol/server-github',
    '@modelcontextprotocol/server-filesystem',
    'mcp-server-fetch',
    '@modelcontextprotocol/server-memory',
    'some-mcp',
  ];
  const rule = ALL_RULES.find((r) => r.meta.id === 'toxic-flow')!;
  console.log('\nEvery server a well-known one (one big flow per kind), ms per lint and × a bare parseTree of the same text:');
  for (const n of [10, 100, 1_000]) {
    const servers: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) servers[`s${i}`] = { command: 'npx', args: ['-y', `${packages[i % packages.length]}@1.0.0`] };
    const text = JSON.stringify({ mcpServers: servers }, null, 2);
    const tree = median([1, 2, 3, 4, 5].map(() => timeMsAtLeast(() => parseTree(text), SAMPLE_MS)));
    const flow = median([1, 2, 3, 4, 5].map(() => timeMsAtLeast(() => lintRun(text, [rule]), SAMPLE_MS)));
    const all = median([1, 2, 3, 4, 5].map(() => timeMsAtLeast(() => engineRun(text), SAMPLE_MS)));
    console.log(
      `  ${String(n).padStart(5)} servers: toxic-flow alone ${fmt(flow).padStart(8)} ms (${fmt((flow * 1000) / n)} µs per server); all rules ${fmt(all)} ms = ${(all / tree).toFixed(2)}× parseTree`,
    );
  }
}
