import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigBytes } from '../../../src/core/config/load';
import { lintFile } from '../../../src/core/engine/lint';
import { createProject } from '../../../src/core/engine/project';
import { unreadableFile } from '../../../src/core/rules/unreadable-file';
import { ruleTable } from '../helpers/ruleTester';

// Text handed over by an editor is already decoded: nothing is unreadable.
ruleTable(unreadableFile, {
  valid: [
    { name: 'text', path: '/p/.cursor/mcp.json', text: '{"mcpServers": {}}' },
    { name: 'even a broken one', path: '/p/.cursor/mcp.json', text: '{"mcpServers": ' },
  ],
  invalid: [],
});

function findings(bytes: Uint8Array, maxFileBytes?: number, path = '/p/.cursor/mcp.json') {
  const file = loadConfigBytes(bytes, { path, home: '/home/u', ...(maxFileBytes ? { maxFileBytes } : {}) });
  return lintFile(file, createProject([file]), { rules: [unreadableFile] }).map((f) => ({
    line: f.start.line,
    column: f.start.column,
    severity: f.severity,
    path: f.path,
    message: f.message,
  }));
}

test('unreadable-file: bytes from disk that are not a UTF-8 text config', () => {
  const enc = new TextEncoder();
  assert.deepEqual(findings(enc.encode('{"mcpServers": {}}')), []);
  assert.deepEqual(findings(enc.encode('{"mcpServers": {}}'), 10), [
    {
      line: 1,
      column: 1,
      severity: 'error',
      path: [],
      message:
        'File is 18 bytes, over the 10 bytes limit: not read, so nothing in it was checked. Raise the limit with the mcpWarden.maxFileSizeMB setting (editor) or --max-file-mb (CLI).',
    },
  ]);
  // A user's own file over the limit is usually history (a large ~/.claude.json), not a hidden server: a warning.
  assert.deepEqual(
    findings(enc.encode('{"mcpServers": {}}'), 10, '/home/u/.claude.json').map((f) => f.severity),
    ['warning'],
  );
  assert.deepEqual(
    findings(enc.encode('{"mcpServers": {}}'), 10, '/home/u/.cursor/mcp.json').map((f) => f.severity),
    ['warning'],
  );
  assert.match(findings(new Uint8Array([0x7b, 0x00, 0x7d]))[0]!.message, /binary data \(NUL bytes\)/);
  assert.match(findings(new Uint8Array([0xff, 0xfe, 0x7b, 0x00]))[0]!.message, /UTF-16/);
  const bad = findings(new Uint8Array([...enc.encode('{\n  "a": "'), 0xc0, 0xaf, ...enc.encode('"\n}')]));
  assert.deepEqual(
    bad.map((f) => [f.line, f.column]),
    [[2, 9]],
  );
  assert.match(bad[0]!.message, /Invalid UTF-8 byte sequence \(byte 10, 0xc0\)/);
});
