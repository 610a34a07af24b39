import { RegistryError } from './errors';

export const DEFAULT_TIMEOUT_MS = 5000;
/** Largest registry answer read (an abbreviated packument of a big package is a few MB). */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface HttpOptions {
  method?: 'GET' | 'HEAD';
  headers?: Record<string, string>;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Largest body read; more is an error (`too-large`), not a longer wait. Default 32 MB. */
  maxBodyBytes?: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
  url: string;
}

/** Strips credentials and query from a URL before it goes into a message. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}

/**
 * One HTTP request with a timeout and the caller's AbortSignal. Network failures become
 * `RegistryError`s ("offline or registry unreachable: …"); any HTTP status is returned as is.
 */
export async function httpRequest(url: string, options: HttpOptions = {}): Promise<HttpResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await fetch(url, { method: options.method ?? 'GET', headers: options.headers ?? {}, signal: controller.signal, redirect: 'follow' });
    const body = options.method === 'HEAD' ? new Uint8Array(0) : await readBody(response, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, url);
    return { status: response.status, headers: response.headers, body, url: response.url || url };
  } catch (e) {
    if (e instanceof RegistryError) throw e;
    if (timedOut) throw new RegistryError('timeout', `offline or registry unreachable: ${safeUrl(url)} did not answer within ${formatSeconds(timeoutMs)}`);
    if (options.signal?.aborted) throw new RegistryError('aborted', `cancelled: ${safeUrl(url)}`);
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new RegistryError('offline', `offline or registry unreachable: ${safeUrl(url)} (${cause?.code ?? cause?.message ?? (e as Error).message})`);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** The body, streamed and cut off at `max` bytes (a registry that streams forever stops here). */
async function readBody(response: Response, max: number, url: string): Promise<Uint8Array> {
  const tooLarge = () => new RegistryError('too-large', `${safeUrl(url)} answered with more than ${Math.round(max / (1024 * 1024))} MB: not read`);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > max) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** GET a JSON document; 404 → not-found, 401/403 → unauthorized, other errors → http. */
export async function getJson(url: string, what: string, options: HttpOptions = {}): Promise<unknown> {
  const res = await httpRequest(url, { ...options, headers: { accept: 'application/json', ...options.headers } });
  if (res.status === 404) throw new RegistryError('not-found', `${what} not found at ${safeUrl(url)}`);
  if (res.status === 401 || res.status === 403)
    throw new RegistryError('unauthorized', `${safeUrl(url)} refused access (HTTP ${res.status}): configure credentials for this registry`);
  if (res.status < 200 || res.status >= 300) throw new RegistryError('http', `${safeUrl(url)} answered HTTP ${res.status}`);
  try {
    return JSON.parse(new TextDecoder().decode(res.body));
  } catch {
    throw new RegistryError('bad-response', `${safeUrl(url)} did not answer with JSON`);
  }
}

export function joinUrl(base: string, path: string): string {
  let end = base.length;
  while (end > 0 && base[end - 1] === '/') end--;
  return base.slice(0, end) + '/' + path.replace(/^\/+/, '');
}
