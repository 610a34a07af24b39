import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';

/**
 * A daemon that double-forks and calls `setsid()` leaves the process group and the parent chain, so
 * neither a group signal nor a walk of descendants finds it. Its environment, though, survives fork,
 * setsid and exec. Every server MCP Warden spawns carries `MCP_WARDEN_SPAWN` with a token unique to
 * this host process and this spawn; on Linux, shutdown reads `/proc/<pid>/environ` of the same user's
 * processes and stops those that still carry the token. Elsewhere (macOS, Windows) another user's or
 * process's environment cannot be read this way, so the sweep finds nothing: see docs/security.md.
 * Nested spawns (a gateway started by the extension) append their token, so both hosts can find the daemon.
 */
export const SPAWN_MARKER = 'MCP_WARDEN_SPAWN';

/** Unique to this host process: every token of this session starts with it. */
const SESSION = `mw${process.pid.toString(36)}${randomBytes(6).toString('hex')}`;
let sequence = 0;

/** The environment for one spawn, with a fresh token; returns both. */
export function markEnvironment(env: Record<string, string>): { env: Record<string, string>; token: string } {
  const token = `${SESSION}.${++sequence}`;
  const inherited = env[SPAWN_MARKER]?.trim();
  return { env: { ...env, [SPAWN_MARKER]: inherited ? `${inherited} ${token}` : token }, token };
}

/** Whether the sweep can work here. */
export const markerSweepSupported = process.platform === 'linux';

/**
 * Same-user processes whose environment carries one of `tokens` (or, with `session: true`, any token
 * of this host session), found in one pass over `/proc`; never this process. Empty where `/proc` is
 * not available.
 */
export function markedPids(tokens: ReadonlySet<string> | { session: true }): number[] {
  if (!markerSweepSupported) return [];
  if (tokens instanceof Set && tokens.size === 0) return [];
  const wanted = tokens instanceof Set ? (t: string) => tokens.has(t) : (t: string) => t.startsWith(`${SESSION}.`);
  const uid = process.getuid?.();
  const out: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (uid !== undefined && statSync(`/proc/${name}`).uid !== uid) continue;
      const tokens = markerOf(readFileSync(`/proc/${name}/environ`, 'latin1'));
      if (tokens?.some(wanted)) out.push(Number(name));
    } catch {
      /* ended while we looked, or not readable: not ours */
    }
  }
  return out;
}

/** The tokens in a NUL-separated environment block, if it has the marker. */
export function markerOf(environ: string): string[] | undefined {
  const prefix = `${SPAWN_MARKER}=`;
  for (const entry of environ.split('\0')) if (entry.startsWith(prefix)) return entry.slice(prefix.length).split(' ').filter(Boolean);
  return undefined;
}
