// A loopback stand-in for an Open VSX registry, for `npm run release:dry`: the real `ovsx publish` client uploads the
// VSIX to it, and it answers as the registry would, refusing what Open VSX's rules refuse (scripts/release/openvsx-rules.mjs).
// Nothing leaves this machine.
import { createServer } from 'node:http';
import { openVsxIssues } from './openvsx-rules.mjs';
import { zipEntries } from './zip.mjs';

/** Starts the stub on 127.0.0.1; `published` collects what it accepted. */
export async function startOpenVsxStub() {
  const published = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url, 'http://127.0.0.1');
      const send = (status, body) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET' && url.pathname === '/api/version') return send(200, { version: 'v0.0.0-stub' });
      if (req.method !== 'POST' || url.pathname !== '/api/-/publish') return send(404, { error: `not a registry route: ${req.method} ${url.pathname}` });
      if (!url.searchParams.get('token') && !req.headers.authorization) return send(401, { error: 'no access token' });
      let entries;
      try {
        entries = zipEntries(Buffer.concat(chunks));
      } catch (e) {
        return send(400, { error: `not a VSIX: ${e.message}` });
      }
      const manifestEntry = entries.get('extension/package.json');
      if (!manifestEntry) return send(400, { error: 'Manifest not found.' });
      const manifest = JSON.parse(manifestEntry.toString('utf8'));
      const hasLicenseFile = [...entries.keys()].some((name) => /^extension\/licen[sc]e(\.(md|txt))?$/i.test(name));
      const issues = openVsxIssues(manifest, { hasLicenseFile });
      if (issues.length) return send(400, { error: issues.join('\n') });
      published.push({ namespace: manifest.publisher, name: manifest.name, version: manifest.version, bytes: Buffer.concat(chunks).length });
      return send(201, { namespace: manifest.publisher, name: manifest.name, version: manifest.version, targetPlatform: 'universal' });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, published, close: () => new Promise((resolve) => server.close(resolve)) };
}
