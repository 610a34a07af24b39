// Issue 14's cost target: with all rules on, parse + lint at most 3× a bare jsonc-parser parseTree of
// the same text, at 10 to 10,000 servers, growing linearly; for generated configs (unknown packages,
// no flow) and for the worst case of `toxic-flow`, every server a well-known one (one session, one
// huge flow per kind). The toxic-flow column is parse + extract + that rule alone. Times are CPU time of this process (user + system), not wall-clock, so other
// processes on a shared machine slow the figures less; each figure is the median of three runs,
// each run the median of several samples, and the three runs are printed too.
import { parseTree } from 'jsonc-parser';
import { loadConfigText } from '../src/core/config/load';
import { lintFile } from '../src/core/engine/lint';
import { createProject } from '../src/core/engine/project';
import { ALL_RULES } from '../src/core/rules/index';
import type { Rule } from '../src/core/rules/rule';
import { generateConfig, logLogSlope } from './lint';

const TARGET_RATIO = 3;
const RUNS = 3;
const PATH = '/bench/project/.cursor/mcp.json';
const WELL_KNOWN = [
  '@modelcontextprotocol/server-github',
  '@modelcontextprotocol/server-filesystem',
  'mcp-server-fetch',
  '@modelcontextprotocol/server-memory',
  'some-mcp',
];

/** Every server a well-known one, round robin: hundreds of servers in one flow of each kind. */
export function wellKnownConfig(servers: number): string {
  const entries: Record<string, unknown> = {};
  for (let i = 0; i < servers; i++) entries[`s${i}`] = { command: 'npx', args: ['-y', `${WELL_KNOWN[i % WELL_KNOWN.length]}@1.0.0`] };
  return JSON.stringify({ mcpServers: entries }, null, 2);
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** CPU ms of one call, over `reps` back-to-back calls. */
function cpuMs(fn: () => unknown, reps: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < reps; i++) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / reps;
}

/** Parse + extract + lint with `rules` (the toxic-flow column is load + that one rule). */
function lint(text: string, rules: readonly Rule[]): number {
  const file = loadConfigText(text, { path: PATH });
  return lintFile(file, createProject([file], ['/bench/project']), { rules }).length;
}

interface Run {
  tree: number;
  all: number;
  flow: number;
}

/** One run: parseTree, all rules and toxic-flow alone interleaved, median of `samples`. */
function oneRun(text: string, samples: number, reps: number): Run {
  const flowRule = ALL_RULES.filter((r) => r.meta.id === 'toxic-flow');
  cpuMs(() => parseTree(text), reps);
  cpuMs(() => lint(text, ALL_RULES), reps);
  const tree: number[] = [];
  const all: number[] = [];
  const flow: number[] = [];
  for (let i = 0; i < samples; i++) {
    tree.push(cpuMs(() => parseTree(text), reps));
    all.push(cpuMs(() => lint(text, ALL_RULES), reps));
    flow.push(cpuMs(() => lint(text, flowRule), reps));
  }
  return { tree: median(tree), all: median(all), flow: median(flow) };
}

const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));

function table(title: string, make: (n: number) => string, sizes: readonly number[]): number {
  console.log(`\n${title}`);
  console.log(`servers  parseTree ms   all rules ms   toxic-flow ms   all×tree (median; the ${RUNS} runs)`);
  const points: { size: number; time: number; tree: number }[] = [];
  let worst = 0;
  for (const size of sizes) {
    const text = make(size);
    const reps = Math.max(1, Math.round(2_000 / size));
    const samples = size >= 10_000 ? 3 : 7;
    const runs = Array.from({ length: RUNS }, () => oneRun(text, samples, reps));
    const ratios = runs.map((r) => r.all / r.tree);
    const ratio = median(ratios);
    worst = Math.max(worst, ratio);
    const tree = median(runs.map((r) => r.tree));
    const all = median(runs.map((r) => r.all));
    points.push({ size, time: all, tree });
    console.log(
      `${String(size).padStart(7)} ${fmt(tree).padStart(12)} ${fmt(all).padStart(14)} ${fmt(median(runs.map((r) => r.flow))).padStart(15)}   ${ratio.toFixed(2).padStart(6)}× (${ratios.map((r) => r.toFixed(2)).join(', ')})`,
    );
  }
  const slope = logLogSlope(points.map((p) => ({ size: p.size, time: p.time })));
  const treeSlope = logLogSlope(points.map((p) => ({ size: p.size, time: p.tree })));
  console.log(`  growth: log-log slope ${slope.toFixed(2)} (parseTree ${treeSlope.toFixed(2)}; 1.00 = linear)`);
  return worst;
}

export async function run(): Promise<void> {
  console.log(`All rules (${ALL_RULES.length}) vs a bare jsonc-parser parseTree, CPU time, median of ${RUNS} runs.`);
  const generated = table('Generated configs (unknown packages, no flow):', generateConfig, [10, 100, 1_000, 10_000]);
  const known = table('Every server a well-known one (one session, one flow per kind of hundreds of servers):', wellKnownConfig, [10, 100, 1_000, 10_000]);
  const worst = Math.max(generated, known);
  console.log(`\nTarget ≤ ${TARGET_RATIO}× at every size: ${worst <= TARGET_RATIO ? 'met' : 'MISSED'} (worst ${worst.toFixed(2)}×).`);
}
