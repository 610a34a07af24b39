import { isSecretKeyName } from './keyNames';

/** A part of one argument worth checking, and what names it. Indices are into that argument. */
export interface ArgCandidate {
  argIndex: number;
  start: number;
  end: number;
  /** The name the value stands under: flag (without dashes), variable or header name. */
  keyName?: string;
  /** How the name appears, for messages: `--api-key`, `GITHUB_TOKEN`, `Authorization`. */
  keyLabel?: string;
  via: 'flag' | 'variable' | 'header' | 'positional';
}

const FLAG_WITH_VALUE = /^(--?[A-Za-z][\w.-]{0,80})=/;
const FLAG_ALONE = /^--?[A-Za-z][\w.-]{0,80}$/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]{0,120})=/;
const HEADER = /^([A-Za-z][A-Za-z0-9-]{0,80}):(?!\/\/)[ \t]*/;
const HEADER_FLAGS = new Set(['-H', '--header', '--headers', '--http-header']);
const ENV_FLAGS = new Set(['-e', '--env', '--set-env', '--env-var', '--environment']);

/**
 * Splits a server's argument list into the values to check: `--token=…`, `--api-key …` (the value
 * in the next argument), `-e KEY=value` (docker and friends), `-H "Authorization: Bearer …"`,
 * `KEY=value`, and every other argument as a positional value.
 */
export function argCandidates(args: readonly string[]): ArgCandidate[] {
  const out: ArgCandidate[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const withValue = FLAG_WITH_VALUE.exec(arg);
    if (withValue) {
      const flag = withValue[1]!;
      out.push(valueOf(i, arg, withValue[0].length, flag));
      continue;
    }
    if (FLAG_ALONE.test(arg) && i + 1 < args.length && takesValue(arg, args[i + 1]!)) {
      out.push(valueOf(i + 1, args[i + 1]!, 0, arg));
      i++;
      continue;
    }
    out.push(positional(i, arg));
  }
  return out;
}

/** A value may start with one dash (a random token can), but only after a secret-like flag. */
function takesValue(flag: string, next: string): boolean {
  if (!next.startsWith('-')) return true;
  return !next.startsWith('--') && next.length >= 12 && isSecretKeyName(flag.replace(/^-+/, ''));
}

/** The value of `flag`, found at `from` in argument `index`. */
function valueOf(index: number, arg: string, from: number, flag: string): ArgCandidate {
  const rest = arg.slice(from);
  if (HEADER_FLAGS.has(flag)) {
    const header = HEADER.exec(rest);
    if (header) return { argIndex: index, start: from + header[0].length, end: arg.length, keyName: header[1]!, keyLabel: header[1]!, via: 'header' };
  }
  if (ENV_FLAGS.has(flag) || HEADER_FLAGS.has(flag)) {
    const assignment = ASSIGNMENT.exec(rest);
    if (assignment) return { argIndex: index, start: from + assignment[0].length, end: arg.length, keyName: assignment[1]!, keyLabel: assignment[1]!, via: 'variable' };
  }
  return { argIndex: index, start: from, end: arg.length, keyName: flag.replace(/^-+/, ''), keyLabel: flag, via: 'flag' };
}

function positional(index: number, arg: string): ArgCandidate {
  const assignment = ASSIGNMENT.exec(arg);
  if (assignment) return { argIndex: index, start: assignment[0].length, end: arg.length, keyName: assignment[1]!, keyLabel: assignment[1]!, via: 'variable' };
  const header = HEADER.exec(arg);
  if (header && header[0].length < arg.length && looksLikeHeader(header[1]!, arg.slice(header[0].length))) {
    return { argIndex: index, start: header[0].length, end: arg.length, keyName: header[1]!, keyLabel: header[1]!, via: 'header' };
  }
  return { argIndex: index, start: 0, end: arg.length, via: 'positional' };
}

/** `Authorization: Bearer …`, `X-Api-Key: …`: not a drive letter, a host and port, or prose. */
function looksLikeHeader(name: string, value: string): boolean {
  if (/^(proxy-)?authorization$/i.test(name)) return true;
  return name.length > 1 && !/\s/.test(value.trim()) && !/^\d+$/.test(value);
}
