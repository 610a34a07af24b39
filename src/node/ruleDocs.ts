import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads `docs/rules/<id>.md` shipped beside the bundle (`dist/..`), or undefined. */
export function ruleDocReader(packageRoot: string): (ruleId: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (ruleId) => {
    if (!/^[a-z0-9-]+$/.test(ruleId)) return undefined;
    if (!cache.has(ruleId)) {
      try {
        cache.set(ruleId, readFileSync(join(packageRoot, 'docs', 'rules', `${ruleId}.md`), 'utf8'));
      } catch {
        cache.set(ruleId, undefined);
      }
    }
    return cache.get(ruleId);
  };
}
