import { LiveError } from './errors';

export interface LinkedSignal {
  signal: AbortSignal;
  /** Detaches from the source signals (call when the work is done, so long-lived signals do not collect listeners). */
  dispose(): void;
}

/** A signal that aborts when any source does, with that source's reason. */
export function linkSignals(sources: readonly (AbortSignal | undefined)[]): LinkedSignal {
  const controller = new AbortController();
  const detach: (() => void)[] = [];
  for (const source of sources) {
    if (!source) continue;
    if (source.aborted) {
      controller.abort(source.reason);
      break;
    }
    const onAbort = () => controller.abort(source.reason);
    source.addEventListener('abort', onAbort, { once: true });
    detach.push(() => source.removeEventListener('abort', onAbort));
  }
  return { signal: controller.signal, dispose: () => detach.forEach((d) => d()) };
}

/** A signal that aborts after `ms` (reason: a timeout `LiveError`) or when `outer` aborts (reason: cancelled). */
export function deadline(ms: number, outer: AbortSignal | undefined, what: string): LinkedSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new LiveError('timeout', what)), ms);
  const onOuter = () => controller.abort(new LiveError('cancelled', 'cancelled'));
  if (outer?.aborted) onOuter();
  else outer?.addEventListener('abort', onOuter, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuter);
    },
  };
}

/** Rejects with the signal's reason as soon as it aborts; the losing promise's rejection is swallowed. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      promise.catch(() => undefined);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
