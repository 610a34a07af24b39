// Shared bits of the lab servers. Plain Node ESM, no build step.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

export const LAB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_DIR = join(LAB_DIR, 'data');

/** Appends this process's id (and any extra ids) to $LAB_PID_FILE, so tests can prove nothing outlives a kill. */
export function recordPid(...extra) {
  const file = process.env.LAB_PID_FILE;
  if (!file) return;
  appendFileSync(file, [process.pid, ...extra].join('\n') + '\n');
}

/** Where senders write what they "sent": $LAB_OUTBOX or a file in the temp folder. Nothing leaves the machine. */
export function outboxFile() {
  return process.env.LAB_OUTBOX ?? join(tmpdir(), 'mcp-warden-lab-outbox.jsonl');
}

export function recordSent(entry) {
  const file = outboxFile();
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, JSON.stringify({ at: new Date().toISOString(), ...entry }) + '\n');
  return file;
}

export function writeJson(file, value) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value) + '\n');
}

/** Serves an McpServer (or low-level Server) over stdio and records the pid. */
export async function serveStdio(server) {
  recordPid();
  await server.connect(new StdioServerTransport());
}

export function text(value) {
  return { content: [{ type: 'text', text: value }] };
}
