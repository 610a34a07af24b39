// Time to read and lint configs of 10 to 10,000 servers, as a ratio to a bare jsonc-parser parse of
// the same text in the same run, and how that time grows with the number of servers.
import { parse, parseTree } from 'jsonc-parser';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadConfigText } from '../src/core/config/load';
import { lintFile } from '../src/core/engine/lint';
import { createProject } from '../src/core/engine/project';
import { ALL_RULES } from '../src/core/rules/index';

const SIZES = [10, 100, 1_000, 10_000];
const TARGET_RATIO = 3;

/** A collection between samples keeps one sample's garbage from being billed to the next. */
function collector(): () => void {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    return () => gc();
  } catch {
    return () => {};
  }
}

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
  engine: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Mean time of one call over `reps` back-to-back calls (small inputs are too quick to time singly). */
function timeMs(fn: () => unknown, reps: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / reps;
}

function engineRun(text: string): number {
  const file = loadConfigText(text, { path: '/bench/project/.cursor/mcp.json' });
  return lintFile(file, createProject([file], ['/bench/project']), { rules: ALL_RULES }).length + file.servers.length;
}

/** Median times of the three contenders, measured interleaved so they share the machine's state. */
function measure(text: string, samples: number, reps: number, gc: () => void): Sample {
  const taken: Sample[] = [];
  timeMs(() => parseTree(text), reps);
  timeMs(() => parse(text), reps);
  timeMs(() => engineRun(text), reps);
  for (let i = 0; i < samples; i++) {
    gc();
    const tree = timeMs(() => parseTree(text), reps);
    gc();
    const plain = timeMs(() => parse(text), reps);
    gc();
    const engine = timeMs(() => engineRun(text), reps);
    taken.push({ parseTree: tree, parse: plain, engine });
  }
  return {
    parseTree: median(taken.map((s) => s.parseTree)),
    parse: median(taken.map((s) => s.parse)),
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

const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));

export async function run(): Promise<void> {
  const gc = collector();
  console.log(`Parse + extract + lint (${ALL_RULES.length} rules) vs bare jsonc-parser, median of n samples × reps runs, times in ms per run.`);
  console.log('servers   bytes       n  parseTree    parse   engine  ×parseTree  ×parse  µs/server');
  const rows: { size: number; sample: Sample }[] = [];
  for (const size of SIZES) {
    const text = generateConfig(size);
    const reps = Math.max(1, Math.round(2_000 / size));
    const samples = size >= 10_000 ? 9 : 15;
    const sample = measure(text, samples, reps, gc);
    rows.push({ size, sample });
    console.log(
      [
        String(size).padStart(7),
        String(text.length).padStart(7),
        `${samples}×${reps}`.padStart(7),
        fmt(sample.parseTree).padStart(10),
        fmt(sample.parse).padStart(8),
        fmt(sample.engine).padStart(8),
        (sample.engine / sample.parseTree).toFixed(2).padStart(11),
        (sample.engine / sample.parse).toFixed(2).padStart(7),
        ((sample.engine * 1000) / size).toFixed(1).padStart(10),
      ].join(' '),
    );
  }
  const slope = (key: keyof Sample) => logLogSlope(rows.map((r) => ({ size: r.size, time: r.sample[key] })));
  const largeRows = rows.filter((r) => r.size >= 100);
  const largeSlope = logLogSlope(largeRows.map((r) => ({ size: r.size, time: r.sample.engine })));
  console.log(
    `Growth (log-log slope of time over servers, 1.00 = linear): engine ${slope('engine').toFixed(2)} ` +
      `(${largeSlope.toFixed(2)} from 100 servers up), parseTree ${slope('parseTree').toFixed(2)}, parse ${slope('parse').toFixed(2)}.`,
  );
  const worstTree = Math.max(...rows.map((r) => r.sample.engine / r.sample.parseTree));
  const worstPlain = Math.max(...rows.map((r) => r.sample.engine / r.sample.parse));
  const verdict = (ratio: number) => (ratio <= TARGET_RATIO ? 'met' : 'MISSED');
  console.log(
    `Target ≤ ${TARGET_RATIO}× a bare parse at every size: vs parseTree ${verdict(worstTree)} (worst ${worstTree.toFixed(2)}×), ` +
      `vs parse ${verdict(worstPlain)} (worst ${worstPlain.toFixed(2)}×); growth ${largeSlope <= 1.15 ? 'linear' : 'SUPERLINEAR'}.`,
  );
}
