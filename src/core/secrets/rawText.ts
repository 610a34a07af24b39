import type { TextRange } from '../model/docNode';
import { candidatePatterns } from './compile';
import { isPlaceholderToken } from './placeholders';
import type { SecretHit } from './types';

/** A known-format token found in a file's raw text. */
export interface RawSecret {
  hit: SecretHit;
  secret: string;
  range: TextRange;
}

/**
 * Provider tokens and private keys anywhere in a file's text, for files that do not parse (a
 * truncated file, a settings fragment, Markdown saved as `.json`): no structure to follow, so only
 * formats that identify themselves count. One lowercase copy and the keyword prefilter keep it cheap.
 */
export function findSecretsInRawText(text: string): RawSecret[] {
  const out: RawSecret[] = [];
  for (const compiled of candidatePatterns(text.toLowerCase())) {
    const { pattern, scan } = compiled;
    scan!.lastIndex = 0;
    for (let m = scan!.exec(text); m; m = scan!.exec(text)) {
      if (m[0].length === 0) scan!.lastIndex++;
      const span = pattern.secretGroup === undefined ? [m.index, m.index + m[0].length] : m.indices?.[pattern.secretGroup];
      if (!span) continue;
      const secret = text.slice(span[0], span[1]);
      if (isPlaceholderToken(secret, compiled.publicPrefix) || (pattern.validate && !pattern.validate(secret))) continue;
      if (out.some((o) => span[0]! < o.range.end && o.range.start < span[1]!)) continue;
      const hit: SecretHit = {
        start: span[0]!,
        end: span[1]!,
        kind: 'provider',
        patternId: pattern.id,
        provider: pattern.provider,
        label: pattern.description,
        severity: 'error',
      };
      if (compiled.publicPrefix) hit.publicPrefix = compiled.publicPrefix;
      out.push({ hit, secret, range: { start: span[0]!, end: span[1]! } });
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}
