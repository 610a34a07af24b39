import type { ServerEntry } from '../model/server';
import { parseContainerRun } from './containerRunners';
import { parseGoRun } from './goRun';
import { parseDenoRun, parseNpmRunner, untilOperator, valueOptionsOf, type RunnerParse } from './nodeRunners';
import { scanOptions } from './options';
import { CONTAINER_TOOLS, INLINE_CODE, INTERPRETER_VALUES, INTERPRETERS, isKnownProgram, isPython, programName, SHELLS } from './program';
import { parsePipxRun, parseUvRunner, UV_GLOBAL_VALUES } from './pythonRunners';
import type { LaunchSpec, Runner, Token, Wrapper } from './types';
import { fieldToken, splitToken } from './words';
import { gatewayRouteAt } from './gatewayRoute';

const cache = new WeakMap<ServerEntry, LaunchSpec | null>();

/** `parseLaunch`, remembered per server object (several rules read the same launch); one look-up once known. */
export function launchOf(server: ServerEntry): LaunchSpec | undefined {
  let spec = cache.get(server);
  if (spec === undefined) cache.set(server, (spec = parseLaunch(server) ?? null));
  return spec ?? undefined;
}

/** Understands a stdio server's command line; undefined for servers without a command. */
export function parseLaunch(server: ServerEntry): LaunchSpec | undefined {
  const words = commandWords(server);
  return words ? parseWords(words, [], 0) : undefined;
}

const wordsCache = new WeakMap<ServerEntry, Token[] | null>();

/** The command and args as words; a command holding a whole command line (`"npx -y pkg"`) is split. Remembered per server object; the words are shared, never changed. */
export function commandWords(server: ServerEntry): Token[] | undefined {
  let words = wordsCache.get(server);
  if (words === undefined) wordsCache.set(server, (words = splitCommand(server) ?? null));
  return words ?? undefined;
}

function splitCommand(server: ServerEntry): Token[] | undefined {
  if (!server.command) return undefined;
  const command = fieldToken(server.command);
  const first = /^\s*(\S+)\s+\S/.exec(command.text);
  const words = first && isKnownProgram(programName(first[1]!)) ? splitToken(command, programName(first[1]!) === 'cmd' ? 'cmd' : 'sh') : [command];
  for (const arg of server.args) words.push(fieldToken(arg));
  return words;
}

/** One level of `cmd /c …`, `env X=1 …` or `sh -c "…"` taken off a command line. */
export function unwrapOnce(words: Token[]): { words: Token[]; wrapper: Wrapper } | undefined {
  const head = words[0];
  return head && !head.operator ? unwrap(programName(head.text), words) : undefined;
}

const MAX_WRAPPING = 4;

function parseWords(words: Token[], wrappers: Wrapper[], depth: number): LaunchSpec {
  const spec: LaunchSpec = { words, wrappers, options: NONE, packages: NONE, programArgs: NONE };
  const head = words[0];
  if (!head || head.operator) return spec;
  const program = programName(head.text);
  spec.program = program;
  spec.programToken = head;
  if (depth < MAX_WRAPPING) {
    const inner = unwrap(program, words);
    if (inner) return parseWords(inner.words, [...wrappers, inner.wrapper], depth + 1);
    const routed = throughGateway(words, wrappers, depth);
    if (routed) return routed;
  }
  const run = runnerOf(program, words);
  if (run) {
    spec.runner = run.runner;
    Object.assign(spec, run.parse);
    return spec;
  }
  if (CONTAINER_TOOLS.has(program)) return spec;
  if (INTERPRETERS.has(program) || isPython(program) || SHELLS.has(program)) {
    const script = scriptOf(words);
    if (script) {
      spec.localTarget = script.token;
      spec.programArgs = untilOperator(words, script.index + 1);
    }
    return spec;
  }
  if (/[/\\]/.test(head.text) || head.text.startsWith('${')) spec.localTarget = head;
  spec.programArgs = untilOperator(words, 1);
  return spec;
}

/**
 * A server routed through MCP Warden's gateway is the server's own launch, plus the packages the gateway's launcher
 * fetches (`npx mcp-warden@… gateway -- npx -y pkg`): both are checked.
 */
function throughGateway(words: Token[], wrappers: Wrapper[], depth: number): LaunchSpec | undefined {
  const at = gatewayRouteAt(words.map((w) => w.text));
  if (!at) return undefined;
  const server = parseWords(words.slice(at.separatorAt + 1), [...wrappers, 'gateway'], depth + 1);
  const launcher = parseWords(words.slice(0, at.gatewayAt), wrappers, depth + 1);
  if (launcher.packages.length === 0) return server;
  const fetchedBy = launcher.runner ? { runner: launcher.runner } : {};
  return { ...server, packages: [...server.packages, ...launcher.packages.map((p) => ({ ...p, ...fetchedBy }))] };
}

/** `cmd /c …`, `env X=1 …`, `sh -c "…"`: the command they run, as words. */
function unwrap(program: string, words: Token[]): { words: Token[]; wrapper: Wrapper } | undefined {
  if (program === 'cmd') {
    let i = 1;
    while (i < words.length && /^\/[a-z](?::\w+)?$/i.test(words[i]!.text) && !/^\/[ck]$/i.test(words[i]!.text)) i++;
    if (!/^\/[ck]$/i.test(words[i]?.text ?? '')) return undefined;
    return { words: words.slice(i + 1).flatMap((w) => (w.operator ? [w] : splitToken(w, 'cmd'))), wrapper: 'cmd' };
  }
  if (program === 'env') {
    let i = 1;
    while (i < words.length && (/^-/.test(words[i]!.text) || /^[A-Za-z_]\w*=/.test(words[i]!.text))) i += words[i]!.text === '-u' ? 2 : 1;
    return i < words.length ? { words: words.slice(i), wrapper: 'env' } : undefined;
  }
  if (CONTAINER_EXEC.has(program)) {
    const inner = containerExecCommand(words);
    return inner ? { words: inner, wrapper: 'container-exec' } : undefined;
  }
  if (SHELLS.has(program)) {
    const script = shellScript(words);
    if (!script) return undefined;
    let inner = splitToken(script, 'sh');
    while (inner[0] && (inner[0].text === 'exec' || /^[A-Za-z_]\w*=/.test(inner[0].text))) inner = inner.slice(1);
    return { words: inner, wrapper: 'shell' };
  }
  return undefined;
}

const CONTAINER_EXEC = new Set(['docker', 'podman', 'nerdctl']);
/** Options of `docker exec` that take a value. */
const EXEC_VALUES = new Set(['-e', '--env', '--env-file', '-u', '--user', '-w', '--workdir', '--detach-keys']);

/** The command `docker exec [options] container command…` runs inside the container (a runner nested there fetches packages too). */
function containerExecCommand(words: Token[]): Token[] | undefined {
  let i = 1;
  if (words[i]?.text === 'container') i++;
  if (words[i]?.text !== 'exec') return undefined;
  i++;
  while (i < words.length && words[i]!.text.startsWith('-') && !words[i]!.operator) i += EXEC_VALUES.has(words[i]!.text) ? 2 : 1;
  const inner = words.slice(i + 1);
  return inner.length > 0 && !inner[0]!.operator ? inner : undefined;
}

/** The script string of `sh -c '…'` (also `-lc`, `-ec`, `--login -c`). */
export function shellScript(words: readonly Token[]): Token | undefined {
  for (let i = 1; i < words.length; i++) {
    const t = words[i]!.text;
    if (!t.startsWith('-')) return undefined;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(t)) return words[i + 1];
  }
  return undefined;
}

/** Options and packages of a launch that has none, shared (a launch's lists are only read). */
const NONE = Object.freeze([]) as unknown as never[];
const NO_VALUES: ReadonlySet<string> = new Set();

/** The subcommand after a program's own options (`uv [options] run …`) and the index after it. */
function subcommand(words: Token[], values: ReadonlySet<string>): { word: string | undefined; next: number } {
  const scan = scanOptions(words, 1, values);
  return { word: words[scan.next]?.text, next: scan.next + 1 };
}

function runnerOf(program: string, words: Token[]): { runner: Runner; parse: RunnerParse } | undefined {
  switch (program) {
    case 'npx':
    case 'pnpx':
    case 'bunx': {
      const runner: Runner = program;
      return { runner, parse: parseNpmRunner(runner, words, 1) };
    }
    case 'npm':
    case 'pnpm':
    case 'yarn':
    case 'bun': {
      const s = subcommand(words, valueOptionsOf(program === 'npm' ? 'npx' : program === 'bun' ? 'bunx' : program));
      const runner: Runner | undefined =
        program === 'npm'
          ? s.word === 'exec' || s.word === 'x'
            ? 'npm-exec'
            : undefined
          : program === 'bun'
            ? s.word === 'x'
              ? 'bunx'
              : undefined
            : s.word === 'dlx'
              ? program === 'pnpm'
                ? 'pnpm-dlx'
                : 'yarn-dlx'
              : undefined;
      return runner ? { runner, parse: parseNpmRunner(runner, words, s.next) } : undefined;
    }
    case 'uvx':
      return { runner: 'uvx', parse: parseUvRunner('uvx', words, 1) };
    case 'uv': {
      const s = subcommand(words, UV_GLOBAL_VALUES);
      if (s.word === 'run') return { runner: 'uv-run', parse: parseUvRunner('uv-run', words, s.next) };
      if (s.word === 'tool' && words[s.next]?.text === 'run') return { runner: 'uv-tool-run', parse: parseUvRunner('uv-tool-run', words, s.next + 1) };
      return undefined;
    }
    case 'pipx': {
      const s = subcommand(words, NO_VALUES);
      return s.word === 'run' ? { runner: 'pipx-run', parse: parsePipxRun(words, s.next) } : undefined;
    }
    case 'docker':
    case 'podman':
    case 'nerdctl': {
      const parse = parseContainerRun(words, 1);
      return parse ? { runner: program, parse } : undefined;
    }
    case 'deno': {
      const s = subcommand(words, NO_VALUES);
      if (s.word === 'run') return { runner: 'deno', parse: parseDenoRun(words, s.next) };
      if (s.word && /^(?:npm:|jsr:|\.|\/)|\.[mc]?[jt]sx?$/.test(s.word)) return { runner: 'deno', parse: parseDenoRun(words, s.next - 1) };
      return undefined;
    }
    case 'go': {
      const s = subcommand(words, NO_VALUES);
      return s.word === 'run' ? { runner: 'go-run', parse: parseGoRun(words, s.next) } : undefined;
    }
    default:
      return undefined;
  }
}

/** The script an interpreter runs: its first argument that is not an option, unless code is given inline. */
function scriptOf(words: Token[]): { token: Token; index: number } | undefined {
  let i = 1;
  if (['bun', 'dotnet'].includes(programName(words[0]!.text)) && words[1]?.text === 'run') i = 2;
  for (; i < words.length && !words[i]!.operator; i++) {
    const t = words[i]!.text;
    if (INLINE_CODE.has(t) || /^--(?:eval|print)=/.test(t)) return undefined;
    if (t === '-jar' || t === '--project') return words[i + 1] ? { token: words[i + 1]!, index: i + 1 } : undefined;
    if (INTERPRETER_VALUES.has(t)) {
      i++;
      continue;
    }
    if (t.startsWith('-')) continue;
    return { token: words[i]!, index: i };
  }
  return undefined;
}
