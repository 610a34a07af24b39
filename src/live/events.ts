import type { Disposable, Event } from './types';

/** A minimal event source: listeners are called in order; a throwing listener does not stop the others. */
export class Emitter<T> {
  private readonly listeners = new Set<(event: T) => void>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) } satisfies Disposable;
  };

  fire(event: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        /* a listener's failure is its own */
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
