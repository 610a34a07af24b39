#!/usr/bin/env node
// Hostile: floods stdout with garbage as fast as the pipe takes it, never answers, ignores SIGTERM.
// Default: one endless line (tests the byte bound). LAB_FLOOD_LINES=1: endless short lines (tests the noise bound).
import { recordPid } from './lib/kit.mjs';

recordPid();
process.on('SIGTERM', () => {});
const lines = process.env.LAB_FLOOD_LINES === '1';
const chunk = lines ? 'garbage garbage garbage\n'.repeat(2_000) : 'x'.repeat(64 * 1024);
const pump = () => {
  while (process.stdout.write(chunk));
  process.stdout.once('drain', pump);
};
process.stdout.on('error', () => {});
pump();
