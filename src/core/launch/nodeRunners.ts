import { readJsrSpec, readNpmSpec } from './npmSpec';
import { NO_TOKENS, optionValues, scanOptions } from './options';
import { LOCAL, shift, toPackageRef, type Reading } from './specReading';
import type { PackageRef, ParsedOption, Runner, Token } from './types';

/** What a runner found after its own name: options, packages, a local target, the server's args. */
export interface RunnerParse {
  options: ParsedOption[];
  packages: PackageRef[];
  localTarget?: Token;
  programArgs: Token[];
}

const NPM_CONFIG_VALUES = [
  '--registry',
  '--cache',
  '--userconfig',
  '--globalconfig',
  '--prefix',
  '--workspace',
  '-w',
  '--loglevel',
  '--node-options',
  '--script-shell',
  '--shell',
  '--otp',
  '--scope',
  '--before',
  '--omit',
  '--include',
  '--install-strategy',
  '--fetch-timeout',
  '--fetch-retries',
  '--https-proxy',
  '--proxy',
  '--noproxy',
  '--ca',
  '--cafile',
  '--cert',
  '--key',
  '--user-agent',
  '--auth-type',
  '--tag',
];
const VALUES: Record<string, ReadonlySet<string>> = {
  npx: new Set([...NPM_CONFIG_VALUES, '--package', '-p', '--call', '-c']),
  bunx: new Set(['--package', '-p', '--registry', '--cwd', '--config', '-c']),
  pnpm: new Set(['--package', '--dir', '-C', '--filter', '-F', '--reporter', '--allow-build', '--registry', '--store-dir', '--workspace-dir']),
  yarn: new Set(['--package', '-p', '--cwd']),
};
const TABLE_OF: Record<string, keyof typeof VALUES> = {
  npx: 'npx',
  'npm-exec': 'npx',
  pnpx: 'pnpm',
  'pnpm-dlx': 'pnpm',
  bunx: 'bunx',
  'yarn-dlx': 'yarn',
};

export function valueOptionsOf(tool: keyof typeof VALUES): ReadonlySet<string> {
  return VALUES[tool]!;
}

/** Words up to the next shell operator. */
export function untilOperator(words: readonly Token[], from: number): Token[] {
  const out: Token[] = [];
  for (let i = from; i < words.length && !words[i]!.operator; i++) out.push(words[i]!);
  return out;
}

function addReading(out: RunnerParse, token: Token, from: number, reading: Reading, registry: string | undefined): void {
  if (reading === LOCAL) out.localTarget ??= token;
  else if (reading) out.packages.push(toPackageRef(token, from, reading, registry));
}

/** `npx`, `npm exec`, `pnpm dlx`, `pnpx`, `bunx`, `yarn dlx`, from the word after the runner's name. */
export function parseNpmRunner(runner: Runner, words: readonly Token[], start: number): RunnerParse {
  const scan = scanOptions(words, start, VALUES[TABLE_OF[runner] ?? 'npx']!);
  const registry = scan.options.length === 0 ? undefined : optionValues(scan.options, '--registry').at(-1)?.text;
  const out: RunnerParse = { options: scan.options, packages: [], programArgs: NO_TOKENS };
  const packageOptions =
    scan.options.length === 0
      ? NO_TOKENS
      : runner === 'pnpm-dlx' || runner === 'pnpx'
        ? optionValues(scan.options, '--package')
        : optionValues(scan.options, '--package', '-p');
  for (const value of packageOptions) addReading(out, value, 0, readNpmSpec(value.text), registry);
  const rest = untilOperator(words, scan.next);
  const calls = scan.options.length > 0 && (runner === 'npx' || runner === 'npm-exec') ? optionValues(scan.options, '--call', '-c') : NO_TOKENS;
  if (calls.length > 0) return out;
  if (packageOptions.length > 0) {
    // The first word names a command from those packages, not a package.
    out.programArgs = rest.slice(1);
    return out;
  }
  const target = rest[0];
  if (target) addReading(out, target, 0, readNpmSpec(target.text), registry);
  out.programArgs = rest.slice(1);
  return out;
}

const DENO_VALUES = new Set(['-c', '--config', '--import-map', '--cert', '--location', '--seed', '--ext', '-L', '--log-level']);

/** `deno run [options] npm:…|jsr:…|./local.ts`. */
export function parseDenoRun(words: readonly Token[], start: number): RunnerParse {
  const scan = scanOptions(words, start, DENO_VALUES);
  const out: RunnerParse = { options: scan.options, packages: [], programArgs: NO_TOKENS };
  const rest = untilOperator(words, scan.next);
  const target = rest[0];
  if (target) {
    const t = target.text;
    if (t.startsWith('npm:')) addReading(out, target, 0, readNpmSpec(t, true), undefined);
    else if (t.startsWith('jsr:')) {
      const jsr = readJsrSpec(t.slice(4));
      addReading(out, target, 0, jsr && jsr !== LOCAL ? shift(jsr, 4) : jsr, undefined);
    } else if (!/^[a-z][a-z0-9+.-]*:/i.test(t) || /^file:/i.test(t)) out.localTarget = target;
  }
  out.programArgs = rest.slice(1);
  return out;
}
