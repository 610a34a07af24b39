import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { approve, compare, lockItems } from '../core/lock/lockfile';
import { identityOf, lockKeyOf } from '../core/lock/serverKey';
import { displayPath } from '../core/report/types';
import { analyzeServer } from '../core/tools/analyze';
import { verdictOf } from '../core/tools/report';
import type { ToolFinding } from '../core/tools/types';
import { incompleteLists } from '../live/index';
import { visibleText } from '../core/text/visible';
import { writeAtomically } from './fix';
import { confirmStart, liveCommand, LIVE_OPTIONS, startServers, terminalInteraction, usage, type CliInteraction } from './inspect';
import type { CliIo } from './scan';
import { lockfilesOf, readLockfiles, serverTitle } from './verify';
import { nounFor, plural } from '../core/text/plural';

export const APPROVE_HELP = `mcp-warden approve — start MCP servers and record what they offer now in the approval lockfile

Usage:
  mcp-warden approve [configs or folders…] --yes [options]
      with no path: the configs of the current folder

Options:
      --lockfile PATH      the lockfile for every server (default: .vscode/mcp-lock.json of each config's project folder)
      --server NAME        only this server; repeatable (the other entries of the lockfile stay as they are)
      --timeout MS         connect timeout, and timeout of each request (default 15000 / 10000)
      --client ID          read every given file as this client's format
      --concurrency N      servers started at once (default 8)
      --include-disabled   also start and approve servers their client would not load (a server --server names starts anyway)
  -y, --yes, --trust       start the servers without asking (required when standard input is not a terminal)

Approving records the hash and canonical definition of every tool, prompt, resource, template and the
instructions, plus the server's identity (secret-looking arguments hashed), keyed <client>/<server name>.
Review first (mcp-warden inspect, mcp-warden verify): approval means "this is what I checked".
Exit codes: 0 every server approved; 1 some server did not start or listed more than the item/page limits
(truncated: never approved; the others are still recorded);
2 usage or I/O error (an unreadable lockfile is never overwritten), or not confirmed.
`;

const APPROVE_OPTIONS = { ...LIVE_OPTIONS, lockfile: { type: 'string' } } as const;

/** `mcp-warden approve`: returns the exit code. */
export async function runApprove(argv: string[], io: CliIo, interaction: CliInteraction = terminalInteraction()): Promise<number> {
  const started = liveCommand(io, 'approve', argv, APPROVE_OPTIONS, APPROVE_HELP);
  if (typeof started === 'number') return started;
  const { values, args, selected } = started;
  const lockPaths = lockfilesOf(selected.toStart, values.lockfile, io, 'approve');
  if (typeof lockPaths === 'number') return lockPaths;
  const seen = new Map<string, string>();
  for (const [entry, path] of lockPaths) {
    const slot = `${path}\u0000${lockKeyOf(entry)}`;
    const other = seen.get(slot);
    if (other !== undefined && other !== entry.file) {
      return usage(
        io,
        'approve',
        `two servers would share the key "${lockKeyOf(entry)}" in ${displayPath(path, io.cwd)} (${displayPath(other, io.cwd)} and ${displayPath(entry.file, io.cwd)}): approve them separately with --lockfile`,
      );
    }
    seen.set(slot, entry.file);
  }
  const locks = readLockfiles(lockPaths.values(), io);
  if (typeof locks === 'number') return locks;
  if (!(await confirmStart(selected.toStart, args, io, interaction))) return 2;

  const results = await startServers(selected.toStart, args, io, interaction);
  const connected = results.filter((r) => r.snapshot);
  const otherServers = connected.map((r) => ({ server: r.entry.name, toolNames: r.snapshot!.tools.map((t) => t.name) }));
  const texts = new Map([...locks].map(([path, lock]) => [path, lock.text]));
  let failed = false;
  for (const result of results) {
    const title = serverTitle(result.entry, io.cwd);
    if (!result.snapshot) {
      failed = true;
      const why = result.status.state === 'error' ? `${result.status.kind}: ${result.status.message}` : result.status.state;
      io.stdout(`${title}: NOT APPROVED, it did not start (${visibleText(why, { singleLine: true, max: 2_000 })})\n`);
      continue;
    }
    const incomplete = incompleteLists(result.snapshot.truncated);
    if (incomplete.length > 0) {
      failed = true;
      io.stdout(
        `${title}: NOT APPROVED, its listing is truncated (${incomplete.join('; ')}): an approval must cover every item, or an item past the cut could change unseen\n`,
      );
      continue;
    }
    const path = lockPaths.get(result.entry)!;
    const key = lockKeyOf(result.entry);
    const identity = identityOf(result.entry);
    const before = compare(texts.get(path), result.snapshot, identity, { serverKey: key });
    texts.set(path, approve(texts.get(path), result.snapshot, identity, { serverKey: key }));
    const what =
      before.status === 'unapproved'
        ? `approved (${plural(Object.keys(lockItems(result.snapshot)).length, 'item')})`
        : before.status === 'unchanged'
          ? 'already approved, unchanged'
          : `approved the changes: ${[...before.identityChanges.map((c) => `identity ${c.field}`), ...before.changes.map((c) => `${visibleText(c.key, { singleLine: true, max: 200 })} ${c.change}`)].join(', ')}`;
    io.stdout(`${title}: ${what} → ${displayPath(path, io.cwd)} (key ${visibleText(key, { singleLine: true, max: 200 })})\n`);
    const suspicious = suspiciousItems(analyzeServer(result.snapshot, { otherServers }));
    if (suspicious.length > 0) {
      io.stderr(
        `mcp-warden: warning: "${visibleText(result.entry.name, { singleLine: true, max: 200 })}" has ${suspicious.length} suspicious ${nounFor(suspicious.length, 'item')}: ${visibleText(suspicious.slice(0, 10).join(', '), { singleLine: true, max: 2_000 })}. Run mcp-warden inspect to see why.\n`,
      );
    }
  }

  for (const [path, lock] of locks) {
    const text = texts.get(path);
    if (text === undefined || text === lock.text) continue;
    try {
      if (lock.text !== undefined) writeAtomically(path, lock.text, text);
      else {
        if (existsSync(path)) throw new Error('it was created by something else meanwhile; left untouched');
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text, { flag: 'wx' });
      }
      io.stdout(`Wrote ${displayPath(path, io.cwd)}\n`);
    } catch (e) {
      io.stderr(`mcp-warden: cannot write the lockfile ${displayPath(path, io.cwd)}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  return failed ? 1 : 0;
}

/** `tool add`, `prompt review`…: the items with a finding at warning or above. */
function suspiciousItems(findings: readonly ToolFinding[]): string[] {
  const byItem = new Map<string, ToolFinding[]>();
  for (const f of findings) {
    const key = `${f.target.kind} ${visibleText(f.target.name, { singleLine: true, max: 100 })}`;
    (byItem.get(key) ?? byItem.set(key, []).get(key)!).push(f);
  }
  return [...byItem].filter(([, group]) => verdictOf(group) === 'suspicious').map(([key]) => key);
}
