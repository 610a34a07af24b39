import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createProject, isClientId, SEVERITY_ORDER, type ClientId, type ConfigFile, type ServerEntry } from '../core/index';
import { plainReason, serversNotLoaded } from '../core/config/notLoaded';
import { analyzeServer } from '../core/tools/analyze';
import { verdictOf } from '../core/tools/report';
import type { TargetKind, ToolFinding } from '../core/tools/types';
import { describeEntry, inspectAll, killAllLiveProcesses, type InputRequest, type InspectResult } from '../live/index';
import { visibleText } from '../core/text/visible';
import { inspectJson, inspectText } from '../live/report';
import { readFailure } from '../node/boundedRead';
import { existingUserConfigs, findConfigFiles } from '../node/discovery';
import { currentMachineEnv } from '../node/machineEnv';
import { readConfigFile } from '../node/readConfig';
import { commandArgs, usageError, type OptionTable, type Parsed } from './options';
import type { CliIo } from './scan';
import { nounFor, plural } from '../core/text/plural';

/** How the command talks to a person, when there is one. */
export interface CliInteraction {
  /** Standard input is a terminal: questions may be asked. */
  interactive: boolean;
  confirm(question: string): Promise<boolean>;
  /** Reads a value without echoing it. */
  askHidden(question: string): Promise<string | undefined>;
}

export const INSPECT_HELP = `mcp-warden inspect — start MCP servers from configs, list their tools, prompts and resources, and analyse them

Usage:
  mcp-warden inspect [configs or folders…] [options]
      with no path: the current folder plus this user's client configs

Options:
  -f, --format text|json   output format (default text)
      --fail-on error|warning|info|never
                           exit 1 when a tool-analysis finding is at or above this severity (default never)
      --verbose            text: also list informational findings
      --timeout MS         connect timeout, and timeout of each request (default 15000 / 10000)
      --server NAME        only this server; repeatable
      --client ID          read every given file as this client's format
      --concurrency N      servers inspected at once (default 8)
      --include-disabled   also start servers their client would not load (disabled in the config,
                           or by a client setting such as Claude Code's disabledMcpjsonServers);
                           a server named with --server starts either way
      --no-user            with no path, do not read this user's client configs
  -y, --yes, --trust       start the servers without asking (required when standard input is not a terminal)

Starting a server runs its command with your permissions: only inspect configs you trust.
Exit codes: 0 every server answered and no finding reached --fail-on; 1 some server failed, or a finding
reached --fail-on; 2 usage error, nothing to inspect, or not confirmed.
`;

/** Options of every command that starts servers (inspect, verify, approve). */
export const LIVE_OPTIONS = {
  timeout: { type: 'string' },
  server: { type: 'string', multiple: true },
  client: { type: 'string' },
  concurrency: { type: 'string' },
  'include-disabled': { type: 'boolean', default: false },
  yes: { type: 'boolean', short: 'y', default: false },
  trust: { type: 'boolean', default: false },
} as const;

const INSPECT_OPTIONS = {
  ...LIVE_OPTIONS,
  format: { type: 'string', short: 'f', default: 'text' },
  'fail-on': { type: 'string', default: 'never' },
  verbose: { type: 'boolean', default: false },
  'no-user': { type: 'boolean', default: false },
} as const;

export interface LiveArgs {
  command: string;
  timeout?: number;
  concurrency: number;
  servers: string[];
  client?: ClientId;
  includeDisabled: boolean;
  trusted: boolean;
}

type LiveValues = { timeout?: string; server?: string[]; client?: string; concurrency?: string; 'include-disabled'?: boolean; yes?: boolean; trust?: boolean };

/** The shared options, checked; a string is the usage error. */
export function readLiveArgs(command: string, values: LiveValues): LiveArgs | string {
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0)) return `--timeout takes milliseconds (got "${values.timeout}")`;
  const concurrency = values.concurrency === undefined ? 8 : Number(values.concurrency);
  if (!(Number.isInteger(concurrency) && concurrency > 0)) return `--concurrency takes a positive number (got "${values.concurrency}")`;
  if (values.client !== undefined && !isClientId(values.client)) return `unknown --client "${values.client}"`;
  const args: LiveArgs = {
    command,
    concurrency,
    servers: values.server ?? [],
    includeDisabled: values['include-disabled'] === true,
    trusted: values.yes === true || values.trust === true,
  };
  if (timeout !== undefined) args.timeout = timeout;
  if (values.client !== undefined) args.client = values.client as ClientId;
  return args;
}

/** The servers chosen: all of them, the ones to start, and the ones not started with why (their client would not load them). */
export interface SelectedServers {
  entries: ServerEntry[];
  toStart: ServerEntry[];
  skipped: ReadonlyMap<ServerEntry, string>;
}

/**
 * The servers of the configs named (or found) after `--server`; a number is the exit code of a failure already
 * reported. A server its client would not load (the rules' `disabledBy`) is skipped, unless `--include-disabled`
 * or `--server` names it: then it starts, and stderr says so.
 */
export function selectServers(paths: string[], args: LiveArgs, io: CliIo, user: boolean): SelectedServers | number {
  const files = loadFiles(paths, io, args.client, user);
  if (!files) return 2;
  let entries = files.flatMap((f) => f.servers);
  const missing = args.servers.filter((name) => !entries.some((e) => e.name === name));
  if (missing.length > 0) return usage(io, args.command, `no server named ${missing.map((m) => `"${m}"`).join(', ')} in the configs read`);
  if (args.servers.length > 0) entries = entries.filter((e) => args.servers.includes(e.name));
  const notLoaded = serversNotLoaded(files, createProject(files));
  const skipped = new Map<ServerEntry, string>();
  for (const e of entries) {
    const why = notLoaded.get(e);
    if (why === undefined) continue;
    const name = `"${visibleText(e.name, { singleLine: true, max: 200 })}"`;
    if (args.servers.includes(e.name)) io.stderr(`mcp-warden: ${name} is disabled (${plainReason(why)}); starting it because --server names it\n`);
    else if (!args.includeDisabled) skipped.set(e, why);
  }
  const toStart = entries.filter((e) => !skipped.has(e));
  if (toStart.length === 0) {
    const off = skipped.size > 0 ? `; ${plural(skipped.size, 'disabled server')} skipped (name one with --server, or --include-disabled)` : '';
    io.stderr(`mcp-warden: no MCP server to ${args.command} in the configs read${off}\n`);
    return 2;
  }
  return { entries, toStart, skipped };
}

/** True when the servers may start: `--yes`, or a person said yes. Says why not otherwise. */
export async function confirmStart(toStart: readonly ServerEntry[], args: LiveArgs, io: CliIo, interaction: CliInteraction): Promise<boolean> {
  if (args.trusted) return true;
  const listing = toStart.map((e) => `  ${visibleText(e.name, { singleLine: true, max: 200 })}: ${describeEntry(e)}`).join('\n');
  if (!interaction.interactive) {
    io.stderr(
      `mcp-warden: ${args.command} starts the servers these configs name, running their commands with your permissions:\n${listing}\n` +
        `Nothing was started. Re-run with --yes (or --trust) if you trust these configs.\n`,
    );
    return false;
  }
  io.stderr(`These servers will be started (their commands run with your permissions):\n${listing}\n`);
  if (await interaction.confirm(`Start ${plural(toStart.length, 'server')}? [y/N] `)) return true;
  io.stderr('mcp-warden: nothing started\n');
  return false;
}

/** Starts every server, lists what it offers and stops it; no process is left when this returns. */
export async function startServers(
  entries: readonly ServerEntry[],
  args: LiveArgs,
  io: CliIo,
  interaction: CliInteraction,
  skipped: ReadonlyMap<ServerEntry, string> = new Map(),
): Promise<InspectResult[]> {
  const ask = serialized(async (request: InputRequest) =>
    interaction.interactive ? interaction.askHidden(`Value for \${input:${request.id}} (server ${request.server.name}): `) : undefined,
  );
  try {
    return await inspectAll(entries, {
      env: io.env,
      clientInfo: { name: 'mcp-warden', version: io.version },
      concurrency: args.concurrency,
      notStarted: (entry) => skipped.get(entry),
      ...(args.timeout !== undefined ? { connectTimeoutMs: args.timeout, requestTimeoutMs: args.timeout } : {}),
      resolveInput: ask,
    });
  } finally {
    await killAllLiveProcesses();
  }
}

export function usage(io: CliIo, command: string, message: string): number {
  return usageError(io, message, command);
}

/**
 * How inspect, verify and approve start: their arguments read, the shared live options and the
 * command's own (`check`: a string is the usage error) checked, then the servers chosen (this user's
 * configs too only for a command with `--no-user`); or the exit code.
 */
export function liveCommand<O extends OptionTable>(
  io: CliIo,
  command: string,
  argv: readonly string[],
  options: O,
  help: string,
  check: (values: Parsed<O>['values']) => string | undefined = () => undefined,
) {
  const parsed = commandArgs(io, command, argv, options, help);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const problem = check(values);
  if (problem !== undefined) return usage(io, command, problem);
  const args = readLiveArgs(command, values as LiveValues);
  if (typeof args === 'string') return usage(io, command, args);
  const selected = selectServers(positionals, args, io, 'no-user' in options && !(values as { 'no-user'?: boolean })['no-user']);
  if (typeof selected === 'number') return selected;
  return { values, args, selected };
}

/** `mcp-warden inspect`: returns the exit code. */
export async function runInspect(argv: string[], io: CliIo, interaction: CliInteraction = terminalInteraction()): Promise<number> {
  const started = liveCommand(io, 'inspect', argv, INSPECT_OPTIONS, INSPECT_HELP, (v) =>
    v.format !== 'text' && v.format !== 'json'
      ? `--format must be text or json (got "${v.format}")`
      : v['fail-on'] !== 'never' && !(v['fail-on']! in SEVERITY_ORDER)
        ? `--fail-on must be one of error, warning, info, never (got "${v['fail-on']}")`
        : undefined,
  );
  if (typeof started === 'number') return started;
  const { values, args, selected } = started;
  const failOn = values['fail-on'];
  if (!(await confirmStart(selected.toStart, args, io, interaction))) return 2;

  const results = await startServers(selected.entries, args, io, interaction, selected.skipped);
  const analysis = analyse(results);
  io.stdout(
    values.format === 'json'
      ? withFindings(inspectJson(results, io.cwd, io.version), results, analysis) + '\n'
      : inspectText(results, io.cwd) + findingsText(analysis, values.verbose === true),
  );
  if (results.some((r) => r.status.state === 'error')) return 1;
  if (failOn === 'never') return 0;
  const threshold = SEVERITY_ORDER[failOn as keyof typeof SEVERITY_ORDER];
  return [...analysis.values()].some((findings) => findings.some((f) => SEVERITY_ORDER[f.severity] >= threshold)) ? 1 : 0;
}

/** Tool analysis of every connected server, the others of this run being its session. */
function analyse(results: readonly InspectResult[]): Map<InspectResult, ToolFinding[]> {
  const connected = results.filter((r) => r.snapshot);
  const otherServers = connected.map((r) => ({ server: r.entry.name, toolNames: r.snapshot!.tools.map((t) => t.name) }));
  return new Map(connected.map((r) => [r, analyzeServer(r.snapshot!, { otherServers })]));
}

type JsonServer = Record<string, unknown> & {
  tools?: { name: string }[];
  prompts?: { name: string }[];
  resources?: { uri: string }[];
  resourceTemplates?: { uriTemplate: string }[];
};

/** Adds `verdict` to the server and each item, and the server's `findings`. */
function withFindings(json: string, results: readonly InspectResult[], analysis: Map<InspectResult, ToolFinding[]>): string {
  const report = JSON.parse(json) as { servers: JsonServer[] };
  report.servers.forEach((server, i) => {
    const findings = analysis.get(results[i]!);
    if (!findings) return;
    const mark = (kind: TargetKind, name: string) => verdictOf(findings.filter((f) => f.target.kind === kind && f.target.name === name));
    server.verdict = verdictOf(findings);
    for (const t of server.tools ?? []) Object.assign(t, { verdict: mark('tool', t.name) });
    for (const p of server.prompts ?? []) Object.assign(p, { verdict: mark('prompt', p.name) });
    for (const r of server.resources ?? []) Object.assign(r, { verdict: mark('resource', r.uri) });
    for (const r of server.resourceTemplates ?? []) Object.assign(r, { verdict: mark('resourceTemplate', r.uriTemplate) });
    server.findings = findings.map(({ ruleId, category, severity, target, field, start, end, excerpt, message }) => ({
      ruleId,
      category,
      severity,
      target,
      field,
      start,
      end,
      excerpt,
      message,
    }));
  });
  return JSON.stringify(report, null, 2);
}

const KIND_LABEL: Record<TargetKind, string> = {
  tool: 'tool',
  prompt: 'prompt',
  resource: 'resource',
  resourceTemplate: 'resource template',
  server: 'server',
};

/** Per server: each item with a finding at warning or above (all with `verbose`), with category, message and the words. */
function findingsText(analysis: Map<InspectResult, ToolFinding[]>, verbose: boolean): string {
  if (analysis.size === 0) return '';
  const out = ['', 'Tool analysis'];
  let suspicious = 0;
  let notes = 0;
  for (const [result, findings] of analysis) {
    const byItem = new Map<string, ToolFinding[]>();
    for (const f of findings) {
      const key = `${f.target.kind}\u0000${f.target.name}`;
      (byItem.get(key) ?? byItem.set(key, []).get(key)!).push(f);
    }
    const flagged = [...byItem.values()].filter((group) => verdictOf(group) === 'suspicious').length;
    suspicious += flagged;
    notes += findings.filter((f) => f.severity === 'info').length;
    out.push(
      `  ${visibleText(result.entry.name, { singleLine: true, max: 200 })}: ${flagged ? `${flagged} suspicious ${nounFor(flagged, 'item')}` : 'nothing suspicious'}`,
    );
    for (const group of byItem.values()) {
      const shown = verbose ? group : group.filter((f) => f.severity !== 'info');
      if (shown.length === 0) continue;
      const { kind, name } = group[0]!.target;
      out.push(`    ${KIND_LABEL[kind]} ${visibleText(name, { singleLine: true, max: 200 })}: ${verdictOf(group) === 'suspicious' ? 'SUSPICIOUS' : 'clean'}`);
      const ordered = [...shown].sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || a.field.localeCompare(b.field) || a.start - b.start);
      for (const f of ordered) {
        out.push(`      ${f.severity.padEnd(7)} ${f.category.padEnd(20)} ${visibleText(f.field, { singleLine: true, max: 300 })} [${f.start}-${f.end}]`);
        out.push(
          `              ${visibleText(f.message, { singleLine: true, max: 1_000 })}`,
          `              > ${visibleText(f.excerpt, { singleLine: true, max: 400 })}`,
        );
      }
    }
  }
  const hidden = verbose || notes === 0 ? '' : `; ${notes} informational ${nounFor(notes, 'note')} not shown (--verbose)`;
  out.push(`${suspicious} suspicious ${nounFor(suspicious, 'item')} in ${analysis.size} connected ${nounFor(analysis.size, 'server')}${hidden}`);
  return out.join('\n') + '\n';
}

function loadFiles(paths: string[], io: CliIo, client: ClientId | undefined, user: boolean): ConfigFile[] | undefined {
  const machine = currentMachineEnv(io.env);
  const files: ConfigFile[] = [];
  let failed = false;
  // --client names the dialect of the files you name; discovered files keep the client their location says.
  const load = (path: string, explicit: boolean, scope?: ConfigFile['scope'], known?: ClientId) => {
    const forced = known ?? (explicit ? client : undefined);
    try {
      files.push(readConfigFile({ path, explicit, home: machine.home, ...(forced ? { client: forced } : {}), ...(scope ? { scope } : {}) }));
    } catch (e) {
      io.stderr(`mcp-warden: cannot read ${visibleText(path, { singleLine: true })}: ${readFailure(e)}\n`);
      failed = true;
    }
  };
  if (paths.length === 0) {
    for (const f of findConfigFiles(io.cwd).files) load(f, false);
    if (user) for (const loc of existingUserConfigs(machine)) load(loc.path, false, loc.scope, loc.client);
  }
  for (const p of paths) {
    const abs = resolve(io.cwd, p);
    if (!existsSync(abs)) {
      io.stderr(`mcp-warden: no such file or folder: ${visibleText(p, { singleLine: true })}\n`);
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
