// Trains the learned part of the tool analyzer from test/fixtures/tool-corpus-real and writes
// src/core/tools/learned/weights.ts. Deterministic (seeded shuffle, fixed options): the same corpus
// gives the same file, byte for byte (it prints the file's sha-256). The file records a fingerprint of
// its training input, which test/unit/tools/learned-training.test.ts checks against the corpus and the
// feature extractor of today. Usage: node scripts/train-tool-model.mjs
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const out = process.env.OUT_DIR ?? 'out-train';
execFileSync(process.execPath, ['scripts/build-tests.mjs'], { stdio: 'inherit', env: { ...process.env, OUT_DIR: out } });
const require = createRequire(import.meta.url);
require(join(process.cwd(), out, 'bench', 'tool-eval', 'ship.js')).trainShipped(join(process.cwd(), 'src', 'core', 'tools', 'learned', 'weights.ts'));
