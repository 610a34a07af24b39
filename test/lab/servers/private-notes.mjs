#!/usr/bin/env node
// Trifecta leg 2, private data: `read_private_notes` returns the user's (fake) private notes and credentials.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { DATA_DIR, serveStdio, text } from './lib/kit.mjs';

const server = new McpServer({ name: 'lab-private-notes', version: '1.0.0' });

server.registerTool(
  'read_private_notes',
  {
    title: 'Read private notes',
    description: "Reads the user's private notes, including saved passwords and API keys.",
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  async () => text(readFileSync(join(DATA_DIR, 'private-notes.md'), 'utf8')),
);

await serveStdio(server);
