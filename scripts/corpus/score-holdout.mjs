// Scores the holdout corpus (test/fixtures/tool-corpus-holdout; never trained or tuned on) with the tool analyzer
// of this checkout: the shipped detector (span detectors + shipped weights) and the span detectors alone. Prints
// recall per source and per class, the false-positive rate overall, on hard negatives and per server, and every miss
// and false alarm with the words involved. Deterministic: no randomness, no network.
// Usage: node scripts/corpus/score-holdout.mjs [--json FILE]   (compiles into out-holdout/ first)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const out = process.env.OUT_DIR ?? 'out-holdout';
execFileSync(process.execPath, ['scripts/build-tests.mjs'], { stdio: 'inherit', env: { ...process.env, OUT_DIR: out } });
const require = createRequire(import.meta.url);
const holdout = require(join(process.cwd(), out, 'bench', 'tool-eval', 'holdout.js'));
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
console.log(`# ${holdout.HOLDOUT_LABEL}: tool analyzer at ${commit}`);
const figures = holdout.scoreHoldout();
holdout.printHoldout(figures, true);
const i = process.argv.indexOf('--json');
if (i > 0) writeFileSync(process.argv[i + 1], JSON.stringify({ commit, ...holdout.holdoutSummary(figures) }, null, 2) + '\n');
