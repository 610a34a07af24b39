import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseCanaryFile } from '../core/gateway/canaryFile';
import { findLockEntry } from '../core/gateway/pins';
import { GatewaySession, type Outcome } from '../core/gateway/session';
import type { AuditRecord } from '../core/gateway/types';
import { parseLockfile, type LockedServer } from '../core/lock/lockfile';
import { analyzeText } from '../core/tools/analyze';
import { DEFAULT_LIMITS } from '../live/options';
import { Sanitizer } from '../live/sanitize';
import { AuditLog } from './auditLog';
import { LineSplitter, OutputBatch } from './lines';
import type { GatewayOptions } from './options';
import { MAX_MESSAGE_BYTES, StdioUpstream } from './stdioUpstream';
import type { Upstream } from './upstream';
import { visibleText } from '../core/text/visible';
import { plural } from '../core/text/plural';

export interface GatewayStreams {
  /** What the client writes (the gateway's stdin). */
  input: NodeJS.ReadableStream;
  /** What the client reads (the gateway's stdout). */
  output: NodeJS.WritableStream;
  /** The gateway's stderr: the server's stderr passes through it, alerts are added to it. */
  stderr: (chunk: string | Buffer) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Startup problems are a usage error (exit 2) with this message; nothing was started. */
export class GatewaySetupError extends Error {}

interface Setup {
  canaries: string[];
  pins: LockedServer | undefined | null;
  pinsNote: string;
}

/** Reads canary files and the lockfile; throws GatewaySetupError with a clear message. */
export function prepare(options: GatewayOptions): Setup {
  const canaries = [...options.policy.canaries];
  for (const file of options.canaryFiles) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new GatewaySetupError(`cannot read the canary file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const parsed = parseCanaryFile(text);
    if (parsed.problems.length > 0) throw new GatewaySetupError(`${file}: ${parsed.problems.join('; ')}`);
    if (parsed.values.length === 0) throw new GatewaySetupError(`${file} holds no canary (one value per line)`);
    canaries.push(...parsed.values);
  }
  if (!existsSync(options.lockPath)) {
    if (options.lockExplicit) throw new GatewaySetupError(`the lockfile ${options.lockPath} does not exist (create it with mcp-warden approve)`);
    if (options.policy.enforce)
      throw new GatewaySetupError(
        `--enforce needs an approval lockfile, and ${options.lockPath} does not exist: approve the server first (mcp-warden approve) or give --lock FILE`,
      );
    return { canaries, pins: null, pinsNote: 'pins off (no lockfile)' };
  }
  let lock;
  try {
    lock = parseLockfile(readFileSync(options.lockPath, 'utf8'));
  } catch (e) {
    throw new GatewaySetupError(`cannot use the lockfile ${options.lockPath}: ${(e as Error).message}`);
  }
  const found = findLockEntry(lock, options.lockKey ?? options.server);
  if (typeof found === 'string') throw new GatewaySetupError(found);
  if (found === undefined)
    return { canaries, pins: undefined, pinsNote: `no approved entry for "${options.lockKey ?? options.server}" in ${options.lockPath}` };
  return {
    canaries,
    pins: found.entry,
    pinsNote: `pinned to ${found.key} (${plural(Object.keys(found.entry.items).filter((k) => k.startsWith('tool:')).length, 'tool')} approved)`,
  };
}

/** Runs the gateway until the client or the server goes away. Resolves with the exit code. */
export async function runGateway(options: GatewayOptions, streams: GatewayStreams): Promise<number> {
  const setup = prepare(options);
  let log: AuditLog;
  try {
    log = new AuditLog(options.logPath, options.log);
  } catch (e) {
    throw new GatewaySetupError(`cannot open the log ${options.logPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  // The HTTP client (the SDK's transports and their schemas) is loaded only for a remote server; a
  // require, not import(), so it resolves the same in the bundles and in the per-file test build.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const HttpUpstream = options.url !== undefined ? (require('./httpUpstream') as typeof import('./httpUpstream')).HttpUpstream : undefined;
  const sanitizer = new Sanitizer(DEFAULT_LIMITS.maxTextLength);
  const session = new GatewaySession({
    server: options.server,
    policy: { ...options.policy, canaries: setup.canaries },
    pins: setup.pins,
    normalizeTool: (raw) => sanitizer.tool(raw),
    normalizeItem: (kind, raw) => (kind === 'prompt' ? sanitizer.prompt(raw) : kind === 'resource' ? sanitizer.resource(raw) : sanitizer.resourceTemplate(raw)),
  });
  const now = () => performance.timeOrigin + performance.now();
  const lifecycle = (event: string, detail: string): AuditRecord => ({
    time: new Date().toISOString(),
    server: options.server,
    direction: 'gateway',
    type: 'lifecycle',
    event,
    detail,
  });
  // Alerts quote tool names and server text: one line each, nothing a terminal could interpret.
  const say = (text: string) =>
    streams.stderr(
      `mcp-warden gateway [${visibleText(options.server, { singleLine: true, max: 200 })}]: ${visibleText(text, { singleLine: true, max: 2_000 })}\n`,
    );

  return new Promise<number>((resolve) => {
    let done = false;
    let outputOpen = true;
    const finish = (code: number, event: string, detail: string) => {
      if (done) return;
      done = true;
      void upstream.close().finally(() => {
        log.write(lifecycle(event, detail));
        log.close();
        if (outputOpen) streams.output.end();
        streams.input.removeListener('data', onInput);
        (streams.input as NodeJS.ReadableStream & { pause?: () => void }).pause?.();
        resolve(code);
      });
    };
    const toClient = new OutputBatch((data) => {
      if (outputOpen) streams.output.write(data);
    });
    const report = (outcome: Outcome) => {
      log.write(outcome.record, outcome.alerts.length > 0 || outcome.record.findings !== undefined);
      for (const alert of outcome.alerts) say(alert);
    };
    // Shield work that cannot change what the client gets runs once the chunk's lines are on their way.
    let deferred: Outcome[] = [];
    const events = {
      onLine: (line: string, bytes: number, raw?: Buffer) => {
        if (done) return;
        const outcome = session.fromServer(line, bytes, now());
        if (outcome.forward === line && raw) toClient.addRaw(raw);
        else if (outcome.forward !== undefined) toClient.addText(outcome.forward);
        if (outcome.deferred) deferred.push(outcome);
        else report(outcome);
      },
      onChunkEnd: () => {
        toClient.flush();
        const later = deferred;
        deferred = [];
        for (const outcome of later) {
          outcome.deferred!();
          report(outcome);
        }
      },
      onExit: (code: number, detail: string) => finish(code, 'exit', `the server stopped: ${detail}`),
    };
    const upstream: Upstream =
      HttpUpstream && options.url !== undefined
        ? new HttpUpstream(new URL(options.url), options.headers, events)
        : new StdioUpstream({ command: options.command!, args: options.args, env: stringEnv(streams.env), cwd: streams.cwd }, options.server, events, (chunk) =>
            streams.stderr(chunk),
          );

    const splitter = new LineSplitter(
      (line, bytes, raw) => {
        if (done) return;
        const outcome = session.fromClient(line, bytes, now());
        if (outcome.forward === line) upstream.send(line, raw);
        else if (outcome.forward !== undefined) upstream.send(outcome.forward);
        if (outcome.reply !== undefined) toClient.addText(outcome.reply);
        report(outcome);
      },
      MAX_MESSAGE_BYTES,
      (bytes) => finish(1, 'error', `the client wrote a line of more than ${plural(bytes, 'byte')}`),
    );
    const onInput = (chunk: Buffer | string) => {
      splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      upstream.flush();
      toClient.flush();
    };
    streams.output.on('error', () => {
      outputOpen = false;
      finish(0, 'client-closed', 'the client stopped reading');
    });

    upstream.start().then(
      () => {
        const policy = options.policy;
        const what = [
          setup.pinsNote,
          policy.enforce ? 'enforce' : undefined,
          `${plural(setup.canaries.length, 'canary')}${policy.block ? ' (block)' : ''}`,
          `on-injection ${policy.onInjection}`,
        ]
          .filter(Boolean)
          .join('; ');
        log.write(lifecycle('start', `${options.url ? `remote ${new URL(options.url).origin}` : `pid ${upstream.pid}`}; ${what}`));
        log.flush();
        if (setup.pins === undefined && policy.enforce) say(`${setup.pinsNote}: every tool, prompt and resource is withheld until the server is approved`);
        streams.input.on('data', onInput);
        streams.input.once('end', () => finish(0, 'client-closed', 'the client closed the connection'));
        streams.input.once('close', () => finish(0, 'client-closed', 'the client closed the connection'));
        // The analyzer compiles its patterns on first use (about 0.1 s of CPU). When what the client gets
        // waits for it (annotate, block), do it now, not on the first result; in warn mode results are
        // analysed after they are passed on, so it is left to the first result that needs it.
        if (policy.onInjection !== 'warn') setImmediate(() => analyzeText('warm-up'));
      },
      (e: Error) => {
        say(e.message);
        finish(1, 'error', e.message);
      },
    );
  });
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}
