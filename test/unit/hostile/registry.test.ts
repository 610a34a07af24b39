// Hostile registries on loopback: silent, endless, and a repository's .npmrc trying to send CI secrets.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { bounded, hostileBox, measuring } from './harness';

const box = hostileBox();

interface Stub {
  url: string;
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

/** A loopback HTTP server answering with `handle` (which may never answer). */
async function stub(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<Stub> {
  const requests: Stub['requests'] = [];
  const open = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '/', headers: req.headers });
    open.add(res);
    res.on('close', () => open.delete(res));
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const packument = (name: string) => JSON.stringify({ name, 'dist-tags': { latest: '1.0.0' }, versions: { '1.0.0': { name, version: '1.0.0' } } });

function projectWith(name: string, servers: Record<string, unknown>, files: Record<string, string> = {}): string {
  box.write(`${name}/.vscode/mcp.json`, JSON.stringify({ servers }, null, 2));
  for (const [path, text] of Object.entries(files)) box.write(`${name}/${path}`, text);
  return box.path(name);
}

describe('registries that never answer, or never stop', () => {
  test('a silent registry: 200 unpinned packages cost one run-wide deadline, not 200 timeouts in a row', async () => {
    measuring('silent registry, 200 packages (scan --fix-dry-run)');
    const registry = await stub(() => undefined);
    try {
      const servers = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`s${i}`, { command: 'npx', args: ['-y', `silent-pkg-${i}`] }]));
      const dir = projectWith('silent', servers);
      const r = await box.run(['scan', '--fix-dry-run', '--registry', registry.url, '--registry-timeout', '1000', '--fail-on', 'never'], {
        cwd: dir,
        wallMs: 60_000,
      });
      bounded(r);
      assert.equal(r.code, 0, r.stderr.slice(0, 2000));
      assert.match(r.stderr, /registry lookups stopped: this run's deadline of 20 s for all of them passed/);
      // 4 at a time, 1 s each, for 20 s: far fewer than 200 requests were made.
      assert.ok(registry.requests.length <= 4 * 21, `${registry.requests.length} requests`);
    } finally {
      await registry.close();
    }
  });

  test('an endless answer is cut at 32 MB', async () => {
    measuring('endless registry body (scan --fix-dry-run)');
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const registry = await stub((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"name":"x","padding":"');
      const pump = () => {
        while (res.write(chunk)) if (res.destroyed) return;
        res.once('drain', pump);
      };
      pump();
    });
    try {
      const dir = projectWith('endless', { s: { command: 'npx', args: ['-y', 'endless-pkg'] } });
      const r = await box.run(['scan', '--fix-dry-run', '--registry', registry.url, '--registry-timeout', '20000', '--fail-on', 'never'], {
        cwd: dir,
        wallMs: 60_000,
      });
      bounded(r);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /could not pin endless-pkg .*answered with more than 32 MB: not read/);
    } finally {
      await registry.close();
    }
  });
});

describe("a repository's .npmrc", () => {
  const SECRET = 'FAKE-ci-secret-0123456789abcdef'; // fake CI secret in the environment
  const npmrc = (url: string) => {
    const host = url.replace(/^http:/, '');
    return [`registry=${url}`, `@corp:registry=${url}\${CI_SECRET}/`, `${host}:_authToken=\${CI_SECRET}`, ''].join('\n');
  };

  test('cannot make scan --fix-dry-run send a CI secret (header or URL) to the host it names', async () => {
    measuring('.npmrc exfiltration attempt (scan --fix-dry-run)');
    const registry = await stub((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(packument(decodeURIComponent((req.url ?? '/').slice(1))));
    });
    try {
      const dir = projectWith(
        'exfil',
        { a: { command: 'npx', args: ['-y', 'plain-pkg'] }, b: { command: 'npx', args: ['-y', '@corp/scoped-pkg'] } },
        { '.npmrc': npmrc(registry.url) },
      );
      const r = await box.run(['scan', '--fix-dry-run', '--fail-on', 'never'], { cwd: dir, env: { CI_SECRET: SECRET } });
      bounded(r);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(registry.requests.length >= 2, `${registry.requests.length} requests`);
      for (const req of registry.requests) {
        assert.equal(req.headers.authorization, undefined, `authorization sent to ${req.path}`);
        assert.ok(!req.path.includes(SECRET) && !JSON.stringify(req.headers).includes(SECRET), req.path);
      }
      assert.match(
        r.stderr,
        /\.npmrc: its credentials were not used \(a project's \.npmrc is untrusted; pass --trust-project-npmrc, or set MCP_WARDEN_TRUST_PROJECT_NPMRC=1, to use them\)/,
      );
      assert.match(r.stdout, /would fix \.vscode\/mcp\.json: pinned plain-pkg to plain-pkg@1\.0\.0/);
    } finally {
      await registry.close();
    }
  });

  const optIns: [string, string[], Record<string, string>][] = [
    ['--trust-project-npmrc', ['--trust-project-npmrc'], {}],
    ['MCP_WARDEN_TRUST_PROJECT_NPMRC=1', [], { MCP_WARDEN_TRUST_PROJECT_NPMRC: '1' }],
  ];
  for (const [how, flags, env] of optIns)
    test(`opted in (${how}), its token is sent, but \${VAR} never goes into a URL`, async () => {
      measuring(`.npmrc trusted by ${how} (scan --fix-dry-run)`);
      const registry = await stub((req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(packument(decodeURIComponent((req.url ?? '/').slice(1))));
      });
      try {
        const dir = projectWith(
          `trusted-${flags.length}`,
          { a: { command: 'npx', args: ['-y', 'plain-pkg'] }, b: { command: 'npx', args: ['-y', '@corp/scoped-pkg'] } },
          { '.npmrc': npmrc(registry.url) },
        );
        const r = await box.run(['scan', '--fix-dry-run', '--fail-on', 'never', ...flags], { cwd: dir, env: { CI_SECRET: SECRET, ...env } });
        bounded(r);
        assert.ok(registry.requests.some((q) => q.headers.authorization === `Bearer ${SECRET}`));
        assert.ok(registry.requests.every((q) => !q.path.includes(SECRET)));
        assert.doesNotMatch(r.stderr, /credentials were not used/);
      } finally {
        await registry.close();
      }
    });
});

describe('edits a hostile file cannot misdirect', () => {
  test('a server name defined twice: the pin goes to the last definition, the one the client uses', async () => {
    measuring('duplicate name pin (scan --fix)');
    const registry = await stub((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(packument(decodeURIComponent((req.url ?? '/').slice(1))));
    });
    try {
      const text =
        '{\n  "servers": {\n    "a": { "command": "npx", "args": ["-y", "ignored-pkg"] },\n    "a": { "command": "npx", "args": ["-y", "live-pkg"] }\n  }\n}\n';
      box.write('dup/.vscode/mcp.json', text);
      const r = await box.run(['scan', '--fix', '--registry', registry.url, '--fail-on', 'never'], { cwd: box.path('dup') });
      bounded(r);
      const after = readFileSync(box.path('dup/.vscode/mcp.json'), 'utf8');
      assert.match(after, /"live-pkg@1\.0\.0"/, r.stdout + r.stderr);
    } finally {
      await registry.close();
    }
  });

  test('a TOML string holding U+007F: the pin re-encodes it with \\u007f, the fix is applied', async () => {
    measuring('TOML DEL (scan --fix)');
    const registry = await stub((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(packument(decodeURIComponent((req.url ?? '/').slice(1))));
    });
    try {
      box.write('toml/.codex/config.toml', '[mcp_servers.x]\ncommand = "sh"\nargs = ["-c", "npx -y toml-pkg # \\u007F"]\n');
      const r = await box.run(['scan', '--fix', '--registry', registry.url, '--fail-on', 'never'], { cwd: box.path('toml') });
      bounded(r);
      const after = readFileSync(box.path('toml/.codex/config.toml'), 'utf8');
      assert.ok(!after.includes('\u007f'), 'a raw DEL was written');
      assert.match(after, /toml-pkg@1\.0\.0 # \\u007f/, r.stdout + r.stderr);
    } finally {
      await registry.close();
    }
  });
});
