// A worker that dies before answering: test/unit/tools/analysisWorker.test.ts proves the analysis falls back.
// (Harmless when a test runner loads it on the main thread.)
import { isMainThread } from 'node:worker_threads';

if (!isMainThread) throw new Error('crashed on purpose');
