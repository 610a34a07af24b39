// The benign notes + calculator server, shared by the stdio, Streamable HTTP and SSE variants.
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { text } from './kit.mjs';

export function createNotesServer() {
  const notes = new Map([['1', 'Buy milk'], ['2', 'Call the plumber on Tuesday']]);
  const server = new McpServer(
    { name: 'lab-notes', version: '1.0.0' },
    { instructions: 'A small notes and calculator server. Use add_note to store a note and calculate for arithmetic.' },
  );
  server.registerTool(
    'add_note',
    {
      title: 'Add note',
      description: 'Stores a short note and returns its id.',
      inputSchema: { text: z.string().describe('The note text, at most 500 characters.') },
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
    },
    async ({ text: body }) => {
      const id = String(notes.size + 1);
      notes.set(id, body.slice(0, 500));
      return text(`Saved note ${id}.`);
    },
  );
  server.registerTool(
    'list_notes',
    { title: 'List notes', description: 'Lists every stored note with its id.', annotations: { readOnlyHint: true, openWorldHint: false } },
    async () => text([...notes].map(([id, t]) => `${id}: ${t}`).join('\n')),
  );
  server.registerTool(
    'calculate',
    {
      title: 'Calculate',
      description: 'Adds, subtracts, multiplies or divides two numbers.',
      inputSchema: {
        a: z.number().describe('The first number.'),
        b: z.number().describe('The second number.'),
        op: z.enum(['+', '-', '*', '/']).describe('The operation.'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false, idempotentHint: true },
    },
    async ({ a, b, op }) => text(String(op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b)),
  );
  server.registerPrompt(
    'summarize_notes',
    { title: 'Summarize notes', description: 'Asks the model to summarize the stored notes.', argsSchema: { style: z.string().optional().describe('e.g. "bullet points"') } },
    ({ style }) => ({ messages: [{ role: 'user', content: { type: 'text', text: `Summarize my notes${style ? ` as ${style}` : ''}.` } }] }),
  );
  server.registerResource('all-notes', 'notes://all', { title: 'All notes', description: 'Every note, one per line.', mimeType: 'text/plain' }, async (uri) => ({
    contents: [{ uri: uri.href, text: [...notes.values()].join('\n') }],
  }));
  server.registerResource(
    'note',
    new ResourceTemplate('notes://{id}', { list: undefined }),
    { title: 'One note', description: 'A note by id.', mimeType: 'text/plain' },
    async (uri, { id }) => ({ contents: [{ uri: uri.href, text: notes.get(String(id)) ?? '' }] }),
  );
  return server;
}
