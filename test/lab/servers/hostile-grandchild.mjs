#!/usr/bin/env node
// Hostile: starts two grandchildren that ignore SIGTERM and would outlive a naive kill of this process:
// one in its process group, one detached into its own session (escaping a process-group kill).
// All three pids go to $LAB_PID_FILE. It ignores SIGTERM itself; LAB_HANG=1 makes it never answer.
import { spawn } from 'node:child_process';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { recordPid, serveStdio, text } from './lib/kit.mjs';

const STUBBORN = "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000);";
const inGroup = spawn(process.execPath, ['-e', STUBBORN], { stdio: 'ignore' });
const escaped = spawn(process.execPath, ['-e', STUBBORN], { stdio: 'ignore', detached: true });
escaped.unref();
inGroup.unref();
process.on('SIGTERM', () => {});

if (process.env.LAB_HANG === '1') {
  recordPid(inGroup.pid, escaped.pid);
  process.stdin.on('data', () => {});
  setInterval(() => {}, 1_000);
} else {
  const server = new McpServer({ name: 'lab-grandchild', version: '1.0.0' });
  server.registerTool('noop', { description: 'Does nothing.' }, async () => text('ok'));
  recordPid(inGroup.pid, escaped.pid);
  await serveStdio(server);
}
