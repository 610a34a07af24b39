#!/usr/bin/env node
// Untrusted content over a real HTTP request: `fetch_url` fetches a page, but only from loopback
// (127.0.0.1, ::1, localhost); any other host is refused, so the lab never reaches the network.
// `npm run lab:replay` serves test/lab/data/attacker-page.md on loopback for it to fetch.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { serveStdio, text } from './lib/kit.mjs';

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);
const server = new McpServer({ name: 'lab-web-fetcher', version: '1.0.0' });

server.registerTool(
  'fetch_url',
  {
    title: 'Fetch URL',
    description: 'Fetches a web page and returns its text.',
    inputSchema: { url: z.string().describe('The page to fetch (http, loopback only in the lab).') },
    annotations: { readOnlyHint: true, openWorldHint: true },
  },
  async ({ url }) => {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' || !LOOPBACK.has(parsed.hostname)) return { ...text(`The lab fetches loopback pages only, not ${parsed.host}.`), isError: true };
    const response = await fetch(parsed, { signal: AbortSignal.timeout(5_000) });
    return text(`Content of ${url}:\n\n${(await response.text()).slice(0, 100_000)}`);
  },
);

await serveStdio(server);
