import { sha256Hex } from './sha256';

/** Who the approved definitions came from. A change of any field is reported as an identity change. */
export interface ServerIdentity {
  transport?: string;
  command?: string;
  args?: string[];
  url?: string;
  /** `serverInfo.name` / `serverInfo.version` reported by the server at initialization. */
  serverName?: string;
  version?: string;
}

const SECRET_FLAG = /(?:token|secret|key|password|passwd|pwd|auth|credential|bearer|cookie|session)/i;
const SECRET_QUERY = /^(?:.*(?:token|secret|key|password|passwd|pwd|auth|credential|signature|sig|session).*)$/i;

/**
 * The identity as it is stored in a committed lockfile: argument values that look like secrets, and
 * the user-info and secret query values of URLs, are replaced by a short hash, so a change is still
 * detected but the secret never lands in the repository.
 */
export function storedIdentity(identity: ServerIdentity): ServerIdentity {
  const out: ServerIdentity = {};
  if (identity.transport) out.transport = identity.transport;
  if (identity.command) out.command = identity.command;
  if (identity.args) out.args = redactArgs(identity.args);
  if (identity.url) out.url = redactUrl(identity.url);
  if (identity.serverName) out.serverName = identity.serverName;
  if (identity.version) out.version = identity.version;
  return out;
}

function redactArgs(args: readonly string[]): string[] {
  return args.map((arg, i) => {
    const inline = /^(--?[A-Za-z0-9_.-]+)=(.*)$/s.exec(arg);
    if (inline && SECRET_FLAG.test(inline[1]!) && inline[2]!.length > 0) return `${inline[1]}=${masked(inline[2]!)}`;
    const previous = args[i - 1];
    if (previous !== undefined && /^--?[A-Za-z0-9_.-]+$/.test(previous) && SECRET_FLAG.test(previous) && !arg.startsWith('-')) return masked(arg);
    if (/^https?:\/\//i.test(arg)) return redactUrl(arg);
    if (looksLikeToken(arg)) return masked(arg);
    return arg;
  });
}

function redactUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^@/?#]*@)?([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(url);
  if (!m) return looksLikeToken(url) ? masked(url) : url;
  const userinfo = m[2] ? `${masked(m[2].slice(0, -1))}@` : '';
  const query = m[4]
    ? '?' +
      m[4]
        .slice(1)
        .split('&')
        .map((pair) => {
          const eq = pair.indexOf('=');
          if (eq < 0) return pair;
          const name = pair.slice(0, eq);
          const value = pair.slice(eq + 1);
          return SECRET_QUERY.test(decodeSafe(name)) || looksLikeToken(decodeSafe(value)) ? `${name}=${masked(value)}` : pair;
        })
        .join('&')
    : '';
  return `${m[1]}${userinfo}${m[3]}${query}${m[5] ?? ''}`;
}

/** Long, dense, mixed-character strings with no path or word structure. */
function looksLikeToken(value: string): boolean {
  if (value.length < 20 || /[\s/\\]/.test(value) || value.startsWith('-')) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const c of counts.values()) {
    const p = c / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy >= 3.5;
}

function masked(value: string): string {
  return `«redacted sha256:${sha256Hex(value).slice(0, 12)}»`;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
