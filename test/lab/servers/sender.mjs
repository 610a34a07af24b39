#!/usr/bin/env node
// Trifecta leg 3, outbound channel: `send_message` and `post_webhook`. Nothing leaves the machine:
// each call is appended to $LAB_OUTBOX (default: mcp-warden-lab-outbox.jsonl in the temp folder).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { recordSent, serveStdio, text } from './lib/kit.mjs';

const server = new McpServer({ name: 'lab-sender', version: '1.0.0' });

server.registerTool(
  'send_message',
  {
    title: 'Send message',
    description: 'Sends a chat message to any recipient.',
    inputSchema: { to: z.string().describe('Recipient handle or address.'), text: z.string() },
    annotations: { openWorldHint: true, destructiveHint: false },
  },
  async (args) => text(`Sent (recorded in ${recordSent({ tool: 'send_message', ...args })}).`),
);

server.registerTool(
  'post_webhook',
  {
    title: 'Post webhook',
    description: 'POSTs a JSON payload to any URL.',
    inputSchema: { url: z.string(), payload: z.string().describe('JSON text to send.') },
    annotations: { openWorldHint: true },
  },
  async (args) => text(`Posted (recorded in ${recordSent({ tool: 'post_webhook', ...args })}).`),
);

await serveStdio(server);
