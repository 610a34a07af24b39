/** A credential-bearing part of a URL found inside a string. Indices are into that string. */
export interface UrlSecretSpan {
  start: number;
  end: number;
  kind: 'url-password' | 'url-userinfo' | 'url-query';
  scheme: string;
  host: string;
  /** The query parameter's name, for `url-query`. */
  param?: string;
}

const URL_START = /[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\//g;

/** Whitespace, quotes and angle brackets end a URL inside a longer string. */
function endsUrl(code: number): boolean {
  return code <= 32 || code === 34 || code === 39 || code === 60 || code === 62 || code === 96;
}

/**
 * URLs in a string, with their user-info (`scheme://user:password@host`) and query parameters
 * (`?api_key=…`). A password that contains `/`, `?` or `#` unencoded is still found, as long as an
 * `@` follows it before the path.
 */
export function findUrlSecrets(text: string): UrlSecretSpan[] {
  const out: UrlSecretSpan[] = [];
  URL_START.lastIndex = 0;
  for (let m = URL_START.exec(text); m; m = URL_START.exec(text)) {
    const start = m.index;
    const afterSlashes = start + m[0].length;
    let end = afterSlashes;
    while (end < text.length && !endsUrl(text.charCodeAt(end))) end++;
    const scheme = m[0].slice(0, -3).toLowerCase();
    readUrl(text, scheme, afterSlashes, end, out);
    URL_START.lastIndex = Math.max(end, afterSlashes);
  }
  return out;
}

function readUrl(text: string, scheme: string, authorityStart: number, end: number, out: UrlSecretSpan[]): void {
  const url = text.slice(authorityStart, end);
  const authorityEnd = indexOfAny(url, '/?#', 0);
  const at = userInfoEnd(url, authorityEnd);
  const hostStart = at === -1 ? 0 : at + 1;
  const hostEnd = at === -1 ? authorityEnd : indexOfAny(url, '/?#', hostStart);
  const host = url.slice(hostStart, hostEnd).replace(/:\d+$/, '').toLowerCase();
  if (at !== -1) {
    const userInfo = url.slice(0, at);
    const colon = userInfo.indexOf(':');
    if (colon === -1) {
      out.push({ start: authorityStart, end: authorityStart + at, kind: 'url-userinfo', scheme, host });
    } else if (colon + 1 < at) {
      out.push({ start: authorityStart + colon + 1, end: authorityStart + at, kind: 'url-password', scheme, host });
    }
  }
  const query = url.indexOf('?', hostEnd);
  if (query === -1) return;
  const fragment = url.indexOf('#', query);
  const queryEnd = fragment === -1 ? url.length : fragment;
  let paramStart = query + 1;
  while (paramStart < queryEnd) {
    let paramEnd = indexOfAny(url, '&;', paramStart);
    if (paramEnd > queryEnd) paramEnd = queryEnd;
    const eq = url.indexOf('=', paramStart);
    if (eq !== -1 && eq < paramEnd && eq + 1 < paramEnd) {
      const param = safeDecode(url.slice(paramStart, eq));
      out.push({ start: authorityStart + eq + 1, end: authorityStart + paramEnd, kind: 'url-query', scheme, host, param });
    }
    paramStart = paramEnd + 1;
  }
}

/** Index of the `@` ending the user-info, or -1. `host:8080/a@b` has a port, not a password. */
function userInfoEnd(url: string, authorityEnd: number): number {
  const within = url.lastIndexOf('@', authorityEnd);
  if (within !== -1 && within < authorityEnd) return within;
  const at = url.indexOf('@', authorityEnd);
  if (at === -1) return -1;
  const colon = url.indexOf(':');
  if (colon === -1 || colon > authorityEnd) return -1;
  if (/^\d{1,5}$/.test(url.slice(colon + 1, authorityEnd))) return -1;
  return /\s/.test(url.slice(0, at)) ? -1 : at;
}

/** The first index at or after `from` of any of `chars`, or the text's length. */
function indexOfAny(text: string, chars: string, from: number): number {
  for (let i = from; i < text.length; i++) if (chars.includes(text[i]!)) return i;
  return text.length;
}

function safeDecode(text: string): string {
  if (!/[%+]/.test(text)) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|host\.docker\.internal)$/;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

const SCHEME_NAMES: Record<string, string> = {
  postgres: 'PostgreSQL',
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  mariadb: 'MariaDB',
  mongodb: 'MongoDB',
  'mongodb+srv': 'MongoDB',
  redis: 'Redis',
  rediss: 'Redis',
  amqp: 'AMQP',
  amqps: 'AMQP',
  mssql: 'SQL Server',
  sqlserver: 'SQL Server',
  ftp: 'FTP',
  ftps: 'FTP',
  sftp: 'SFTP',
  smtp: 'SMTP',
  smtps: 'SMTP',
  ldap: 'LDAP',
  ldaps: 'LDAP',
  http: 'HTTP',
  https: 'HTTPS',
  ws: 'WebSocket',
  wss: 'WebSocket',
  neo4j: 'Neo4j',
  'neo4j+s': 'Neo4j',
  bolt: 'Neo4j',
  clickhouse: 'ClickHouse',
  snowflake: 'Snowflake',
  nats: 'NATS',
  kafka: 'Kafka',
};

/** "PostgreSQL", "Redis", … for a URL scheme. */
export function schemeName(scheme: string): string {
  return SCHEME_NAMES[scheme] ?? scheme.toUpperCase();
}
