import { untilOperator, type RunnerParse } from './nodeRunners';
import { hasOption, optionValues, scanOptions } from './options';
import { readPypiSpec } from './pypiSpec';
import { LOCAL, toPackageRef } from './specReading';
import type { Runner, Token } from './types';

const UV_VALUES = new Set([
  '--from',
  '--with',
  '--with-editable',
  '--with-requirements',
  '--with-executables-from',
  '--python',
  '-p',
  '--index',
  '--default-index',
  '--index-url',
  '-i',
  '--extra-index-url',
  '--find-links',
  '-f',
  '--directory',
  '--project',
  '--config-file',
  '--cache-dir',
  '--refresh-package',
  '--reinstall-package',
  '--upgrade-package',
  '-P',
  '--constraints',
  '--constraint',
  '-c',
  '--overrides',
  '--override',
  '--build-constraints',
  '--build-constraint',
  '-b',
  '--env-file',
  '--index-strategy',
  '--keyring-provider',
  '--resolution',
  '--prerelease',
  '--exclude-newer',
  '--exclude-newer-package',
  '--link-mode',
  '--color',
  '--python-preference',
  '--python-platform',
  '--allow-insecure-host',
  '--no-binary-package',
  '--no-build-package',
  '--config-setting',
  '-C',
  '--package',
  '--extra',
  '--group',
  '--only-group',
  '--no-group',
  '--no-extra',
  '--torch-backend',
  '--fork-strategy',
  '--no-sources-package',
  '--script',
]);
const PIPX_VALUES = new Set(['--spec', '--python', '--pip-args', '--index-url', '-i', '--backend', '--fetch-python']);

/** Global options of `uv` before its subcommand (`uv --directory x run …`). */
export const UV_GLOBAL_VALUES = new Set([
  '--directory',
  '--project',
  '--config-file',
  '--cache-dir',
  '--color',
  '--python-preference',
  '--allow-insecure-host',
]);

function indexOf(options: RunnerParse['options']): string | undefined {
  return optionValues(options, '--index-url', '-i', '--default-index', '--index').at(-1)?.text;
}

function addSpec(out: RunnerParse, token: Token, registry: string | undefined, localIsTarget: boolean): void {
  const reading = readPypiSpec(token.text);
  if (reading === LOCAL) {
    if (localIsTarget) out.localTarget ??= token;
  } else if (reading) out.packages.push(toPackageRef(token, 0, reading, registry));
}

/** `uvx`, `uv tool run` and `uv run --with`, from the word after the runner's name. */
export function parseUvRunner(runner: Runner, words: readonly Token[], start: number): RunnerParse {
  const scan = scanOptions(words, start, UV_VALUES);
  const registry = indexOf(scan.options);
  const out: RunnerParse = { options: scan.options, packages: [], programArgs: [] };
  const rest = untilOperator(words, scan.next);
  if (runner === 'uv-run') {
    for (const w of optionValues(scan.options, '--with')) addSpec(out, w, registry, false);
    const target = rest[0];
    if (target && !hasOption(scan.options, '--module', '-m') && looksLikeScript(target.text)) out.localTarget = target;
    out.programArgs = rest.slice(1);
    return out;
  }
  const from = optionValues(scan.options, '--from').at(-1);
  if (from) addSpec(out, from, registry, true);
  else if (rest[0]) addSpec(out, rest[0], registry, true);
  for (const w of optionValues(scan.options, '--with')) addSpec(out, w, registry, false);
  out.programArgs = rest.slice(1);
  return out;
}

/** `pipx run [--spec …] app`. */
export function parsePipxRun(words: readonly Token[], start: number): RunnerParse {
  const scan = scanOptions(words, start, PIPX_VALUES);
  const registry = indexOf(scan.options);
  const out: RunnerParse = { options: scan.options, packages: [], programArgs: [] };
  const rest = untilOperator(words, scan.next);
  const spec = optionValues(scan.options, '--spec').at(-1) ?? rest[0];
  if (spec) addSpec(out, spec, registry, true);
  out.programArgs = rest.slice(1);
  return out;
}

function looksLikeScript(text: string): boolean {
  return /[/\\]/.test(text) || /\.(?:py|pyw|sh)$/i.test(text);
}
