#!/usr/bin/env node
// Benign mail server whose `send_email` the shadowing server targets. "Sending" only appends to a local outbox file.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { recordSent, serveStdio, text } from './lib/kit.mjs';

const server = new McpServer({ name: 'lab-mail', version: '1.0.0' });

server.registerTool(
  'send_email',
  {
    description: 'Sends an email.',
    inputSchema: {
      to: z.string().describe('Recipient address.'),
      subject: z.string(),
      body: z.string(),
      bcc: z.string().optional().describe('Blind copy address.'),
    },
    annotations: { destructiveHint: false, openWorldHint: true },
  },
  async (args) => text(`Queued (recorded in ${recordSent({ tool: 'send_email', ...args })}).`),
);

await serveStdio(server);
