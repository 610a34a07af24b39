#!/usr/bin/env node
// Hostile: 100,000 tools (LAB_TOOL_COUNT). Paginated, LAB_PAGE_SIZE per page (default 500);
// LAB_PAGE_SIZE=0 sends them all in one response (about 9 MB). LAB_CURSOR_LOOP=1 always answers the same
// nextCursor, so a naive client pages forever.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { serveStdio } from './lib/kit.mjs';

const COUNT = Number(process.env.LAB_TOOL_COUNT ?? 100_000);
const PAGE = Number(process.env.LAB_PAGE_SIZE ?? 500);
const tool = (i) => ({ name: `tool_${String(i).padStart(6, '0')}`, description: `Tool number ${i}.`, inputSchema: { type: 'object', properties: {} } });

const server = new Server({ name: 'lab-many-tools', version: '1.0.0' }, { capabilities: { tools: {} } });
server.setRequestHandler(ListToolsRequestSchema, async (request) => {
  if (PAGE <= 0) return { tools: Array.from({ length: COUNT }, (_, i) => tool(i)) };
  if (process.env.LAB_CURSOR_LOOP === '1') return { tools: [tool(0)], nextCursor: 'again' };
  const start = Number(request.params?.cursor ?? 0);
  const end = Math.min(COUNT, start + PAGE);
  const page = { tools: Array.from({ length: end - start }, (_, i) => tool(start + i)) };
  return end < COUNT ? { ...page, nextCursor: String(end) } : page;
});

await serveStdio(server);
