// Issue 14's cost target: with all rules on, parse + lint at most 3× a bare jsonc-parser parseTree of
// the same text, at 10 to 10,000 servers, growing linearly; for generated configs (unknown packages,
// no flow) and for the worst case of `toxic-flow`, every server a well-known one (one session, one
// huge flow per kind). The toxic-flow column is parse + extract + that rule alone.
//
// How: CPU time of this process (user + system, so waiting for a core on a shared machine counts
// less). Every sample repeats one contender until it has used at least SAMPLE_MS of CPU (a
// sub-millisecond parse is never timed on its own, and work that a previous contender left behind,
// such as garbage collection on V8's helper threads, is spread over many calls instead of landing on
// a few), the contenders are alternated sample by sample (parse, all rules, toxic-flow, then the
// reverse order) so that load drift hits each of them, and every ratio is the median of the ratios
// of adjacent parse / all-rules samples; their range is printed too.
import { parseTree } from 'jsonc-parser';
import { loadConfigText } from '../src/core/config/load';
import { lintFile } from '../src/core/engine/lint';
import { createProject } from '../src/core/engine/project';
import { ALL_RULES } from '../src/core/rules/index';
import type { Rule } from '../src/core/rules/rule';
import { generateConfig, logLogSlope } from './lint';

const TARGET_RATIO = 3;
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

/** CPU of one sample: at least this much per contender and sample. */
const SAMPLE_MS = 150;
/** CPU spent on each contender before its first sample (optimised code, settled heap). */
const WARM_UP_MS = 400;

/** CPU ms per call of `fn`, repeated until the calls used at least `minMs` of CPU together. */
function cpuMsPerCall(fn: () => unknown, minMs: number): number {
  const start = process.cpuUsage();
  let calls = 0;
  let used = 0;
  do {
    fn();
    calls++;
    const u = process.cpuUsage(start);
    used = (u.user + u.system) / 1000;
  } while (used < minMs);
  return used / calls;
}

/** Parse + extract + lint with `rules` (the toxic-flow column is load + that one rule). */
function lint(text: string, rules: readonly Rule[]): number {
  const file = loadConfigText(text, { path: PATH });
  return lintFile(file, createProject([file], ['/bench/project']), { rules }).length;
}

interface Cell {
  tree: number;
  all: number;
  flow: number;
  /** all ÷ tree of each pair of adjacent samples. */
  ratios: number[];
}

/** One size: `samples` rounds of parseTree, all rules and toxic-flow alone, alternating their order. */
export function measureCell(text: string, samples: number): Cell {
  const flowRule = ALL_RULES.filter((r) => r.meta.id === 'toxic-flow');
  const contenders = [() => parseTree(text), () => lint(text, ALL_RULES), () => lint(text, flowRule)];
  for (const fn of contenders) cpuMsPerCall(fn, WARM_UP_MS);
  const taken: number[][] = [[], [], []];
  for (let i = 0; i < samples; i++) {
    const order = i % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
    for (const c of order) taken[c]!.push(cpuMsPerCall(contenders[c]!, SAMPLE_MS));
  }
  const [tree, all, flow] = taken as [number[], number[], number[]];
  return { tree: median(tree), all: median(all), flow: median(flow), ratios: all.map((a, i) => a / tree[i]!) };
}

const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));

function table(title: string, make: (n: number) => string, sizes: readonly number[]): number {
  console.log(`\n${title}`);
  console.log('servers  samples  parseTree ms   all rules ms   toxic-flow ms   all×tree (median; range of the samples)');
  const points: { size: number; time: number; tree: number }[] = [];
  let worst = 0;
  for (const size of sizes) {
    const text = make(size);
    const samples = size >= 10_000 ? 5 : 7;
    const cell = measureCell(text, samples);
    const ratio = median(cell.ratios);
    worst = Math.max(worst, ratio);
    points.push({ size, time: cell.all, tree: cell.tree });
    console.log(
      `${String(size).padStart(7)} ${String(samples).padStart(8)} ${fmt(cell.tree).padStart(12)} ${fmt(cell.all).padStart(14)} ${fmt(cell.flow).padStart(15)}   ${ratio.toFixed(2).padStart(6)}× (${Math.min(...cell.ratios).toFixed(2)}–${Math.max(...cell.ratios).toFixed(2)})`,
    );
  }
  const slope = logLogSlope(points.map((p) => ({ size: p.size, time: p.time })));
  const treeSlope = logLogSlope(points.map((p) => ({ size: p.size, time: p.tree })));
  console.log(`  growth: log-log slope ${slope.toFixed(2)} (parseTree ${treeSlope.toFixed(2)}; 1.00 = linear)`);
  return worst;
}

export async function run(): Promise<void> {
  console.log(
    `All rules (${ALL_RULES.length}) vs a bare jsonc-parser parseTree, CPU time per call; each sample ≥ ${SAMPLE_MS} ms of CPU, contenders alternated, median of the samples.`,
  );
  const generated = table('Generated configs (unknown packages, no flow):', generateConfig, [10, 100, 1_000, 10_000]);
  const known = table('Every server a well-known one (one session, one flow per kind of hundreds of servers):', wellKnownConfig, [10, 100, 1_000, 10_000]);
  const worst = Math.max(generated, known);
  console.log(`\nTarget ≤ ${TARGET_RATIO}× at every size: ${worst <= TARGET_RATIO ? 'met' : 'MISSED'} (worst ${worst.toFixed(2)}×).`);
}
