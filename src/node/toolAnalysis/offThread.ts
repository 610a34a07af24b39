// Analyses a server's definitions without blocking the caller's thread when they are large: a 5 MB
// description costs the analyzer about a second and a half, which in the extension host would freeze
// the editor. Small inputs (the usual case) run in-thread, where they take a few milliseconds and a
// worker's start-up would cost more than it saves.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ServerSnapshot } from '../../core/model/tool';
import { analyzeServer } from '../../core/tools/analyze';
import type { AnalyzeContext, ToolFinding } from '../../core/tools/types';

/** Characters of text in a snapshot above which the analysis leaves the main thread (measured in bench/toolWorker.ts). */
export const WORKER_THRESHOLD_CHARS = 32 * 1024;
/**
 * The worker's file: next to this file in a compiled tree (tests, bench); in the VSIX, dist/gateway.js
 * beside the extension's bundle, which answers as the worker when started as one (one copy of the analyzer).
 */
export const WORKER_FILES = ['toolAnalysisWorker.js', 'gateway.js'];

export interface AnalysisRequest {
  snapshot: ServerSnapshot;
  context: AnalyzeContext;
}

export interface OffThreadOptions {
  /** Cancels the analysis: the worker is terminated and the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Override of the size rule (tests, bench). */
  threshold?: number;
  /** Override of the worker's file (tests: a missing file proves the fallback). */
  workerFile?: string;
  /** Told when the worker failed and the analysis ran in-thread instead. */
  onFallback?: (reason: string) => void;
}

export interface OffThreadResult {
  findings: ToolFinding[];
  /** Where the analysis ran: `worker`, or `main` (small input, or the worker failed). */
  ranIn: 'worker' | 'main';
}

/** The findings of `analyzeServer(snapshot, context)`, computed in a worker thread when the snapshot is large. */
export async function analyzeServerOffThread(snapshot: ServerSnapshot, context: AnalyzeContext = {}, options: OffThreadOptions = {}): Promise<OffThreadResult> {
  throwIfAborted(options.signal);
  if (!exceeds(snapshot, options.threshold ?? WORKER_THRESHOLD_CHARS)) return { findings: analyzeServer(snapshot, context), ranIn: 'main' };
  const file = options.workerFile ?? workerFile();
  try {
    if (!existsSync(file)) throw new Error(`${file} is missing`);
    return { findings: await inWorker(file, { snapshot, context }, options.signal), ranIn: 'worker' };
  } catch (e) {
    if (isAbort(e)) throw e;
    options.onFallback?.((e as Error).message ?? String(e));
    throwIfAborted(options.signal);
    return { findings: analyzeServer(snapshot, context), ranIn: 'main' };
  }
}

function workerFile(): string {
  const candidates = WORKER_FILES.map((name) => join(__dirname, name));
  return candidates.find((path) => existsSync(path)) ?? candidates[candidates.length - 1]!;
}

function inWorker(file: string, request: AnalysisRequest, signal: AbortSignal | undefined): Promise<ToolFinding[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: request });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      fn();
    };
    const abort = () =>
      finish(() => {
        void worker.terminate();
        reject(abortError());
      });
    signal?.addEventListener('abort', abort, { once: true });
    worker.once('message', (findings: ToolFinding[]) => finish(() => resolve(findings)));
    worker.once('error', (e) => finish(() => reject(e)));
    worker.once('exit', (code) => finish(() => reject(new Error(`the analysis worker exited with code ${code} before answering`))));
  });
}

/** Whether the snapshot holds more than `limit` characters of text; stops counting once it does. */
export function exceeds(value: unknown, limit: number): boolean {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') total += v.length;
    else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        total += k.length;
        stack.push(x);
      }
    }
    if (total > limit) return true;
  }
  return false;
}

function abortError(): Error {
  const e = new Error('the analysis was cancelled');
  e.name = 'AbortError';
  return e;
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}
