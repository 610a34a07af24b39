// The analysis worker's entry in a compiled tree (tests, bench). The VSIX has no file of its own for it:
// dist/gateway.js, which carries the same analyzer, answers when started as a worker (src/gateway/main.ts).
import { answerAnalysisRequest } from './answer';

answerAnalysisRequest();
