import { applyFixSafely, type FixGroup } from '../core/index';
import type { TrackedConfig } from './configIndex';

/**
 * Every editor fix of a config (quick fixes, fix-all, pin, move secret, put back) goes through the
 * engine's `applyFixSafely` first, as `scan --fix` does: undefined when the fix is safe, else why not.
 */
export function whyUnsafe(tracked: TrackedConfig, groups: readonly FixGroup[]): string | undefined {
  const result = applyFixSafely(tracked.config, groups);
  return 'refused' in result ? result.refused : undefined;
}
