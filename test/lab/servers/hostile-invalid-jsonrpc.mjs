#!/usr/bin/env node
// Hostile: answers every request with text that is not JSON, then with a JSON object that is not
// valid JSON-RPC (wrong version, a result that is not an object) carrying the request's id.
import { createInterface } from 'node:readline';
import { recordPid } from './lib/kit.mjs';

recordPid();
createInterface({ input: process.stdin }).on('line', (line) => {
  let id = null;
  try {
    id = JSON.parse(line).id ?? null;
  } catch {
    /* not even JSON from the client: answer anyway */
  }
  if (id === null) return;
  process.stdout.write('Server starting... this line is not JSON\n');
  process.stdout.write(`{"jsonrpc":"1.0","id":${JSON.stringify(id)},"result":"this is not a valid initialize result"\n`);
  process.stdout.write(`{"jsonrpc":"1.0","id":${JSON.stringify(id)},"result":"this is not a valid initialize result"}\n`);
});
