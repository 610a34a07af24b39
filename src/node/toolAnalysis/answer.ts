import { parentPort, workerData } from 'node:worker_threads';
import { analyzeServer } from '../../core/tools/analyze';
import type { AnalysisRequest } from './offThread';

/** In the worker thread: analyses the one request it was started with, posts the findings, and is done. */
export function answerAnalysisRequest(): void {
  const { snapshot, context } = workerData as AnalysisRequest;
  parentPort!.postMessage(analyzeServer(snapshot, context));
}
