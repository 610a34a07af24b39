import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { FOUNDATION_RULES, Sandbox, type CliResult } from '../core/cliHarness';
import { FIXTURES } from '../core/fixtureHelpers';

const box = new Sandbox();
after(() => box.dispose());

const fixture = (name: string) => readFileSync(join(FIXTURES, 'bad-input', name));
const summary = (findings: { ruleId: string; line: number; column: number }[]) => findings.map((f) => `${f.ruleId} ${f.line}:${f.column}`);

/** No crash: a clean exit code and nothing on stderr that says "internal error". */
function assertNoCrash(r: { code: number | null; stderr: string }): void {
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /internal error|RangeError|Maximum call stack/);
}

describe('bad input through the CLI', () => {
  box.write('json/.cursor/mcp.json', fixture('malformed.json'));
  box.write('yaml/.continue/mcpServers/tools.yaml', fixture('malformed.yaml'));
  box.write('toml/.codex/config.toml', fixture('malformed.toml'));
  box.write('bom/.cursor/mcp.json', fixture('bom.json'));
  box.write('crlf/.cursor/mcp.json', fixture('crlf.json'));
  box.write('utf8/.cursor/mcp.json', fixture('invalid-utf8.json'));
  box.write('binary/.cursor/mcp.json', fixture('binary.json'));
  box.write('settings/.gemini/settings.json', fixture('no-servers-settings.json'));

  const scan = (path: string) => {
    const r = box.scanJson([path]);
    assertNoCrash(r);
    const file = r.report.files[0]!;
    return { code: r.code, file, findings: summary(file.findings.filter((f) => FOUNDATION_RULES.has(f.ruleId))) };
  };

  test('malformed JSON: error at its line:column, the server after it still linted', () => {
    const { file, findings, code } = scan('json/.cursor/mcp.json');
    assert.deepEqual(findings, ['parse-error 5:7', 'invalid-server-entry 9:35']);
    assert.deepEqual(file.servers, ['broken', 'after']);
    assert.equal(code, 1);
  });

  test('malformed YAML: error where the quote opens', () => {
    const { findings } = scan('yaml/.continue/mcpServers/tools.yaml');
    assert.deepEqual(findings, ['parse-error 9:14']);
  });

  test('malformed TOML: error at the value, the next server still read', () => {
    const { file, findings } = scan('toml/.codex/config.toml');
    assert.deepEqual(
      findings.filter((f) => f.startsWith('parse-error')),
      ['parse-error 4:11'],
    );
    assert.deepEqual(file.servers, ['broken', 'after']);
  });

  test('BOM: columns as the editor counts them', () => {
    const text = fixture('bom.json').subarray(3).toString('utf8');
    assert.deepEqual(scan('bom/.cursor/mcp.json').findings, [`invalid-server-entry 1:${text.indexOf('{"bad"') + 1}`]);
  });

  test('CRLF: lines and columns right', () => {
    assert.deepEqual(scan('crlf/.cursor/mcp.json').findings, ['invalid-server-entry 5:35', 'invalid-server-entry 7:5']);
  });

  test('invalid UTF-8: reported at the byte, the rest linted', () => {
    const { findings, file } = scan('utf8/.cursor/mcp.json');
    assert.deepEqual(findings, ['unreadable-file 3:9', 'invalid-server-entry 4:61']);
    assert.equal(file.servers.length, 2);
  });

  test('binary: one unreadable-file finding', () => {
    const { findings, code } = scan('binary/.cursor/mcp.json');
    assert.deepEqual(findings, ['unreadable-file 1:1']);
    assert.equal(code, 0, 'unreadable-file is a warning');
  });

  test('a settings file with no MCP servers: no finding, and --verbose says so', () => {
    assert.deepEqual(scan('settings/.gemini/settings.json').findings, []);
    const r: CliResult = box.run(['scan', 'settings/.gemini/settings.json', '--verbose']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /settings\/\.gemini\/settings\.json \(Gemini CLI, workspace, 0 servers\)\n {2}no findings: this file configures no MCP servers/);
    assert.match(r.stdout, /No findings in 1 config file\./);
    const quiet = box.run(['scan', 'settings/.gemini/settings.json']);
    assert.doesNotMatch(quiet.stdout, /configures no MCP servers/);
  });

  test('10,000-deep nesting in JSON, YAML and TOML: a parse error, no stack overflow', () => {
    const N = 10_000;
    box.write('deep/.cursor/mcp.json', '{"mcpServers": ' + '['.repeat(N) + ']'.repeat(N) + '}');
    box.write('deep/.continue/mcpServers/deep.yaml', Array.from({ length: N }, (_, i) => ' '.repeat(i % 2000) + '- x:').join('\n'));
    box.write('deep/.codex/config.toml', 'a = ' + '{b = '.repeat(N) + '1' + '}'.repeat(N) + '\n');
    box.write('deep2/.continue/mcpServers/deep.yaml', '- '.repeat(N) + 'x\n');
    const r = box.scanJson(['deep', 'deep2']);
    assertNoCrash(r);
    assert.equal(r.report.files.length, 4);
    for (const file of r.report.files) {
      assert.deepEqual(
        file.findings.map((f) => f.ruleId),
        ['parse-error'],
        file.path,
      );
      assert.match(file.findings[0]!.message, /Nesting deeper than 256 levels/);
    }
  });

  test('a 20 MB file: a clear unreadable-file finding at its first line, and the other files are still read', () => {
    const big = Buffer.alloc(20 * 1024 * 1024, 0x20);
    big.write('{"mcpServers": {"a": {"command": "npx"}}}', 0);
    box.write('big/.cursor/mcp.json', big);
    box.write('big/.vscode/mcp.json', '{"servers": {"x": {}}}');
    const r = box.scanJson(['big']);
    assertNoCrash(r);
    const cursor = r.report.files.find((f) => f.path.endsWith('.cursor/mcp.json'))!;
    assert.deepEqual(summary(cursor.findings), ['unreadable-file 1:1']);
    assert.match(cursor.findings[0]!.message, /File is 20\.0 MB, over the 10\.0 MB limit/);
    // A project file nobody checked may still be loaded by its client: the default gate fails on it.
    assert.equal(cursor.findings[0]!.severity, 'error');
    assert.equal(r.code, 1);
    const vscode = r.report.files.find((f) => f.path.endsWith('.vscode/mcp.json'))!;
    assert.deepEqual(summary(vscode.findings.filter((f) => FOUNDATION_RULES.has(f.ruleId))), ['invalid-server-entry 1:14']);
  });

  test('--max-file-mb raises the limit, and a bad value is a usage error', () => {
    const big = Buffer.alloc(12 * 1024 * 1024, 0x20);
    big.write('{"mcpServers": {"a": {"command": "npx", "args": ["-y", "some-mcp-server"]}}}', 0);
    box.write('big12/.cursor/mcp.json', big);
    const r = box.scanJson(['big12', '--max-file-mb', '16']);
    assertNoCrash(r);
    const rules = r.report.files[0]!.findings.map((f) => f.ruleId);
    assert.ok(!rules.includes('unreadable-file'), rules.join());
    assert.ok(rules.includes('unpinned-package'), rules.join());
    const bad = box.run(['scan', 'big12', '--max-file-mb', 'lots']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-file-mb takes a size in MB from 0\.1 to 512 \(got "lots"\)/);
  });

  test('text output for a broken file names the place and the rule', () => {
    const r = box.run(['scan', 'json/.cursor/mcp.json']);
    assert.match(r.stdout, /json\/\.cursor\/mcp\.json \(Cursor, workspace, 2 servers\)/);
    assert.match(r.stdout, /5:7\s+error\s+JSON syntax error: Comma ',' expected\.\s+parse-error/);
  });
});
