import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Sandbox } from '../core/cliHarness';

const box = new Sandbox();
after(() => box.dispose());

// A file whose only possible finding is a parse-error (a trailing comma Claude Desktop rejects) and
// which has no server for any other rule to look at; its severity is then set with --rule.
box.write('strict/claude_desktop_config.json', '{\n  "mcpServers": {},\n}\n');
box.write('clean/.cursor/mcp.json', '{"mcpServers": {}}\n');
const STRICT = 'strict/claude_desktop_config.json';
const CLEAN = 'clean/.cursor/mcp.json';

describe('exit codes', () => {
  test('0 for a clean file', () => {
    const r = box.run(['scan', CLEAN]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /No findings in 1 config file\./);
  });

  test('1 for an error at the default --fail-on error', () => {
    const r = box.run(['scan', STRICT]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /3:1\s+error\s+Trailing comma before '}'.*parse-error/);
    assert.match(r.stdout, /1 finding \(1 error, 0 warnings, 0 info\) in 1 config file\./);
  });

  const table: [string[], number][] = [
    [['--fail-on', 'error'], 1],
    [['--fail-on', 'error', '--rule', 'parse-error=warning'], 0],
    [['--fail-on', 'warning', '--rule', 'parse-error=warning'], 1],
    [['--fail-on', 'warning', '--rule', 'parse-error=info'], 0],
    [['--fail-on', 'info', '--rule', 'parse-error=info'], 1],
    [['--fail-on', 'info', '--rule', 'parse-error=off'], 0],
    [['--fail-on', 'never'], 0],
    [['--fail-on', 'never', '--rule', 'parse-error=error'], 0],
  ];
  for (const [flags, code] of table) {
    test(`${flags.join(' ')} → ${code}`, () => {
      const r = box.run(['scan', STRICT, ...flags]);
      assert.equal(r.code, code, r.stdout + r.stderr);
    });
  }

  test('severities from a settings file (--config) count like --rule', () => {
    box.write('warden.json', JSON.stringify({ rules: { 'parse-error': 'warning' } }));
    assert.equal(box.run(['scan', STRICT, '--config', 'warden.json']).code, 0);
    assert.equal(box.run(['scan', STRICT, '--config', 'warden.json', '--fail-on', 'warning']).code, 1);
    assert.equal(box.run(['scan', STRICT, '--config', 'warden.json', '--rule', 'parse-error=error']).code, 1, '--rule wins over the file');
  });

  test('.mcp-warden.json in the current folder is read without --config', () => {
    const dir = join(box.root, 'with-settings');
    box.write('.mcp-warden.json', JSON.stringify({ ignore: [{ files: '**/claude_desktop_config.json', rules: ['parse-error'] }] }), dir);
    box.write('claude_desktop_config.json', '{"mcpServers": {},}', dir);
    assert.equal(box.run(['scan', 'claude_desktop_config.json'], { cwd: dir }).code, 0);
  });

  test('2 for a missing path, naming it, while the other paths are still reported', () => {
    const r = box.run(['scan', CLEAN, 'no/such/file.json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no such file or folder: no\/such\/file\.json/);
    assert.match(r.stdout, /in 1 config file/);
  });

  test('2 and no "No findings" line when the only path is missing', () => {
    const r = box.run(['scan', 'no/such/folder']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no such file or folder: no\/such\/folder/);
    assert.equal(r.stdout, '', 'nothing was read, so nothing is reported as clean');
  });

  test('a missing path still gives a JSON document, for tools that parse stdout', () => {
    const r = box.run(['scan', 'no/such/folder', '--format', 'json']);
    assert.equal(r.code, 2);
    assert.doesNotThrow(() => JSON.parse(r.stdout));
  });

  test('no command at all is a usage error: the help goes to stderr and the exit code is 2', () => {
    const r = box.run([]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /Usage:\n\s+mcp-warden scan/);
    const asked = box.run(['--help']);
    assert.equal(asked.code, 0);
    assert.match(asked.stdout, /Usage:/);
  });

  test('2 for a missing path even when findings would give 1', () => {
    assert.equal(box.run(['scan', STRICT, 'missing.json']).code, 2);
  });

  const usage: [string[], RegExp][] = [
    [['scan', '--bogus'], /unknown option --bogus\n\(try: mcp-warden scan --help\)/],
    [['scan', '--format', 'xml'], /--format must be one of text, json, sarif/],
    [['scan', '--fail-on', 'sometimes'], /--fail-on must be one of error, warning, info, never/],
    [['scan', '--client', 'notepad'], /unknown --client "notepad"/],
    [['scan', '--rule', 'parse-error'], /--rule takes id=severity/],
    [['scan', '--rule', 'parse-error=loud'], /--rule parse-error must be one of off, info, warning, error/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ];
  for (const [args, message] of usage) {
    test(`2 for a usage error: ${args.join(' ')}`, () => {
      const r = box.run(args);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }

  test('2 for an unreadable or invalid settings file', () => {
    box.write('bad-settings.json', '{"rules": {"parse-error": "loud"}}');
    const r = box.run(['scan', CLEAN, '--config', 'bad-settings.json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /invalid settings .*severity must be one of/);
    assert.equal(box.run(['scan', CLEAN, '--config', 'nope.json']).code, 2);
  });

  test('--output writes the report to a file; an unwritable one is 2', () => {
    const r = box.run(['scan', STRICT, '--format', 'json', '--output', 'report.json']);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(readFileSync(join(box.project, 'report.json'), 'utf8')).files[0].findings[0].ruleId, 'parse-error');
    assert.equal(box.run(['scan', STRICT, '--output', join(box.project, 'no-dir', 'x', 'report.txt')]).code, 2);
  });

  test('help and version exit 0', () => {
    assert.equal(box.run(['--help']).code, 0);
    assert.match(box.run(['scan', '--help']).stdout, /--fail-on error\|warning\|info\|never/);
    assert.match(box.run(['--version']).stdout, /^\d+\.\d+\.\d+/);
  });
});
