import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CLIENTS } from '../core/config/clients';
import { plainReason } from '../core/config/notLoaded';
import { compare, LockfileError, parseLockfile, type Comparison, type Lockfile } from '../core/lock/lockfile';
import { identityOf, lockKeyOf } from '../core/lock/serverKey';
import type { ServerEntry } from '../core/model/server';
import { displayPath } from '../core/report/types';
import { lockfilePathOf } from '../core/workspace/locations';
import { incompleteLists, type InspectResult } from '../live/index';
import { visibleText } from '../core/text/visible';
import { readBoundedText, readFailure, READ_CAPS } from '../node/boundedRead';
import { confirmStart, liveCommand, LIVE_OPTIONS, startServers, terminalInteraction, usage, type CliInteraction } from './inspect';
import type { CliIo } from './scan';
import { nounFor, plural } from '../core/text/plural';

export const VERIFY_HELP = `mcp-warden verify — start MCP servers and check them against the approval lockfile (for CI)

Usage:
  mcp-warden verify [configs or folders…] --yes [options]
      with no path: the configs of the current folder

Options:
      --lockfile PATH      the lockfile for every server (default: .vscode/mcp-lock.json of each config's project folder)
  -f, --format text|json   output format (default text)
      --allow-unreachable  a server that fails to start is reported but does not fail the check
      --timeout MS         connect timeout, and timeout of each request (default 15000 / 10000)
      --server NAME        only this server; repeatable
      --client ID          read every given file as this client's format
      --concurrency N      servers started at once (default 8)
      --include-disabled   also start servers their client would not load (a server --server names starts anyway)
  -y, --yes, --trust       start the servers without asking (required when standard input is not a terminal)

A server passes when its tools, prompts, resources, templates, instructions and identity (transport, command,
args, URL, serverInfo name and version) are exactly what was approved (mcp-warden approve, or "Approve server"
in the editor). Exit codes: 0 every server matches; 1 a change, a server not in the lockfile ("not approved"),
a listing cut at the item/page limits ("truncated"), or a server that did not start;
2 usage or I/O error (an unreadable lockfile), or not confirmed.
`;

export type VerifyStatus = 'unchanged' | 'changed' | 'not-approved' | 'truncated' | 'unreachable' | 'skipped';

export interface LoadedLock {
  path: string;
  /** Undefined when the file does not exist yet. */
  text?: string;
  lock: Lockfile;
}

/** Where each server's approvals are kept: `--lockfile`, else `.vscode/mcp-lock.json` of its project (workspace servers only). */
export function lockfilesOf(entries: readonly ServerEntry[], explicit: string | undefined, io: CliIo, command: string): Map<ServerEntry, string> | number {
  const out = new Map<ServerEntry, string>();
  for (const entry of entries) {
    if (explicit !== undefined) out.set(entry, resolve(io.cwd, explicit));
    else if (lockfilePathOf(entry) !== undefined) out.set(entry, lockfilePathOf(entry)!);
    else {
      return usage(
        io,
        command,
        `"${entry.name}" in ${displayPath(entry.file, io.cwd)} is a ${entry.scope}-level server: the editor keeps its approvals in its own state, not in a project. Name a lockfile with --lockfile PATH`,
      );
    }
  }
  return out;
}

/** Reads every lockfile once; a missing file is an empty lockfile. A number is the exit code of an error already reported. */
export function readLockfiles(paths: Iterable<string>, io: CliIo): Map<string, LoadedLock> | number {
  const out = new Map<string, LoadedLock>();
  for (const path of new Set(paths)) {
    if (!existsSync(path)) {
      out.set(path, { path, lock: parseLockfile(undefined) });
      continue;
    }
    try {
      const text = readBoundedText(path, { maxBytes: READ_CAPS.lockfile });
      out.set(path, { path, text, lock: parseLockfile(text) });
    } catch (e) {
      const reason = e instanceof LockfileError ? e.message : readFailure(e);
      io.stderr(`mcp-warden: cannot read the lockfile ${displayPath(path, io.cwd)}: ${reason}\n`);
      return 2;
    }
  }
  return out;
}

export function serverTitle(entry: ServerEntry, cwd: string): string {
  return `${visibleText(entry.name, { singleLine: true, max: 200 })}  (${CLIENTS[entry.client].name}, ${visibleText(displayPath(entry.file, cwd), { singleLine: true, max: 400 })})`;
}

interface Checked {
  result: InspectResult;
  status: VerifyStatus;
  key: string;
  lock?: LoadedLock;
  comparison?: Comparison;
}

const VERIFY_OPTIONS = {
  ...LIVE_OPTIONS,
  format: { type: 'string', short: 'f', default: 'text' },
  lockfile: { type: 'string' },
  'allow-unreachable': { type: 'boolean', default: false },
} as const;

/** `mcp-warden verify`: returns the exit code. */
export async function runVerify(argv: string[], io: CliIo, interaction: CliInteraction = terminalInteraction()): Promise<number> {
  const started = liveCommand(io, 'verify', argv, VERIFY_OPTIONS, VERIFY_HELP, (v) =>
    v.format !== 'text' && v.format !== 'json' ? `--format must be text or json (got "${v.format}")` : undefined,
  );
  if (typeof started === 'number') return started;
  const { values, args, selected } = started;
  const lockPaths = lockfilesOf(selected.toStart, values.lockfile, io, 'verify');
  if (typeof lockPaths === 'number') return lockPaths;
  const locks = readLockfiles(lockPaths.values(), io);
  if (typeof locks === 'number') return locks;
  if (!(await confirmStart(selected.toStart, args, io, interaction))) return 2;

  const results = await startServers(selected.entries, args, io, interaction, selected.skipped);
  const checked = results.map((result): Checked => {
    const key = lockKeyOf(result.entry);
    const path = lockPaths.get(result.entry);
    const lock = path === undefined ? undefined : locks.get(path);
    if (result.skipped || !lock) return { result, key, status: 'skipped' };
    if (!result.snapshot) return { result, key, lock, status: 'unreachable' };
    const comparison = compare(lock.lock, result.snapshot, identityOf(result.entry), { serverKey: key });
    if (comparison.status === 'unapproved') return { result, key, lock, comparison, status: 'not-approved' };
    // Only a complete listing can be unchanged: past the cut, anything could have been added.
    if (incompleteLists(result.snapshot.truncated).length > 0) return { result, key, lock, comparison, status: 'truncated' };
    return { result, key, lock, comparison, status: comparison.status };
  });
  const allowUnreachable = values['allow-unreachable'] === true;
  const passed = checked.every((c) => c.status === 'unchanged' || c.status === 'skipped' || (c.status === 'unreachable' && allowUnreachable));
  io.stdout(values.format === 'json' ? verifyJson(checked, passed, io) + '\n' : verifyText(checked, allowUnreachable, io.cwd));
  return passed ? 0 : 1;
}

function counts(checked: readonly Checked[]): Record<VerifyStatus, number> {
  const out: Record<VerifyStatus, number> = { unchanged: 0, changed: 0, 'not-approved': 0, truncated: 0, unreachable: 0, skipped: 0 };
  for (const c of checked) out[c.status]++;
  return out;
}

function verifyJson(checked: readonly Checked[], passed: boolean, io: CliIo): string {
  return JSON.stringify(
    {
      version: 1,
      tool: { name: 'mcp-warden', version: io.version },
      passed,
      summary: counts(checked),
      servers: checked.map(({ result, status, key, lock, comparison }) => ({
        name: result.entry.name,
        client: result.entry.client,
        file: displayPath(result.entry.file, io.cwd),
        key,
        lockfile: lock ? displayPath(lock.path, io.cwd) : null,
        status,
        ...(result.skipped ? { skipped: result.skipped } : {}),
        ...(result.disabledBy !== undefined ? { disabledBy: plainReason(result.disabledBy) } : {}),
        ...(result.status.state === 'error' ? { error: { kind: result.status.kind, message: result.status.message } } : {}),
        commandLine: result.commandLine ?? null,
        ...(result.snapshot ? { serverInfo: result.snapshot.serverInfo ?? null } : {}),
        ...(comparison && status === 'changed'
          ? {
              identityChanges: comparison.identityChanges,
              changes: comparison.changes.map(({ key: item, kind, name, change, approvedHash, currentHash, diff }) => ({
                key: item,
                kind,
                name,
                change,
                approvedHash: approvedHash ?? null,
                currentHash: currentHash ?? null,
                diff,
              })),
            }
          : {}),
      })),
    },
    null,
    2,
  );
}

/** "disabled: disabledMcpjsonServers in .claude/settings.local.json", "disabled in the config" or "no lockfile in the config". */
function skippedReason(result: InspectResult): string {
  if (result.disabledBy !== undefined) return `disabled: ${plainReason(result.disabledBy)}`;
  return `${result.skipped ?? 'no lockfile'} in the config`;
}

const MAX_CHANGES_SHOWN = 20;
const MAX_DIFF_LINES = 60;

function verifyText(checked: readonly Checked[], allowUnreachable: boolean, cwd: string): string {
  const out: string[] = [];
  for (const { result, status, key, lock, comparison } of checked) {
    const where = lock ? `${displayPath(lock.path, cwd)}, key ${visibleText(key, { singleLine: true, max: 200 })}` : '';
    const title = serverTitle(result.entry, cwd);
    if (status === 'skipped') out.push(`${title}: skipped (${skippedReason(result)})`);
    else if (status === 'unchanged')
      out.push(
        `${title}: unchanged (${Object.keys(lock!.lock.servers[key]?.items ?? {}).length} approved ${nounFor(Object.keys(lock!.lock.servers[key]?.items ?? {}).length, 'item')})`,
      );
    else if (status === 'truncated')
      out.push(`${title}: TRUNCATED, cannot verify: ${incompleteLists(result.snapshot!.truncated).join('; ')} — items past the cut are unseen`);
    else if (status === 'not-approved')
      out.push(`${title}: NOT APPROVED: no entry in ${where}${lock!.text === undefined ? ' (the lockfile does not exist)' : ''}`);
    else if (status === 'unreachable' && result.status.state === 'error') {
      out.push(`${title}: UNREACHABLE (${result.status.kind}): ${result.status.message}${allowUnreachable ? ' [allowed: --allow-unreachable]' : ''}`);
    } else if (comparison) {
      out.push(`${title}: CHANGED since approval (${where})`);
      for (const c of comparison.identityChanges) out.push(`  identity ${c.field}: ${shown(c.approved)} → ${shown(c.current)}`);
      for (const c of comparison.changes.slice(0, MAX_CHANGES_SHOWN)) {
        out.push(`  ${visibleText(c.key, { singleLine: true, max: 300 })} ${c.change}`);
        const lines = c.diff.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
        out.push(...lines.slice(0, MAX_DIFF_LINES).map((l) => `    ${visibleText(l, { singleLine: true, max: 300 })}`));
        if (lines.length > MAX_DIFF_LINES)
          out.push(`    … ${lines.length - MAX_DIFF_LINES} more diff ${nounFor(lines.length - MAX_DIFF_LINES, 'line')} (--format json has all of them)`);
      }
      const hidden = comparison.changes.length - MAX_CHANGES_SHOWN;
      if (hidden > 0) out.push(`  … ${hidden} more changed ${nounFor(hidden, 'item')} (--format json has all of them)`);
    }
  }
  const n = counts(checked);
  out.push('');
  out.push(
    `${plural(checked.length, 'server')}: ${n.unchanged} unchanged, ${n.changed} changed, ${n['not-approved']} not approved, ${n.unreachable} unreachable` +
      (n.truncated ? `, ${n.truncated} truncated` : '') +
      (n.skipped ? `, ${n.skipped} skipped` : ''),
  );
  if (n.changed || n['not-approved']) out.push('Review the differences; to accept the servers as they are now: mcp-warden approve [configs…] --yes');
  return out.join('\n') + '\n';
}

function shown(value: unknown): string {
  return value === undefined ? '(none)' : visibleText(JSON.stringify(value), { singleLine: true, max: 300 });
}
