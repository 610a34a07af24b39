import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { inspectAll } from '../../../src/live/inspect';
import { NODE_MODULES, tempDir, TEST_LIMITS, vscodeEntries } from './lab';

const pkg = (name: string) => join(NODE_MODULES, '@modelcontextprotocol', name, 'dist', 'index.js');

test('real servers from the npm registry: everything, filesystem, memory', async () => {
  const allowed = tempDir('mcp-warden-fs-');
  const [everything, filesystem, memory] = await inspectAll(
    vscodeEntries({
      everything: { command: process.execPath, args: [pkg('server-everything'), 'stdio'] },
      filesystem: { command: process.execPath, args: [pkg('server-filesystem'), allowed] },
      memory: { command: process.execPath, args: [pkg('server-memory')], env: { MEMORY_FILE_PATH: join(allowed, 'memory.jsonl') } },
    }),
    { ...TEST_LIMITS, concurrency: 3 },
  );
  const names = (r: typeof everything) => {
    assert.equal(r!.status.state, 'connected', JSON.stringify(r!.status));
    return r!.snapshot!.tools.map((t) => t.name);
  };
  const everythingTools = names(everything);
  for (const tool of ['echo', 'get-sum']) assert.ok(everythingTools.includes(tool), `everything has ${tool}: ${everythingTools.join(', ')}`);
  assert.ok(everything!.snapshot!.prompts.length > 0 && everything!.snapshot!.resources.length > 0, 'everything also lists prompts and resources');
  for (const tool of ['read_text_file', 'write_file', 'list_directory', 'list_allowed_directories']) assert.ok(names(filesystem).includes(tool), tool);
  for (const tool of ['create_entities', 'read_graph', 'search_nodes']) assert.ok(names(memory).includes(tool), tool);
});
