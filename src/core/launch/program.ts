/** The program a command names: base name, lower-case, without `.exe`/`.cmd`/`.bat`/`.ps1`. */
export function programName(command: string): string {
  let name = PROGRAM_NAMES.get(command);
  if (name === undefined) {
    const base =
      command
        .replace(/^["']|["']$/g, '')
        .split(/[/\\]/)
        .pop() ?? command;
    name = base.toLowerCase().replace(/\.(?:exe|cmd|bat|ps1)$/, '');
    if (command.length > MAX_REMEMBERED_LENGTH) return name;
    if (PROGRAM_NAMES.size >= MAX_REMEMBERED) PROGRAM_NAMES.clear();
    PROGRAM_NAMES.set(command, name);
  }
  return name;
}

/** Programs repeat across servers and rules (`npx`, `uvx`, `docker`), so their names are remembered. */
const PROGRAM_NAMES = new Map<string, string>();
const MAX_REMEMBERED = 2048;
const MAX_REMEMBERED_LENGTH = 256;

export const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'fish', 'mksh', 'busybox']);
export const POWERSHELLS = new Set(['powershell', 'pwsh']);
export const CONTAINER_TOOLS = new Set(['docker', 'podman', 'nerdctl']);

/** Programs whose first non-option argument is a script file they run. */
export const INTERPRETERS = new Set([
  'node',
  'nodejs',
  'bun',
  'tsx',
  'ts-node',
  'ruby',
  'perl',
  'php',
  'java',
  'dotnet',
  'rscript',
  'lua',
  'julia',
  'groovy',
  'elixir',
  'swift',
]);

export function isPython(program: string): boolean {
  return /^(?:python(?:\d+(?:\.\d+)?)?|pythonw|py|pypy3?)$/.test(program);
}

/** Names recognised when a whole command line is written in `command` (`"npx -y pkg"`). */
export function isKnownProgram(program: string): boolean {
  return (
    ['npx', 'npm', 'pnpm', 'pnpx', 'bunx', 'yarn', 'uvx', 'uv', 'pipx', 'deno', 'go', 'cmd', 'env'].includes(program) ||
    SHELLS.has(program) ||
    CONTAINER_TOOLS.has(program) ||
    INTERPRETERS.has(program) ||
    isPython(program)
  );
}

/** Interpreter options that take a value, so the script after them is found. */
export const INTERPRETER_VALUES = new Set([
  '-r',
  '--require',
  '--import',
  '--loader',
  '--experimental-loader',
  '-X',
  '-W',
  '-cp',
  '-classpath',
  '--class-path',
  '-I',
  '--env-file',
  '--conditions',
  '-C',
]);
/** Interpreter options after which no script file follows (inline code or a module name). */
export const INLINE_CODE = new Set(['-e', '--eval', '-p', '--print', '-c', '-m', '--module']);
