import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DEFAULT_MAX_FILE_BYTES, loadConfigBytes, loadConfigText, type LoadOptions } from '../../../src/core/config/load';
import { lintFile } from '../../../src/core/engine/lint';
import { createProject } from '../../../src/core/engine/project';
import type { ConfigFile } from '../../../src/core/model/configFile';
import type { Finding } from '../../../src/core/model/finding';
import { duplicateServerName } from '../../../src/core/rules/duplicate-server-name';
import { invalidServerEntry } from '../../../src/core/rules/invalid-server-entry';
import { misplacedServersKey } from '../../../src/core/rules/misplaced-servers-key';
import { parseError } from '../../../src/core/rules/parse-error';
import { unknownConfigFormat } from '../../../src/core/rules/unknown-config-format';
import { unreadableFile } from '../../../src/core/rules/unreadable-file';
import { readConfigFile } from '../../../src/node/readConfig';
import { FIXTURES, lineColumn, sourceOf } from './fixtureHelpers';

const BAD = join(FIXTURES, 'bad-input');
const scratch = mkdtempSync(join(tmpdir(), 'mcp-warden-bad-input-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The rules of the foundation only: rules added later may find more in these files. */
const FOUNDATION = [parseError, unreadableFile, unknownConfigFormat, misplacedServersKey, invalidServerEntry, duplicateServerName];

function lint(file: ConfigFile): Finding[] {
  return lintFile(file, createProject([file]), { rules: FOUNDATION });
}

function fromFixture(name: string, path: string, options: Partial<LoadOptions> & { maxFileBytes?: number } = {}): { file: ConfigFile; findings: Finding[] } {
  const file = loadConfigBytes(readFileSync(join(BAD, name)), { path, ...options });
  return { file, findings: lint(file) };
}

const summary = (findings: Finding[]) => findings.map((f) => `${f.ruleId} ${f.start.line}:${f.start.column}`);

/** A realistic ~/.claude.json grown large by history, with two servers; `bytes` long exactly. */
function bigClaudeJson(bytes: number): string {
  const head =
    '{\n  "mcpServers": {\n    "first": {"command": "npx", "args": ["-y", "pkg-a@1.0.0"]},\n    "second": {"command": "uvx", "args": ["tool-b"]}\n  },\n  "projects": {\n    "/home/dev/app": {\n      "history": [\n';
  const tail = '\n      ]\n    }\n  }\n}\n';
  const entry = (i: number) => `        {"display": "refactor the parser, step ${i}", "pastedContents": {}}`;
  const parts: string[] = [];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes - 200; i++) {
    const e = (i ? ',\n' : '') + entry(i);
    parts.push(e);
    size += e.length;
  }
  const text = head + parts.join('') + tail;
  return text.replace('"projects"', ' '.repeat(bytes - text.length) + '"projects"');
}

describe('malformed files: the error at its place, the rest still read', () => {
  test('JSON: a missing comma is reported at the key after it; both servers are still extracted and linted', () => {
    const { file, findings } = fromFixture('malformed.json', '/p/.cursor/mcp.json');
    assert.deepEqual(summary(findings), ['parse-error 5:7', 'invalid-server-entry 9:35']);
    assert.match(findings[0]!.message, /Comma ',' expected/);
    assert.equal(
      sourceOf(file.text, { type: 'string', offset: findings[0]!.range.start, length: findings[0]!.range.end - findings[0]!.range.start }),
      '"args"',
    );
    assert.deepEqual(
      file.servers.map((s) => s.name),
      ['broken', 'after'],
    );
    assert.deepEqual(findings[1]!.path, ['mcpServers', 'after', 'args', 1]);
  });

  test('JSON: one mistake is reported once, not once per level the parser unwinds', () => {
    const text = '{"mcpServers": {"a": {"command": "x",, }}}';
    const file = loadConfigText(text, { path: '/p/.cursor/mcp.json' });
    assert.deepEqual(summary(lint(file)), [`parse-error 1:${text.indexOf(',,') + 2}`]);
  });

  test('JSON: a strict client rejects a trailing comma, a lenient one does not', () => {
    const text = '{"mcpServers": {"a": {"command": "x"},\n}}';
    assert.deepEqual(summary(lint(loadConfigText(text, { path: '/p/claude_desktop_config.json' }))), ['parse-error 2:1']);
    assert.deepEqual(
      summary(lint(loadConfigText(text, { path: '/p/.vscode/mcp.json' }))).filter((s) => s.startsWith('parse-error')),
      [],
    );
  });

  test('YAML: an unclosed quote is reported where it opens; the servers before it are read', () => {
    const { file, findings } = fromFixture('malformed.yaml', '/p/.continue/mcpServers/tools.yaml');
    assert.deepEqual(summary(findings), ['parse-error 9:14']);
    assert.match(findings[0]!.message, /never closed/);
    assert.equal(file.servers[0]?.name, 'after');
    assert.equal(file.servers[0]?.command?.value, 'uvx');
  });

  test('YAML: a mis-indented key is reported on its line', () => {
    const file = loadConfigText('mcpServers:\n  - name: a\n    command: npx\n   args: [x]\n  - name: b\n    command: uvx\n', {
      path: '/p/.continue/mcpServers/a.yaml',
    });
    const findings = lint(file);
    assert.equal(findings[0]?.ruleId, 'parse-error');
    assert.equal(findings[0]?.start.line, 4);
    assert.deepEqual(
      file.servers.map((s) => s.name),
      ['a', 'b'],
    );
  });

  test('TOML: an unquoted value is reported at the value; the next server is still read and linted', () => {
    const { file, findings } = fromFixture('malformed.toml', '/p/.codex/config.toml');
    assert.deepEqual(summary(findings), ['parse-error 4:11']);
    assert.deepEqual(
      file.servers.map((s) => s.name),
      ['broken', 'after'],
    );
    assert.equal(file.servers[1]?.command?.value, 'uvx');
  });

  test('a garbled file reports at most 50 syntax errors plus a count of the rest', () => {
    const findings = lint(loadConfigText('{' + 'x '.repeat(5000) + '}', { path: '/p/.cursor/mcp.json' }));
    assert.equal(findings.length, 51);
    assert.match(findings[50]!.message, /4950 more JSON syntax errors/);
  });
});

describe('size', () => {
  const bytes = new TextEncoder().encode(bigClaudeJson(20 * 1024 * 1024));

  test('the generated file really is 20 MB of valid JSON', () => {
    assert.equal(bytes.length, 20 * 1024 * 1024);
  });

  test('a 20 MB file is not read at the default 10 MB limit, and says so', () => {
    const file = loadConfigBytes(bytes, { path: '/home/dev/.claude.json' });
    const findings = lint(file);
    assert.deepEqual(summary(findings), ['unreadable-file 1:1']);
    assert.match(findings[0]!.message, /20\.0 MB, over the 10\.0 MB limit/);
    assert.equal(file.client, 'claude-code');
    assert.deepEqual(file.servers, []);
  });

  test('with the limit raised it is parsed and linted without a crash', () => {
    const file = loadConfigBytes(bytes, { path: '/home/dev/.claude.json', maxFileBytes: 32 * 1024 * 1024 });
    assert.deepEqual(lint(file), []);
    assert.deepEqual(
      file.servers.map((s) => s.name),
      ['first', 'second'],
    );
  });

  test('from disk: the size is checked before the file is read', () => {
    const path = join(scratch, 'big', '.claude.json');
    rmSync(join(scratch, 'big'), { recursive: true, force: true });
    mkdirSync(join(scratch, 'big'));
    writeFileSync(path, bytes);
    const file = readConfigFile({ path });
    assert.equal(file.text, '');
    assert.deepEqual(summary(lint(file)), ['unreadable-file 1:1']);
    assert.match(lint(file)[0]!.message, new RegExp(`over the ${DEFAULT_MAX_FILE_BYTES / 1024 / 1024}\\.0 MB limit`));
  });
});

describe('10,000-deep nesting: a clear parse error, no stack overflow', () => {
  const N = 10_000;
  const cases: { name: string; path: string; text: string; at: { line: number; column: number } }[] = [
    { name: 'JSON arrays', path: '/p/.cursor/mcp.json', text: '['.repeat(N) + ']'.repeat(N), at: { line: 1, column: 257 } },
    { name: 'JSON objects', path: '/p/.cursor/mcp.json', text: '{"a":'.repeat(N) + '1' + '}'.repeat(N), at: { line: 1, column: 5 * 256 + 1 } },
    {
      name: 'JSON inside a server',
      path: '/p/.cursor/mcp.json',
      text: '{"mcpServers": {"x": {"command": "npx", "args": ' + '['.repeat(N) + ']'.repeat(N) + '}}}',
      at: { line: 1, column: 49 + 253 },
    },
    {
      name: 'YAML flow',
      path: '/p/.continue/mcpServers/a.yaml',
      text: 'mcpServers: ' + '['.repeat(N) + ']'.repeat(N) + '\n',
      at: { line: 1, column: 13 + 255 },
    },
    {
      name: 'YAML block mappings',
      path: '/p/.continue/mcpServers/a.yaml',
      text: Array.from({ length: N }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' 1\n',
      at: { line: 257, column: 257 },
    },
    { name: 'YAML compact sequences', path: '/p/.continue/mcpServers/a.yaml', text: '- '.repeat(N) + 'x\n', at: { line: 1, column: 2 * 256 - 1 } },
    { name: 'TOML arrays', path: '/p/.codex/config.toml', text: 'a = ' + '['.repeat(N) + ']'.repeat(N) + '\n', at: { line: 1, column: 5 + 256 } },
    {
      name: 'TOML inline tables',
      path: '/p/.codex/config.toml',
      text: 'a = ' + '{b = '.repeat(N) + '1' + '}'.repeat(N) + '\n',
      at: { line: 1, column: 5 + 5 * 256 },
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const file = loadConfigText(c.text, { path: c.path });
      const findings = lint(file);
      assert.deepEqual(summary(findings), [`parse-error ${c.at.line}:${c.at.column}`]);
      assert.match(findings[0]!.message, /Nesting deeper than 256 levels/);
    });
  }

  test('TOML dotted keys 10,000 parts long', () => {
    const file = loadConfigText('[' + Array.from({ length: N }, () => 'k').join('.') + ']\nx = 1\n', { path: '/p/.codex/config.toml' });
    const findings = lint(file);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.ruleId, 'parse-error');
  });

  test('nesting that real configs use (well under the limit) is read normally', () => {
    const yaml = 'mcpServers:\n  - name: a\n    command: npx\n    args:\n      - -y\n      - pkg@1.0.0\n    env:\n      A: "1"\n';
    const file = loadConfigText(yaml, { path: '/p/.continue/mcpServers/a.yaml' });
    assert.deepEqual(lint(file), []);
    assert.deepEqual(
      file.servers[0]?.args.map((a) => a.value),
      ['-y', 'pkg@1.0.0'],
    );
  });

  test('a YAML block scalar with deep indentation inside is not nesting', () => {
    const script = Array.from({ length: 300 }, (_, i) => ' '.repeat(6 + i) + 'x').join('\n');
    const file = loadConfigText(`mcpServers:\n  - name: a\n    command: sh\n    description: |\n${script}\n    args: [run]\n`, {
      path: '/p/.continue/mcpServers/a.yaml',
    });
    assert.deepEqual(file.problems, []);
    assert.deepEqual(
      file.servers[0]?.args.map((a) => a.value),
      ['run'],
    );
  });
});

describe('encodings and line ends', () => {
  test('binary content is not parsed: one unreadable-file finding, no guessing', () => {
    const { file, findings } = fromFixture('binary.json', '/p/.cursor/mcp.json');
    assert.deepEqual(summary(findings), ['unreadable-file 1:1']);
    assert.match(findings[0]!.message, /binary data/);
    assert.equal(file.text, '');
  });

  test('binary content in a file of unknown name: still only unreadable-file', () => {
    const { findings } = fromFixture('binary.json', '/p/picture.json');
    assert.deepEqual(summary(findings), ['unreadable-file 1:1']);
  });

  test('UTF-16 is named as such', () => {
    const utf16 = Buffer.from('\ufeff{"mcpServers": {}}', 'utf16le');
    const findings = lint(loadConfigBytes(utf16, { path: '/p/.cursor/mcp.json' }));
    assert.match(findings[0]!.message, /UTF-16/);
  });

  test('BOM: dropped, so offsets and columns match the text an editor shows', () => {
    const raw = readFileSync(join(BAD, 'bom.json'));
    assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const { file, findings } = fromFixture('bom.json', '/p/.cursor/mcp.json');
    assert.equal(file.text, raw.subarray(3).toString('utf8'));
    const args1 = file.servers[0]!.args;
    assert.equal(args1[0]?.value, 'mcp-server-time');
    assert.equal(sourceOf(file.text, args1[0]!.node), '"mcp-server-time"');
    assert.deepEqual(summary(findings), [`invalid-server-entry 1:${file.text.indexOf('{"bad"') + 1}`]);
  });

  test('BOM in text handed over by an editor is dropped the same way', () => {
    const file = loadConfigText('\ufeff{"mcpServers": {"a": {"command": "x"}}}', { path: '/p/.cursor/mcp.json' });
    assert.equal(sourceOf(file.text, file.servers[0]!.command!.node), '"x"');
  });

  test('CRLF: lines and columns count as editors do (the CR is not a column)', () => {
    const { file, findings } = fromFixture('crlf.json', '/p/.cursor/mcp.json');
    assert.ok(file.text.includes('\r\n'));
    assert.deepEqual(summary(findings), ['invalid-server-entry 5:35', 'invalid-server-entry 7:5']);
    for (const f of findings) {
      assert.deepEqual(f.start, lineColumn(file.text, f.range.start));
      assert.deepEqual(f.end, lineColumn(file.text, f.range.end));
    }
    assert.equal(findings[1]!.end.column, 12, 'the range of "empty" ends before the CR');
  });

  test('invalid UTF-8 is reported at the bad byte; the rest of the file is still linted', () => {
    const { file, findings } = fromFixture('invalid-utf8.json', '/p/.cursor/mcp.json');
    assert.deepEqual(summary(findings), ['unreadable-file 3:9', 'invalid-server-entry 4:61']);
    assert.match(findings[0]!.message, /byte 28, 0xe9/);
    assert.equal(file.text[findings[0]!.range.start], '\ufffd');
    assert.deepEqual(
      file.servers.map((s) => s.name),
      ['caf\ufffd', 'after'],
    );
  });

  test('a correctly encoded U+FFFD is not mistaken for invalid UTF-8', () => {
    const bytes = new TextEncoder().encode('{"mcpServers": {"a\ufffd": {"command": "x"}}}');
    assert.deepEqual(lint(loadConfigBytes(bytes, { path: '/p/.cursor/mcp.json' })), []);
  });

  test('an invalid byte after a valid U+FFFD is located at the invalid byte', () => {
    const bytes = Buffer.concat([Buffer.from('{"a\ufffd": 1, "b": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const findings = lint(loadConfigBytes(bytes, { path: '/p/.vscode/mcp.json' }));
    assert.equal(findings[0]?.ruleId, 'unreadable-file');
    assert.equal(findings[0]?.start.column, '{"a\ufffd": 1, "b": "'.length + 1);
  });
});

describe('files without MCP servers', () => {
  test('a client settings file with no servers: no finding at all', () => {
    const { file, findings } = fromFixture('no-servers-settings.json', '/home/dev/.gemini/settings.json');
    assert.equal(file.client, 'gemini-cli');
    assert.equal(file.sharedSettings, true);
    assert.deepEqual(file.servers, []);
    assert.deepEqual(findings, []);
  });

  test('VS Code user settings without an mcp block: no finding', () => {
    const file = loadConfigText('{\n  // editor settings only\n  "editor.tabSize": 2,\n}', { path: '/home/dev/.config/Code/User/settings.json' });
    assert.deepEqual(lint(file), []);
  });

  test('an explicitly named file that is no MCP config says so', () => {
    const { findings } = fromFixture('not-a-config.json', '/p/package-tools.json');
    assert.deepEqual(summary(findings), ['unknown-config-format 1:1']);
  });

  test('the same file found by discovery (not named explicitly) stays silent', () => {
    const { findings } = fromFixture('not-a-config.json', '/p/package-tools.json', { explicit: false });
    assert.deepEqual(findings, []);
  });

  test('an empty file of a known client is not an error', () => {
    for (const path of ['/p/.cursor/mcp.json', '/p/.continue/mcpServers/a.yaml', '/p/.codex/config.toml']) {
      assert.deepEqual(lint(loadConfigBytes(new Uint8Array(0), { path })), [], path);
    }
  });
});
