// The cost bench of issue 14 (`bench/flows.ts`) measured two ways on one build, in one process, cell by
// cell: the method it used until 2026-12-08 (3 runs × 3–7 samples of `2,000 / servers` calls, ratio =
// median of the runs' median ratios; a sample of a small config was a few ms of CPU) and its current
// method (`measureCell`: samples of ≥ 150 ms CPU each, contenders alternated). Same configs, same rules,
// the same bare parseTree as the baseline; only the precision differs.
//
//   OUT_DIR=out-mine node scripts/build-tests.mjs && node scripts/flows-bench-methods.mjs out-mine
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const out = resolve(process.argv[2] ?? 'out');
const require = createRequire(import.meta.url);
const { parseTree } = require('jsonc-parser');
const { measureCell, wellKnownConfig } = require(`${out}/bench/flows.js`);
const { generateConfig } = require(`${out}/bench/lint.js`);
const { loadConfigText } = require(`${out}/src/core/config/load.js`);
const { lintFile } = require(`${out}/src/core/engine/lint.js`);
const { createProject } = require(`${out}/src/core/engine/project.js`);
const { ALL_RULES } = require(`${out}/src/core/rules/index.js`);

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const lint = (text, rules) => {
  const file = loadConfigText(text, { path: '/bench/project/.cursor/mcp.json' });
  return lintFile(file, createProject([file], ['/bench/project']), { rules }).length;
};

// The old method, as bench/flows.ts had it.
function cpuMs(fn, reps) {
  const start = process.cpuUsage();
  for (let i = 0; i < reps; i++) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / reps;
}
function oldRun(text, samples, reps) {
  const flowRule = ALL_RULES.filter((r) => r.meta.id === 'toxic-flow');
  cpuMs(() => parseTree(text), reps);
  cpuMs(() => lint(text, ALL_RULES), reps);
  const tree = [];
  const all = [];
  for (let i = 0; i < samples; i++) {
    tree.push(cpuMs(() => parseTree(text), reps));
    all.push(cpuMs(() => lint(text, ALL_RULES), reps));
    cpuMs(() => lint(text, flowRule), reps);
  }
  return { tree: median(tree), all: median(all) };
}
function oldCell(text, size) {
  const reps = Math.max(1, Math.round(2_000 / size));
  const samples = size >= 10_000 ? 3 : 7;
  const runs = [0, 1, 2].map(() => oldRun(text, samples, reps));
  return { tree: median(runs.map((r) => r.tree)), all: median(runs.map((r) => r.all)), ratios: runs.map((r) => r.all / r.tree) };
}

const fmt = (ms) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));
const row = (c) =>
  `${fmt(c.tree).padStart(9)} ${fmt(c.all).padStart(9)} ${median(c.ratios).toFixed(2).padStart(7)}× (${c.ratios.map((r) => r.toFixed(1)).join(' ')})`;
console.log('kind        servers | old: parseTree ms, all ms, ratio (3 runs) | new: parseTree ms, all ms, ratio (samples)');
for (const [kind, make] of [
  ['generated', generateConfig],
  ['well-known', wellKnownConfig],
]) {
  for (const size of [10, 100, 1_000, 10_000]) {
    const text = make(size);
    const old = oldCell(text, size);
    const now = measureCell(text, size >= 10_000 ? 5 : 7);
    console.log(`${kind.padEnd(11)} ${String(size).padStart(7)} | ${row(old)} | ${row(now)}`);
  }
}
