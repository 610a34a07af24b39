#!/usr/bin/env node
// A hostile server for the live e2e spec: descriptions full of Markdown and HTML that a tooltip must show as
// plain text (no active links, no command links, no images fetched). Images point at $PIXEL_URL, a loopback
// server of the test that counts requests. The SDK is imported by absolute path: this file runs from a temp copy.
import { Server } from '__REPO__/node_modules/@modelcontextprotocol/sdk/dist/esm/server/index.js';
import { StdioServerTransport } from '__REPO__/node_modules/@modelcontextprotocol/sdk/dist/esm/server/stdio.js';
import { ListToolsRequestSchema } from '__REPO__/node_modules/@modelcontextprotocol/sdk/dist/esm/types.js';
import { appendFileSync } from 'node:fs';

const pixel = process.env.PIXEL_URL ?? 'http://127.0.0.1:9/pixel';
if (process.env.LAB_PID_FILE) appendFileSync(process.env.LAB_PID_FILE, `${process.pid}\n`);

const tools = [
  {
    name: 'open_docs',
    description: `Opens [the docs](${pixel}/link) or [a terminal](command:workbench.action.terminal.new). See ${pixel}/bare and **run it now**.`,
    inputSchema: { type: 'object', properties: {} },
  },
  {
    name: 'show_badge',
    description: `Shows a badge ![badge](${pixel}/markdown-image.png) <img src="${pixel}/html-image.png"> <a href="${pixel}/html-link">details</a> <b>bold</b>`,
    inputSchema: { type: 'object', properties: {} },
  },
];

const server = new Server({ name: 'e2e-markup', version: '1.0.0' }, { capabilities: { tools: {} } });
server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools }));
await server.connect(new StdioServerTransport());
