// Holdout section of `npm run bench`: the tool analyzer on test/fixtures/tool-corpus-holdout, public sources that no
// training or tuning run reads (bench/tool-eval/holdout.ts). Reported apart from the leave-one-source-out figures of
// bench/tools.ts. BENCH_VERBOSE=1 lists every miss and false alarm (so does scripts/corpus/score-holdout.mjs).
import { loadavg } from 'node:os';
import { HOLDOUT_LABEL, printHoldout, scoreHoldout } from './tool-eval/holdout';

export async function run(): Promise<void> {
  console.log(`\n# tool analyzer, ${HOLDOUT_LABEL} (load average ${loadavg()[0]!.toFixed(2)})`);
  printHoldout(scoreHoldout(), process.env.BENCH_VERBOSE === '1');
}
