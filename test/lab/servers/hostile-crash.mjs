#!/usr/bin/env node
// Hostile: exits with code 1 right away, leaving only a message on stderr.
import { recordPid } from './lib/kit.mjs';

recordPid();
process.stderr.write('Error: lab server crashed on purpose (FAKE failure for testing)\n');
process.exit(1);
