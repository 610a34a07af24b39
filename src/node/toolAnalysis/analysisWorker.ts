// The tool-text analysis for the extension host, off its thread: one long-lived worker thread runs the
// core analyzer, so neither loading the analyzer and its learned model, nor the first call's set-up,
// nor a 5 MB description ever blocks the editor. The extension's own bundle does not carry the analyzer:
// the worker's file does (dist/gateway.js in the VSIX). If the worker cannot run, the analysis falls
// back to the caller's thread (loading that file there) and says why.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ServerSnapshot } from '../../core/model/tool';
import type { AnalyzeContext, ToolFinding } from '../../core/tools/types';
import type { AnalysisAnswer, AnalysisRequest, AnalyzerModule } from './protocol';

/**
 * The worker's file: next to this file in a compiled tree (tests, bench); in the VSIX, dist/gateway.js
 * beside the extension's bundle, which answers as the worker when started as one (one copy of the analyzer).
 */
export const WORKER_FILES = ['toolAnalysisWorker.js', 'gateway.js'];
/** A worker with nothing to do for this long is stopped; the next analysis starts a new one. */
export const IDLE_MS = 120_000;
/** After this many worker failures in a row, analyses run on the caller's thread for the rest of the session. */
export const MAX_WORKER_FAILURES = 3;

export interface ToolAnalysisWorkerOptions {
  /** Override of the worker's file (tests: a missing or crashing file proves the fallback). */
  workerFile?: string;
  idleMs?: number;
  /** Told when the worker failed and an analysis ran on the caller's thread instead. */
  onFallback?: (reason: string) => void;
}

export interface AnalysisResult {
  findings: ToolFinding[];
  /** Where the analysis ran: `worker`, or `main` when the worker failed. */
  ranIn: 'worker' | 'main';
}

interface Job {
  request: AnalysisRequest;
  resolve: (result: AnalysisResult) => void;
  reject: (e: Error) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/** Analyses snapshots one after another in a worker thread started on first use and stopped when idle or disposed. */
export class ToolAnalysisWorker {
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private current: Job | undefined;
  private nextId = 1;
  private failures = 0;
  private idle: NodeJS.Timeout | undefined;
  private disposed = false;
  /** Workers being terminated (idle, cancelled, failed), which `dispose` waits for. */
  private readonly stopping = new Set<Promise<unknown>>();

  constructor(private readonly options: ToolAnalysisWorkerOptions = {}) {}

  /** The findings of `analyzeServer(snapshot, context)`. Aborting `signal` rejects with an AbortError (and stops the worker if it was on this one). */
  analyze(snapshot: ServerSnapshot, context: AnalyzeContext = {}, signal?: AbortSignal): Promise<AnalysisResult> {
    if (this.disposed || signal?.aborted) return Promise.reject(abortError());
    return new Promise((resolve, reject) => {
      const job: Job = { request: { id: this.nextId++, snapshot, context }, resolve, reject, signal, onAbort: () => this.cancel(job) };
      signal?.addEventListener('abort', job.onAbort, { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  /** Starts the worker ahead of the first analysis (its start-up and warm-up then overlap whatever comes before). */
  warm(): void {
    if (this.disposed || this.failures >= MAX_WORKER_FAILURES) return;
    try {
      this.ensureWorker();
    } catch {
      // The next analysis tries again, and says why if it has to run here.
    }
    // A server that then fails to list sends nothing: the warmed worker stops like an idle one.
    if (!this.current && this.queue.length === 0) this.idleSoon();
  }

  /** Whether a worker thread is running (tests). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Cancels every pending analysis and stops the worker; resolves once no thread is left. */
  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.idle);
    for (const job of [...(this.current ? [this.current] : []), ...this.queue.splice(0)]) this.settle(job, () => job.reject(abortError()));
    this.current = undefined;
    this.stop();
    await Promise.all(this.stopping);
  }

  private pump(): void {
    if (this.current || this.disposed) return;
    const job = this.queue.shift();
    if (!job) return this.idleSoon();
    clearTimeout(this.idle);
    if (this.failures >= MAX_WORKER_FAILURES) return this.inThread(job);
    let worker: Worker;
    try {
      worker = this.ensureWorker();
      worker.postMessage(job.request);
    } catch (e) {
      this.failed();
      return this.inThread(job, message(e));
    }
    this.current = job;
    worker.ref();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const file = this.options.workerFile ?? analyzerFile();
    if (!existsSync(file)) throw new Error(`${file} is missing`);
    const worker = new Worker(file);
    worker.unref();
    this.worker = worker;
    worker.on('message', (answer: AnalysisAnswer) => this.answered(worker, answer));
    worker.on('error', (e) => this.lost(worker, `the analysis worker failed: ${message(e)}`));
    worker.on('exit', (code) => this.lost(worker, `the analysis worker exited with code ${code}`));
    return worker;
  }

  private answered(worker: Worker, answer: AnalysisAnswer): void {
    const job = this.current;
    if (worker !== this.worker || !job || job.request.id !== answer.id) return;
    this.current = undefined;
    this.failures = 0;
    worker.unref();
    if ('findings' in answer) this.settle(job, () => job.resolve({ findings: answer.findings, ranIn: 'worker' }));
    else this.settle(job, () => job.reject(Object.assign(new Error(answer.error.message), answer.error)));
    this.pump();
  }

  /** The worker died or could not start: the analysis it had runs here instead; the next one starts a new worker. */
  private lost(worker: Worker, reason: string): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    this.failed();
    const job = this.current;
    this.current = undefined;
    if (job) this.inThread(job, reason);
    this.pump();
  }

  private failed(): void {
    this.failures++;
    if (this.failures === MAX_WORKER_FAILURES)
      this.options.onFallback?.(`the analysis worker failed ${MAX_WORKER_FAILURES} times in a row; analyses run on the main thread from now on`);
  }

  private inThread(job: Job, reason?: string): void {
    if (reason) this.options.onFallback?.(reason);
    this.settle(job, () => {
      try {
        job.resolve({ findings: loadAnalyzer().analyzeServer(job.request.snapshot, job.request.context), ranIn: 'main' });
      } catch (e) {
        job.reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued !== -1) this.queue.splice(queued, 1);
    else if (this.current === job) {
      // The analyzer cannot be interrupted: the worker goes, with the work it was doing.
      this.current = undefined;
      this.stop();
    } else return;
    this.settle(job, () => job.reject(abortError()));
    this.pump();
  }

  private idleSoon(): void {
    if (!this.worker) return;
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(), this.options.idleMs ?? IDLE_MS);
    this.idle.unref();
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    const stopped = worker.terminate().finally(() => this.stopping.delete(stopped));
    this.stopping.add(stopped);
  }

  private settle(job: Job, fn: () => void): void {
    job.signal?.removeEventListener('abort', job.onAbort);
    fn();
  }
}

/** The file that holds the analyzer beside this module (the worker's entry, or dist/gateway.js in the VSIX). */
function analyzerFile(): string {
  const candidates = WORKER_FILES.map((name) => join(__dirname, name));
  return candidates.find((path) => existsSync(path)) ?? candidates[candidates.length - 1]!;
}

/** The analyzer on this thread, as the fallback: loaded from the worker's file on first need only (Node keeps it loaded). */
function loadAnalyzer(): AnalyzerModule {
  const file = analyzerFile();
  if (!existsSync(file)) throw new Error(`the tool-text analyzer is unavailable: ${file} is missing`);
  // A path computed at run time, so the bundler leaves the analyzer out of the extension's bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file) as Partial<AnalyzerModule>;
  if (typeof mod.analyzeServer !== 'function') throw new Error(`the tool-text analyzer is unavailable: ${file} does not export it`);
  return mod as AnalyzerModule;
}

function abortError(): Error {
  const e = new Error('the analysis was cancelled');
  e.name = 'AbortError';
  return e;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
