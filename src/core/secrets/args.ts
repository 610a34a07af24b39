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

/** Well-known clients whose password flag has a short name: the value follows (`redis-cli -a X`) or is attached (`mysql -pX`). */
const CLIENT_PASSWORD_FLAGS: Record<string, { next?: string[]; attached?: string[] }> = {
  'redis-cli': { next: ['-a', '--pass'] },
  'valkey-cli': { next: ['-a', '--pass'] },
  mysql: { attached: ['-p'] },
  mariadb: { attached: ['-p'] },
  mysqldump: { attached: ['-p'] },
  mysqladmin: { attached: ['-p'] },
  mongosh: { next: ['-p'] },
  mongo: { next: ['-p'] },
  sqlcmd: { next: ['-P'] },
};
const INLINE_ASSIGNMENT = /(?:^|\s)([A-Za-z_][A-Za-z0-9_]{0,120})=("[^"]*"|'[^']*'|[^\s"']+)/g;

function programName(word: string): string {
  return (word.split(/[\\/]/).pop() ?? word).toLowerCase().replace(/\.(exe|cmd|bat)$/, '');
}

/** The longest base name that can name a client of `CLIENT_PASSWORD_FLAGS` (`mysqladmin.exe`), with room to spare. */
const LONGEST_CLIENT_NAME = 32;

/**
 * The password flags of the client a word names. Most words (options, packages, long values) cannot
 * name one, because the name starts with a letter and is short, and are not taken apart.
 */
function clientFlagsOf(word: string): { next?: string[]; attached?: string[] } | undefined {
  const start = Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1;
  if (word.length - start > LONGEST_CLIENT_NAME || !/[A-Za-z_]/.test(word.charAt(start))) return undefined;
  return CLIENT_PASSWORD_FLAGS[programName(word)];
}

/**
 * Splits a server's argument list into the values to check: `--token=…`, `--api-key …` (the value
 * in the next argument), `-e KEY=value` (docker and friends), `-H "Authorization: Bearer …"`,
 * `KEY=value`, and every other argument as a positional value.
 */
export function argCandidates(args: readonly string[], program?: string): ArgCandidate[] {
  const out: ArgCandidate[] = [];
  let client = program === undefined ? undefined : CLIENT_PASSWORD_FLAGS[programName(program)];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    client = clientFlagsOf(arg) ?? client;
    if (client?.next?.includes(arg) && i + 1 < args.length) {
      out.push({ argIndex: i + 1, start: 0, end: args[i + 1]!.length, keyName: 'password', keyLabel: arg, via: 'flag' });
      i++;
      continue;
    }
    const attached = client?.attached?.find((f) => arg.startsWith(f) && arg.length > f.length && !arg.startsWith('--'));
    if (attached) {
      out.push({ argIndex: i, start: attached.length, end: arg.length, keyName: 'password', keyLabel: attached, via: 'flag' });
      continue;
    }
    const withValue = FLAG_WITH_VALUE.exec(arg);
    if (withValue) {
      const flag = withValue[1]!;
      out.push(valueOf(i, arg, withValue[0].length, flag));
      continue;
    }
    if (FLAG_ALONE.test(arg) && i + 1 < args.length && takesValue(arg, args[i + 1]!)) {
      const next = args[i + 1]!;
      if (next.includes('=') && /\s/.test(next)) out.push(...inlineAssignments(i + 1, next));
      out.push(valueOf(i + 1, next, 0, arg));
      i++;
      continue;
    }
    if (arg.includes('=') && /\s/.test(arg)) out.push(...inlineAssignments(i, arg));
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
    if (assignment)
      return { argIndex: index, start: from + assignment[0].length, end: arg.length, keyName: assignment[1]!, keyLabel: assignment[1]!, via: 'variable' };
  }
  return { argIndex: index, start: from, end: arg.length, keyName: flag.replace(/^-+/, ''), keyLabel: flag, via: 'flag' };
}

/** `OPENAI_API_KEY=… node s.js` in one argument (a shell string): each secret-like assignment. */
function inlineAssignments(index: number, arg: string): ArgCandidate[] {
  const out: ArgCandidate[] = [];
  INLINE_ASSIGNMENT.lastIndex = 0;
  for (let m = INLINE_ASSIGNMENT.exec(arg); m; m = INLINE_ASSIGNMENT.exec(arg)) {
    const name = m[1]!;
    if (!isSecretKeyName(name)) continue;
    const quoted = /^["']/.test(m[2]!) ? 1 : 0;
    const end = m.index + m[0].length - quoted;
    out.push({ argIndex: index, start: end - m[2]!.length + 2 * quoted, end, keyName: name, keyLabel: name, via: 'variable' });
  }
  return out;
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
