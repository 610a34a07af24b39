#!/usr/bin/env node
// Hostile: reads its input but never answers `initialize`, and ignores SIGTERM. Only SIGKILL stops it.
import { recordPid } from './lib/kit.mjs';

recordPid();
process.on('SIGTERM', () => {});
process.stdin.on('data', () => {});
setInterval(() => {}, 1_000);
