import type { ParsedOption, Token } from './types';
import { subToken } from './words';

/** Option names that take a value (`--package`, `-p`); every other option is a switch. */
export type ValueOptions = ReadonlySet<string>;

export interface ScanResult {
  options: ParsedOption[];
  /** Index of the first word that is not an option (or words.length). */
  next: number;
  /** A `--` ended the options. */
  doubleDash: boolean;
}

/**
 * Reads options from `words[start]` up to the first positional word, an operator or `--`. Handles
 * `--name=value`, `--name value`, `-x value`, `-xvalue` and bundled switches (`-it`). With
 * `singleDashLong` (Go), every `-name` is one option (`-trimpath`, `-ldflags=…`).
 */
export function scanOptions(words: readonly Token[], start: number, values: ValueOptions, singleDashLong = false): ScanResult {
  const options: ParsedOption[] = [];
  let i = start;
  while (i < words.length) {
    const word = words[i]!;
    if (word.operator) return { options, next: i, doubleDash: false };
    const t = word.text;
    if (t === '--') return { options, next: i + 1, doubleDash: true };
    if (!t.startsWith('-') || t === '-' || /^-\d/.test(t)) break;
    const eq = t.indexOf('=');
    const name = eq > 0 ? t.slice(0, eq) : t;
    if (t.startsWith('--') || values.has(name) || singleDashLong) {
      if (eq > 0) options.push({ name, token: word, value: subToken(word, eq + 1) });
      else if (values.has(name) && i + 1 < words.length && !words[i + 1]!.operator) {
        options.push({ name, token: word, value: words[i + 1]! });
        i++;
      } else options.push({ name, token: word });
      i++;
      continue;
    }
    // Short options, possibly bundled (`-it`) or with an attached value (`-p8080:80`, `-eFOO=1`).
    for (let j = 1; j < t.length; j++) {
      const flag = '-' + t[j];
      if (!values.has(flag)) {
        options.push({ name: flag, token: word });
        continue;
      }
      if (j + 1 < t.length) options.push({ name: flag, token: word, value: subToken(word, t[j + 1] === '=' ? j + 2 : j + 1) });
      else if (i + 1 < words.length && !words[i + 1]!.operator) {
        options.push({ name: flag, token: word, value: words[i + 1]! });
        i++;
      } else options.push({ name: flag, token: word });
      break;
    }
    i++;
  }
  return { options, next: i, doubleDash: false };
}

export function optionValues(options: readonly ParsedOption[], ...names: string[]): Token[] {
  let values: Token[] | undefined;
  for (const o of options) if (o.value && names.includes(o.name)) (values ??= []).push(o.value);
  return values ?? NO_TOKENS;
}

/** The list of no words, shared (lists of words are only read). */
export const NO_TOKENS: Token[] = Object.freeze([]) as unknown as Token[];

export function hasOption(options: readonly ParsedOption[], ...names: string[]): boolean {
  return options.some((o) => names.includes(o.name));
}
