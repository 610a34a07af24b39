import { basename, join } from 'node:path';
import { MIN_CANARY_LENGTH } from '../core/gateway/canary';
import type { GatewayPolicy } from '../core/gateway/types';
import { LOCKFILE_PATH } from '../core/lock/lockfile';
import { parseOptions, UsageError } from '../cli/options';
import { DEFAULT_LOG_OPTIONS, defaultLogPath, type AuditLogOptions } from './auditLog';

export const GATEWAY_HELP = `mcp-warden gateway — run an MCP server behind a local gateway that logs, pins and shields

Usage:
  mcp-warden gateway [options] -- COMMAND [ARGS…]     a stdio server (no network listener is opened)
  mcp-warden gateway [options] --url URL              a remote server (Streamable HTTP, falling back to SSE),
                                                      offered to the client over stdio

A client config runs this instead of the server itself. Every message passes through unchanged
unless a rule below applies.

Options:
      --server NAME          the server's name in the log and in alerts (default: from the command)
      --log FILE             the audit log, JSON lines (default: ${defaultLogPath().replace(/\\/g, '/')})
      --log-max-bytes N      rotate the log beyond N bytes (default ${DEFAULT_LOG_OPTIONS.maxBytes})
      --log-keep N           rotated logs kept (default ${DEFAULT_LOG_OPTIONS.keep})
      --lock FILE            the approval lockfile (default: ${LOCKFILE_PATH} of the current folder, if present)
      --lock-key KEY         the server's key in the lockfile (default: --server, or the one key ending in /NAME)
      --enforce              withhold tools, prompts and resources that changed or are new since
                             approval, and refuse calls, prompts/get and resources/read of them
      --on-injection MODE    warn | annotate | block: what the client gets when a result carries
                             instructions for the model (default warn: logged, passed on)
      --canary VALUE         a planted secret; repeatable. Seen in a tool call's arguments or a result: alert
      --canary-file FILE     canaries, one per line (# comments); repeatable
      --block                refuse a call (or result) that carries a canary with a JSON-RPC error
      --header "NAME: VALUE" an HTTP header for --url (repeatable)
  -h, --help

Alerts go to the log and to standard error (which clients show as the server's log).
Exit code: the server's, or 2 for a usage error.
`;

export interface GatewayOptions {
  server: string;
  command?: string;
  args: string[];
  url?: string;
  headers: Record<string, string>;
  logPath: string;
  log: AuditLogOptions;
  lockPath: string;
  /** True when --lock was given (a missing file is then an error). */
  lockExplicit: boolean;
  lockKey?: string;
  policy: GatewayPolicy;
  canaryFiles: string[];
}

const OPTIONS = {
  server: { type: 'string' },
  log: { type: 'string' },
  'log-max-bytes': { type: 'string' },
  'log-keep': { type: 'string' },
  lock: { type: 'string' },
  'lock-key': { type: 'string' },
  enforce: { type: 'boolean' },
  'on-injection': { type: 'string' },
  canary: { type: 'string', multiple: true },
  'canary-file': { type: 'string', multiple: true },
  block: { type: 'boolean' },
  url: { type: 'string' },
  header: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `help`, the options, or a usage error message. */
export function parseGatewayArgs(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): GatewayOptions | 'help' | string {
  const dash = argv.indexOf('--');
  const own = dash === -1 ? [...argv] : argv.slice(0, dash);
  const command = dash === -1 ? [] : argv.slice(dash + 1);
  let values;
  try {
    ({ values } = parseOptions('gateway', own, OPTIONS, false));
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  if (values.help) return 'help';
  if (values.url !== undefined && command.length > 0) return 'give either --url URL or -- COMMAND, not both';
  if (values.url === undefined && command.length === 0) return 'no server to run: add -- COMMAND [ARGS…] (or --url URL)';
  if (values.url !== undefined && !/^https?:\/\//i.test(values.url)) return `--url must be an http or https URL (got "${values.url.slice(0, 200)}")`;
  const onInjection = values['on-injection'] ?? 'warn';
  if (onInjection !== 'warn' && onInjection !== 'annotate' && onInjection !== 'block')
    return `--on-injection must be warn, annotate or block (got "${onInjection}")`;
  const short = (values.canary ?? []).find((c) => c.length < MIN_CANARY_LENGTH);
  if (short !== undefined) return `--canary needs at least ${MIN_CANARY_LENGTH} characters (a short one would match ordinary text)`;
  const maxBytes = positiveInt(values['log-max-bytes'], DEFAULT_LOG_OPTIONS.maxBytes);
  const keep = positiveInt(values['log-keep'], DEFAULT_LOG_OPTIONS.keep, true);
  if (maxBytes === undefined) return '--log-max-bytes must be a positive whole number';
  if (keep === undefined) return '--log-keep must be a whole number';
  const headers: Record<string, string> = {};
  for (const h of values.header ?? []) {
    const colon = h.indexOf(':');
    if (colon <= 0) return `--header must look like "Name: value" (got "${h.slice(0, 60)}")`;
    headers[h.slice(0, colon).trim()] = h.slice(colon + 1).trim();
  }
  const server = values.server ?? nameFrom(command, values.url);
  return {
    server,
    ...(command.length > 0 ? { command: command[0]!, args: command.slice(1) } : { args: [] }),
    ...(values.url !== undefined ? { url: values.url } : {}),
    headers,
    logPath: values.log ?? defaultLogPath(env),
    log: { ...DEFAULT_LOG_OPTIONS, maxBytes, keep },
    lockPath: values.lock ?? join(cwd, LOCKFILE_PATH),
    lockExplicit: values.lock !== undefined,
    ...(values['lock-key'] !== undefined ? { lockKey: values['lock-key'] } : {}),
    policy: { canaries: values.canary ?? [], block: values.block === true, onInjection, enforce: values.enforce === true },
    canaryFiles: values['canary-file'] ?? [],
  };
}

function positiveInt(raw: string | undefined, fallback: number, zeroOk = false): number | undefined {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n > 0 || (zeroOk && n === 0) ? n : undefined;
}

const RUNNERS = new Set(['node', 'npx', 'uvx', 'uv', 'python', 'python3', 'bun', 'bunx', 'deno', 'pnpm', 'docker']);

/** `node …/servers/poisoned.mjs` → `poisoned`; `npx -y @scope/server-x` → `server-x`; a URL → its host. */
function nameFrom(command: readonly string[], url: string | undefined): string {
  if (url !== undefined) {
    try {
      return new URL(url).host;
    } catch {
      return 'remote';
    }
  }
  const bin = basename(command[0]!).replace(/\.(exe|cmd|bat)$/i, '');
  if (!RUNNERS.has(bin)) return bin;
  const target = command.slice(1).find((a) => !a.startsWith('-') && a !== 'run');
  return target ? scriptName(target) || bin : bin;
}

const GENERIC = new Set(['index', 'main', 'server', 'cli', 'dist', 'build', 'lib', 'src', 'bin', 'out']);

/** `…/server-everything/dist/index.js` → `server-everything`; `@scope/pkg@1.2` → `pkg`. */
function scriptName(target: string): string {
  const parts = target
    .replace(/@[^@/\\]*$/, '')
    .split(/[\\/]/)
    .filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i--) {
    const name = parts[i]!.replace(/\.(m?js|cjs|ts|py)$/, '');
    if (!GENERIC.has(name)) return name;
  }
  return '';
}
