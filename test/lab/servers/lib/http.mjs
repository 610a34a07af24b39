// Loopback HTTP hosting for lab servers: Streamable HTTP (stateless) or the legacy HTTP+SSE transport.
import { createServer } from 'node:http';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { recordPid } from './kit.mjs';

/** `--port N`, else $LAB_PORT, else 0 (any free port). */
export function portFromArgs() {
  const i = process.argv.indexOf('--port');
  return Number(i !== -1 ? process.argv[i + 1] : (process.env.LAB_PORT ?? 0));
}

/** With $LAB_REQUIRE_TOKEN set, requests need `Authorization: Bearer <that token>` (to try `headers`). */
function authorized(req, res) {
  const token = process.env.LAB_REQUIRE_TOKEN;
  if (!token || req.headers.authorization === `Bearer ${token}`) return true;
  res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'missing or wrong bearer token' }));
  return false;
}

function listen(httpServer, path) {
  httpServer.listen(portFromArgs(), '127.0.0.1', () => {
    recordPid();
    // Tests read this line to learn the port.
    console.log(`listening http://127.0.0.1:${httpServer.address().port}${path}`);
  });
}

export function serveStreamableHttp(createServerInstance) {
  const httpServer = createServer(async (req, res) => {
    if (!req.url?.startsWith('/mcp')) return res.writeHead(404).end();
    if (!authorized(req, res)) return;
    if (req.method !== 'POST') return res.writeHead(405, { allow: 'POST' }).end();
    const server = createServerInstance();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      transport.close();
      server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res);
  });
  listen(httpServer, '/mcp');
}

export function serveSse(createServerInstance) {
  const sessions = new Map();
  const httpServer = createServer(async (req, res) => {
    if (!authorized(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/sse') {
      const transport = new SSEServerTransport('/messages', res);
      sessions.set(transport.sessionId, transport);
      res.on('close', () => sessions.delete(transport.sessionId));
      await createServerInstance().connect(transport);
      return;
    }
    if (req.method === 'POST' && url.pathname === '/messages') {
      const transport = sessions.get(url.searchParams.get('sessionId'));
      if (!transport) return res.writeHead(404).end('unknown session');
      await transport.handlePostMessage(req, res);
      return;
    }
    res.writeHead(404).end();
  });
  listen(httpServer, '/sse');
}
