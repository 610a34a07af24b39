import { SECRET_PATTERNS } from './providers/index';
import type { SecretPattern } from './types';

export interface CompiledPattern {
  pattern: SecretPattern;
  /** Global scanner over a whole value (patterns without `keyName`). */
  scan?: RegExp;
  /** Anchored test of a whole value (patterns gated by `keyName`). */
  whole?: RegExp;
  /** The fixed start of every match (e.g. `ghp_`): format, not secret, so messages may show it. */
  publicPrefix: string;
}

/** The leading characters of a regex source that every match starts with literally. */
export function literalPrefix(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) break;
      out += next;
      i++;
    } else if (/[A-Za-z0-9_\-:=~]/.test(c)) {
      out += c;
    } else {
      if (/[?*{]/.test(c)) out = out.slice(0, -1);
      break;
    }
    if (/[?*{]/.test(source[i + 1] ?? '')) {
      out = out.slice(0, -1);
      break;
    }
  }
  return out;
}

function compile(pattern: SecretPattern): CompiledPattern {
  const { source, flags } = pattern.regex;
  const topLevelAlternation = hasTopLevelAlternation(source);
  const publicPrefix = topLevelAlternation || pattern.secretGroup !== undefined ? '' : literalPrefix(source);
  if (pattern.keyName) return { pattern, whole: new RegExp(`^(?:${source})$`, flags), publicPrefix };
  const bounded = pattern.bounded === false ? source : `(?<![A-Za-z0-9])(?:${source})(?![A-Za-z0-9])`;
  return { pattern, scan: new RegExp(bounded, `${flags}gd`), publicPrefix };
}

function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** Every pattern, compiled once. */
export const COMPILED_PATTERNS: readonly CompiledPattern[] = SECRET_PATTERNS.map(compile);
