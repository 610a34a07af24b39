import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the loopback registry serves. Every part is optional. */
export interface StubData {
  /** npm packuments: name → dist-tags and versions. */
  npm?: Record<string, { distTags: Record<string, string>; versions: string[] }>;
  /** Bearer token the npm endpoints require, if any. */
  npmToken?: string;
  /** PyPI projects: name → latest version and releases (a release's files may be yanked). */
  pypi?: Record<string, { version: string; releases: Record<string, { yanked?: boolean }[]> }>;
  /** Images: repository (`library/node`, `mcp/fetch`) → tag → manifest body (its sha256 is the digest). */
  images?: Record<string, Record<string, string>>;
  /** Registry v2 manifests need the anonymous token flow. */
  imageAuth?: boolean;
  /** HEAD answers without Docker-Content-Digest (the client must GET and hash). */
  imageHeadWithoutDigest?: boolean;
  jsr?: Record<string, { latest: string; versions: Record<string, { yanked?: boolean }> }>;
  /** Go modules: module path → `@latest` version and branch/tag → version. */
  go?: Record<string, { latest: string; refs?: Record<string, string> }>;
  /** Paths (prefixes) that never answer, to exercise timeouts. */
  hang?: string[];
}

export interface RegistryStub {
  url: string;
  requests: { method: string; path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export function digestOf(body: string): string {
  return 'sha256:' + createHash('sha256').update(body).digest('hex');
}

const TOKEN = 'stub-token-FAKE0000';

/** A small npm + PyPI + Docker Registry v2 + JSR + Go proxy on 127.0.0.1 (random port), for tests only. */
export async function startRegistryStub(data: StubData): Promise<RegistryStub> {
  const requests: RegistryStub['requests'] = [];
  const hanging: ServerResponse[] = [];
  let base = '';
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
    if (data.hang?.some((p) => path.startsWith(p))) {
      hanging.push(res);
      return;
    }
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
    };
    const url = new URL(path, 'http://stub');
    const p = decodeURIComponent(url.pathname);
    let m: RegExpExecArray | null;
    if ((m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(p))) {
      if (data.imageAuth && req.headers.authorization !== `Bearer ${TOKEN}`) {
        return json(
          401,
          { errors: [{ code: 'UNAUTHORIZED' }] },
          { 'www-authenticate': `Bearer realm="${base}/token",service="stub-registry",scope="repository:${m[1]}:pull"` },
        );
      }
      const body = data.images?.[m[1]!]?.[m[2]!];
      if (body === undefined) return json(404, { errors: [{ code: 'MANIFEST_UNKNOWN' }] });
      const headers: Record<string, string> = { 'content-type': 'application/vnd.oci.image.index.v1+json' };
      if (!(data.imageHeadWithoutDigest && req.method === 'HEAD')) headers['docker-content-digest'] = digestOf(body);
      res.writeHead(200, headers);
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    if (p === '/token') return json(200, { token: TOKEN });
    if ((m = /^\/pypi\/([^/]+)\/json$/.exec(p))) {
      const project = data.pypi?.[m[1]!];
      return project ? json(200, { info: { version: project.version }, releases: project.releases }) : json(404, { message: 'Not Found' });
    }
    if ((m = /^\/(@[^/]+\/[^/]+)\/meta\.json$/.exec(p))) {
      const pkg = data.jsr?.[m[1]!];
      return pkg ? json(200, pkg) : json(404, {});
    }
    if ((m = /^\/(.+)\/@latest$/.exec(p)) || (m = /^\/(.+)\/@v\/(.+)\.info$/.exec(p))) {
      const module = data.go?.[m[1]!.replace(/!([a-z])/g, (_, c: string) => c.toUpperCase())];
      const version = m[2] === undefined ? module?.latest : module?.refs?.[m[2]];
      return version ? json(200, { Version: version, Time: '2025-01-01T00:00:00Z' }) : json(404, {});
    }
    const name = p.slice(1);
    const pkg = data.npm?.[name];
    if (pkg) {
      if (data.npmToken && req.headers.authorization !== `Bearer ${data.npmToken}`) return json(401, { error: 'unauthorized' });
      return json(200, { name, 'dist-tags': pkg.distTags, versions: Object.fromEntries(pkg.versions.map((v) => [v, { name, version: v }])) });
    }
    json(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
