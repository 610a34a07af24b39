import type { PinRequest } from '../../core/launch/pin';
import { RegistryError } from './errors';
import { DEFAULT_TIMEOUT_MS } from './http';
import { resolvePin, type RegistrySettings, type ResolvedPin } from './resolve';

/** Registry lookups of a run at once: a handful, so a hundred packages do not wait one after another. */
export const LOOKUP_CONCURRENCY = 4;
/** The whole run's registry budget; at least twice the per-request timeout. */
export const MIN_RUN_DEADLINE_MS = 20_000;

export interface LookupRun {
  /** The pin for a request: asked once per distinct request, in parallel up to the limit, within the run's deadline. */
  resolve(request: PinRequest): Promise<ResolvedPin>;
  /** Cancels what is still running or waiting (and the deadline timer). */
  dispose(): void;
}

/**
 * All registry lookups of one run (`scan --fix`): one deadline for all of them, a small number in
 * flight, each distinct request asked once. A registry that never answers costs the run at most the
 * deadline, not 5 s per package one after another.
 */
export function createLookupRun(
  settings: RegistrySettings,
  options: { deadlineMs?: number; concurrency?: number; lookup?: typeof resolvePin } = {},
): LookupRun {
  const deadlineMs = options.deadlineMs ?? Math.max(MIN_RUN_DEADLINE_MS, 2 * (settings.timeoutMs ?? DEFAULT_TIMEOUT_MS));
  const concurrency = options.concurrency ?? LOOKUP_CONCURRENCY;
  const lookup = options.lookup ?? resolvePin;
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, deadlineMs);
  const overDeadline = () =>
    new RegistryError('timeout', `registry lookups stopped: this run's deadline of ${Math.round(deadlineMs / 1000)} s for all of them passed`);
  const cache = new Map<string, Promise<ResolvedPin>>();
  const waiting: (() => void)[] = [];
  let running = 0;

  const slot = async (): Promise<void> => {
    if (running < concurrency) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  controller.signal.addEventListener('abort', () => {
    // Woken without a free slot: each takes one, which its `release` gives back.
    while (waiting.length > 0) {
      running++;
      waiting.shift()!();
    }
  });

  const run = async (request: PinRequest): Promise<ResolvedPin> => {
    await slot();
    try {
      if (controller.signal.aborted) throw expired ? overDeadline() : new RegistryError('aborted', 'registry lookups cancelled');
      return await lookup(request, settings, controller.signal);
    } catch (e) {
      if (expired && e instanceof RegistryError && e.kind === 'aborted') throw overDeadline();
      throw e;
    } finally {
      release();
    }
  };

  return {
    resolve(request) {
      const key = JSON.stringify(request);
      let pending = cache.get(key);
      if (!pending) {
        pending = run(request);
        pending.catch(() => undefined);
        cache.set(key, pending);
      }
      return pending;
    },
    dispose() {
      clearTimeout(timer);
      controller.abort();
    },
  };
}
