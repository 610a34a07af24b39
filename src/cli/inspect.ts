import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { isClientId, type ClientId, type ConfigFile } from '../core/index';
import { describeEntry, inspectAll, killAllLiveProcesses, type InputRequest } from '../live/index';
import { inspectJson, inspectText } from '../live/report';
import { existingUserConfigs, findConfigFiles } from '../node/discovery';
import { currentMachineEnv } from '../node/machineEnv';
import { readConfigFile } from '../node/readConfig';
import type { CliIo } from './scan';

/** How the command talks to a person, when there is one. */
export interface CliInteraction {
  /** Standard input is a terminal: questions may be asked. */
  interactive: boolean;
  confirm(question: string): Promise<boolean>;
  /** Reads a value without echoing it. */
  askHidden(question: string): Promise<string | undefined>;
}

export const INSPECT_HELP = `mcp-warden inspect — start MCP servers from configs and list their tools, prompts and resources

Usage:
  mcp-warden inspect [configs or folders…] [options]
      with no path: the current folder plus this user's client configs

Options:
  -f, --format text|json   output format (default text)
      --timeout MS         connect timeout, and timeout of each request (default 15000 / 10000)
      --server NAME        only this server; repeatable
      --client ID          read every given file as this client's format
      --concurrency N      servers inspected at once (default 8)
      --include-disabled   also start servers the config disables
      --no-user            with no path, do not read this user's client configs
  -y, --yes, --trust       start the servers without asking (required when standard input is not a terminal)

Starting a server runs its command with your permissions: only inspect configs you trust.
Exit codes: 0 every server answered; 1 some server failed; 2 usage error, nothing to inspect, or not confirmed.
`;

/** `mcp-warden inspect`: returns the exit code. */
export async function runInspect(argv: string[], io: CliIo, interaction: CliInteraction = terminalInteraction()): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        timeout: { type: 'string' },
        server: { type: 'string', multiple: true },
        client: { type: 'string' },
        concurrency: { type: 'string' },
        'include-disabled': { type: 'boolean', default: false },
        'no-user': { type: 'boolean', default: false },
        yes: { type: 'boolean', short: 'y', default: false },
        trust: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    return usage(io, (e as Error).message);
  }
  if (values.help) {
    io.stdout(INSPECT_HELP);
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') return usage(io, `--format must be text or json (got "${values.format}")`);
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0)) return usage(io, `--timeout takes milliseconds (got "${values.timeout}")`);
  const concurrency = values.concurrency === undefined ? 8 : Number(values.concurrency);
  if (!(Number.isInteger(concurrency) && concurrency > 0)) return usage(io, `--concurrency takes a positive number (got "${values.concurrency}")`);
  if (values.client !== undefined && !isClientId(values.client)) return usage(io, `unknown --client "${values.client}"`);

  const files = loadFiles(positionals, io, values.client as ClientId | undefined, !values['no-user']);
  if (!files) return 2;
  let entries = files.flatMap((f) => f.servers);
  const wanted = values.server ?? [];
  const missing = wanted.filter((name) => !entries.some((e) => e.name === name));
  if (missing.length > 0) return usage(io, `no server named ${missing.map((m) => `"${m}"`).join(', ')} in the configs read`);
  if (wanted.length > 0) entries = entries.filter((e) => wanted.includes(e.name));
  const toStart = entries.filter((e) => values['include-disabled'] || !e.disabled);
  if (toStart.length === 0) {
    io.stderr('mcp-warden: no MCP server to inspect in the configs read\n');
    return 2;
  }

  if (!values.yes && !values.trust) {
    const listing = toStart.map((e) => `  ${e.name}: ${describeEntry(e)}`).join('\n');
    if (!interaction.interactive) {
      io.stderr(
        `mcp-warden: inspect starts the servers these configs name, running their commands with your permissions:\n${listing}\n` +
          `Nothing was started. Re-run with --yes (or --trust) if you trust these configs.\n`,
      );
      return 2;
    }
    io.stderr(`These servers will be started (their commands run with your permissions):\n${listing}\n`);
    if (!(await interaction.confirm(`Start ${toStart.length} server(s)? [y/N] `))) {
      io.stderr('mcp-warden: nothing started\n');
      return 2;
    }
  }

  const ask = serialized(async (request: InputRequest) =>
    interaction.interactive ? interaction.askHidden(`Value for \${input:${request.id}} (server ${request.server.name}): `) : undefined,
  );
  try {
    const results = await inspectAll(entries, {
      env: io.env,
      clientInfo: { name: 'mcp-warden', version: io.version },
      concurrency,
      includeDisabled: values['include-disabled'],
      ...(timeout !== undefined ? { connectTimeoutMs: timeout, requestTimeoutMs: timeout } : {}),
      resolveInput: ask,
    });
    io.stdout(values.format === 'json' ? inspectJson(results, io.cwd, io.version) + '\n' : inspectText(results, io.cwd));
    return results.some((r) => r.status.state === 'error') ? 1 : 0;
  } finally {
    await killAllLiveProcesses();
  }
}

function usage(io: CliIo, message: string): number {
  io.stderr(`mcp-warden: ${message}\n(try: mcp-warden inspect --help)\n`);
  return 2;
}

function loadFiles(paths: string[], io: CliIo, client: ClientId | undefined, user: boolean): ConfigFile[] | undefined {
  const machine = currentMachineEnv(io.env);
  const files: ConfigFile[] = [];
  let failed = false;
  const load = (path: string, explicit: boolean, scope?: ConfigFile['scope']) => {
    try {
      files.push(readConfigFile({ path, explicit, home: machine.home, ...(client ? { client } : {}), ...(scope ? { scope } : {}) }));
    } catch (e) {
      io.stderr(`mcp-warden: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      failed = true;
    }
  };
  if (paths.length === 0) {
    for (const f of findConfigFiles(io.cwd).files) load(f, false);
    if (user) for (const loc of existingUserConfigs(machine)) load(loc.path, false, loc.scope);
  }
  for (const p of paths) {
    const abs = resolve(io.cwd, p);
    if (!existsSync(abs)) {
      io.stderr(`mcp-warden: no such file or folder: ${p}\n`);
      failed = true;
    } else if (statSync(abs).isDirectory()) for (const f of findConfigFiles(abs).files) load(f, false);
    else load(abs, true);
  }
  if (failed) return undefined;
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(f.path) && seen.add(f.path));
}

/** One question at a time, even when servers start concurrently. */
function serialized<A, R>(fn: (arg: A) => Promise<R>): (arg: A) => Promise<R> {
  let queue: Promise<unknown> = Promise.resolve();
  return (arg) => {
    const run = queue.then(() => fn(arg));
    queue = run.catch(() => undefined);
    return run;
  };
}

export function terminalInteraction(): CliInteraction {
  const interactive = process.stdin.isTTY === true;
  return {
    interactive,
    confirm: (question) =>
      new Promise((resolveAnswer) => {
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        rl.question(question, (answer) => {
          rl.close();
          resolveAnswer(/^y(es)?$/i.test(answer.trim()));
        });
      }),
    askHidden: (question) => askHidden(question),
  };
}

function askHidden(question: string): Promise<string | undefined> {
  return new Promise((resolveValue) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    let value = '';
    stdin.setRawMode?.(true);
    stdin.resume();
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0003') {
          stdin.off('data', onData);
          stdin.setRawMode?.(false);
          stdin.pause();
          process.stderr.write('\n');
          resolveValue(ch === '\u0003' || value === '' ? undefined : value);
          return;
        }
        value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}
