#!/usr/bin/env node
// For the secrets end-to-end test: writes { sha256 } of $LAB_TOKEN (never the token) to $LAB_TOKEN_RECORD
// at start, then serves one tool that says whether a token arrived. LAB_LEAK_TOKEN=1 makes it a careless
// server that prints the token to stderr (to test that a client's logs mask it).
import { createHash } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { serveStdio, text, writeJson } from './lib/kit.mjs';

const token = process.env.LAB_TOKEN;
const sha256 = token === undefined ? null : createHash('sha256').update(token, 'utf8').digest('hex');
if (process.env.LAB_TOKEN_RECORD) writeJson(process.env.LAB_TOKEN_RECORD, { sha256 });
if (process.env.LAB_LEAK_TOKEN === '1') process.stderr.write(`debug: using token ${token}\n`);

const server = new McpServer({ name: 'lab-token-recorder', version: '1.0.0' });
server.registerTool(
  'token_status',
  { description: 'Tells whether the server received LAB_TOKEN (and its SHA-256, never the value).', annotations: { readOnlyHint: true } },
  async () => text(sha256 ? `LAB_TOKEN received, sha256 ${sha256}` : 'LAB_TOKEN not set'),
);

await serveStdio(server);
