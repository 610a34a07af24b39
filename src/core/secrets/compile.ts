import { nameWords } from './keyNames';
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
  return { pattern, scan: new RegExp(bounded, `${flags}g${pattern.secretGroup === undefined ? '' : 'd'}`), publicPrefix };
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

const SCANNERS = COMPILED_PATTERNS.filter((c) => c.scan);
const NAMED = COMPILED_PATTERNS.filter((c) => c.whole);
const NAMED_BY_KEY = new Map<string, CompiledPattern[]>();

/** The name-gated patterns that apply under `keyName` (`GITHUB_TOKEN`, `exaApiKey`, …), remembered. */
export function namedPatterns(keyName: string): CompiledPattern[] {
  let found = NAMED_BY_KEY.get(keyName);
  if (!found) {
    const normalized = nameWords(keyName).join('_');
    found = NAMED.filter((c) => c.pattern.keyName!.test(keyName) || c.pattern.keyName!.test(normalized));
    if (NAMED_BY_KEY.size > 4096) NAMED_BY_KEY.clear();
    NAMED_BY_KEY.set(keyName, found);
  }
  return found;
}
const ALWAYS = SCANNERS.filter((c) => c.pattern.keywords.length === 0);
const KEYWORDS = [...new Set(SCANNERS.flatMap((c) => c.pattern.keywords))].sort((a, b) => b.length - a.length);
const KEYWORD_SCAN = new RegExp(KEYWORDS.map((k) => k.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'), 'g');
/** For each keyword, the patterns it admits, including those of shorter keywords inside it. */
const ADMITS = new Map(KEYWORDS.map((k) => [k, SCANNERS.filter((c) => c.pattern.keywords.some((own) => k.includes(own)))]));

/**
 * The scanning patterns that can match a lowercase value: those whose keyword occurs in it (one pass
 * over the value for all keywords at once) and those without keywords, in pattern order.
 */
export function candidatePatterns(lower: string): readonly CompiledPattern[] {
  let found: string | undefined;
  KEYWORD_SCAN.lastIndex = 0;
  for (let m = KEYWORD_SCAN.exec(lower); m; m = KEYWORD_SCAN.exec(lower)) {
    found = found === undefined ? m[0] : `${found}\u0000${m[0]}`;
    KEYWORD_SCAN.lastIndex = m.index + 1;
  }
  if (found === undefined) return ALWAYS;
  let list = BY_KEYWORDS.get(found);
  if (!list) {
    const chosen = new Set(ALWAYS);
    for (const keyword of found.split('\u0000')) for (const c of ADMITS.get(keyword)!) chosen.add(c);
    list = SCANNERS.filter((c) => chosen.has(c));
    if (found.length > 256) return list;
    if (BY_KEYWORDS.size >= 4096) BY_KEYWORDS.clear();
    BY_KEYWORDS.set(found, list);
  }
  return list;
}

/** The candidates for each sequence of keywords found: values share a few (`key`, `token`), so each list is made once. */
const BY_KEYWORDS = new Map<string, readonly CompiledPattern[]>();
