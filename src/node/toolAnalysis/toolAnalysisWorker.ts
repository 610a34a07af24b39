// The analysis worker's entry in a compiled tree (tests, bench). The VSIX has no file of its own for it:
// dist/gateway.js, which carries the same analyzer, answers when started as a worker (src/gateway/main.ts).
// Loaded on the main thread (the fallback when a worker cannot run), it only exports the analyzer.
import { isMainThread } from 'node:worker_threads';
import { serveAnalysisRequests } from './answer';

export { analyzeServer } from '../../core/tools/analyze';

if (!isMainThread) serveAnalysisRequests();
