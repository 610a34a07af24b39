import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { lintFile } from '../../../src/core/engine/lint';
import { createProject } from '../../../src/core/engine/project';
import { readSettings, type WardenSettings } from '../../../src/core/engine/settings';
import type { Finding } from '../../../src/core/model/finding';
import type { Rule } from '../../../src/core/rules/rule';

/** Two test rules that flag every argument: one name to silence, one that must stay. */
function argRule(id: string): Rule {
  return {
    meta: { id, category: 'config', defaultSeverity: 'warning', description: `test rule ${id}` },
    check(file, context) {
      for (const server of file.servers) for (const arg of server.args) context.report({ server, node: arg.node, message: `${id}: ${arg.value}` });
    },
  };
}
const RULES = [argRule('flag-arg'), argRule('other-rule')];

function lint(path: string, text: string, settings?: WardenSettings): string[] {
  const file = loadConfigText(text, { path });
  const findings: Finding[] = lintFile(file, createProject([file]), { rules: RULES, ...(settings ? { settings } : {}) });
  return findings.map((f) => `${f.ruleId}@${f.start.line} ${f.severity}`);
}

const JSONC = '/p/.vscode/mcp.json';
const YAML = '/p/.continue/mcpServers/a.yaml';
const TOML = '/p/.codex/config.toml';

describe('inline directives in JSONC comments', () => {
  const body = (before: string, onLine = '') =>
    `{\n  "servers": {\n    "a": {\n      "command": "npx",\n${before}      "args": ["one", "two"]${onLine}\n    }\n  }\n}\n`;

  test('without a directive both rules report the args line', () => {
    assert.deepEqual(lint(JSONC, body('')), ['flag-arg@5 warning', 'other-rule@5 warning', 'flag-arg@5 warning', 'other-rule@5 warning']);
  });

  test('disable-next-line <rule> silences that rule on the next line only', () => {
    assert.deepEqual(lint(JSONC, body('      // mcp-warden-disable-next-line flag-arg\n')), ['other-rule@6 warning', 'other-rule@6 warning']);
  });

  test('disable-next-line with no rule silences every rule on the next line', () => {
    assert.deepEqual(lint(JSONC, body('      // mcp-warden-disable-next-line\n')), []);
  });

  test('disable-line at the end of the line', () => {
    assert.deepEqual(lint(JSONC, body('', ' // mcp-warden-disable-line other-rule')), ['flag-arg@5 warning', 'flag-arg@5 warning']);
  });

  test('a block comment works too, and lists can use commas', () => {
    assert.deepEqual(lint(JSONC, body('      /* mcp-warden-disable-next-line flag-arg, other-rule */\n')), []);
  });

  test('file-wide mcp-warden-disable <rule>, anywhere in the file', () => {
    const text = body('') + '// mcp-warden-disable flag-arg\n';
    assert.deepEqual(lint(JSONC, text), ['other-rule@5 warning', 'other-rule@5 warning']);
  });

  test('file-wide mcp-warden-disable with no rule silences the file', () => {
    assert.deepEqual(lint(JSONC, '// mcp-warden-disable\n' + body('')), []);
  });

  test('a directive-looking string value is not a directive', () => {
    const text = '{"servers": {"a": {"command": "npx", "args": [\n"// mcp-warden-disable",\n"/* mcp-warden-disable-next-line */",\n"x"]}}}';
    assert.equal(lint(JSONC, text).length, 6);
  });

  test('a directive inside a string key is not a directive either', () => {
    const text = '{"servers": {"// mcp-warden-disable": {"command": "npx", "args": ["x"]}}}';
    assert.equal(lint(JSONC, text).length, 2);
  });
});

describe('inline directives in YAML # comments', () => {
  const yaml = (extra: string) => `mcpServers:\n  - name: a\n    command: npx\n${extra}    args: [one]\n`;

  test('disable-next-line', () => {
    assert.deepEqual(lint(YAML, yaml('    # mcp-warden-disable-next-line flag-arg\n')), ['other-rule@5 warning']);
  });

  test('disable-line', () => {
    assert.deepEqual(lint(YAML, 'mcpServers:\n  - name: a\n    command: npx\n    args: [one] # mcp-warden-disable-line\n'), []);
  });

  test('file-wide', () => {
    assert.deepEqual(lint(YAML, '# mcp-warden-disable other-rule\n' + yaml('')), ['flag-arg@5 warning']);
  });

  test('a # inside a quoted value is not a comment', () => {
    const text = 'mcpServers:\n  - name: a\n    command: "npx # mcp-warden-disable"\n    args: [\'x # mcp-warden-disable\']\n';
    assert.equal(lint(YAML, text).length, 2);
  });

  test('a # glued to a plain value (a URL fragment) is not a comment', () => {
    const text = 'mcpServers:\n  - name: a\n    url: https://example.com/#mcp-warden-disable\n    command: npx\n    args: [one]\n';
    assert.equal(lint(YAML, text).length, 2);
  });
});

describe('inline directives in TOML # comments', () => {
  const toml = (extra: string) => `[mcp_servers.a]\ncommand = "npx"\n${extra}args = ["one"]\n`;

  test('disable-next-line', () => {
    assert.deepEqual(lint(TOML, toml('# mcp-warden-disable-next-line other-rule\n')), ['flag-arg@4 warning']);
  });

  test('disable-line', () => {
    assert.deepEqual(lint(TOML, '[mcp_servers.a]\ncommand = "npx"\nargs = ["one"] # mcp-warden-disable-line flag-arg\n'), ['other-rule@3 warning']);
  });

  test('file-wide', () => {
    assert.deepEqual(lint(TOML, '# mcp-warden-disable\n' + toml('')), []);
  });

  test('a # inside a basic or literal string is not a comment', () => {
    const text = '[mcp_servers.a]\ncommand = "npx # mcp-warden-disable"\nargs = [\'# mcp-warden-disable\', "x"]\n';
    assert.equal(lint(TOML, text).length, 4);
  });
});

describe('settings: severities and ignore globs', () => {
  const text = '{"mcpServers": {"gh": {"command": "npx", "args": ["one"]}, "db": {"command": "uvx", "args": ["two"]}}}';
  const path = '/home/dev/src/app/.cursor/mcp.json';
  const settings = (value: unknown) => {
    const { settings: s, problems } = readSettings(value);
    assert.deepEqual(problems, []);
    return s;
  };

  test('a rule severity can be raised, lowered or turned off', () => {
    assert.deepEqual(lint(path, text, settings({ rules: { 'flag-arg': 'error', 'other-rule': 'off' } })), ['flag-arg@1 error', 'flag-arg@1 error']);
    assert.deepEqual(lint(path, text, settings({ rules: { 'flag-arg': 'info', 'other-rule': 'off' } })), ['flag-arg@1 info', 'flag-arg@1 info']);
  });

  test('ignore by file glob with **', () => {
    assert.deepEqual(lint(path, text, settings({ ignore: [{ files: '**/.cursor/mcp.json' }] })), []);
    assert.equal(lint(path, text, settings({ ignore: [{ files: '**/.vscode/mcp.json' }] })).length, 4);
  });

  test('a glob without a slash matches the file name anywhere', () => {
    assert.deepEqual(lint(path, text, settings({ ignore: [{ files: 'mcp.json' }] })), []);
  });

  test('ignore one rule for one server', () => {
    const s = settings({ ignore: [{ rules: ['flag-arg'], servers: ['gh'] }] });
    const file = loadConfigText(text, { path });
    const findings = lintFile(file, createProject([file]), { rules: RULES, settings: s });
    assert.deepEqual(
      findings.map((f) => `${f.ruleId}/${f.server}`),
      ['other-rule/gh', 'flag-arg/db', 'other-rule/db'],
    );
  });

  test('ignore entries with a Windows path still match', () => {
    assert.deepEqual(lint('C:\\src\\app\\.cursor\\mcp.json', text, settings({ ignore: [{ files: '**/app/.cursor/*.json' }] })), []);
  });

  test('invalid settings are reported, not half-applied', () => {
    const { problems } = readSettings({ rules: { 'flag-arg': 'loud' }, ignore: [{ files: 3 }, 'x'] });
    assert.deepEqual(problems, [
      '"rules.flag-arg": severity must be one of off, info, warning, error',
      '"ignore[0]": "files" must be a glob string',
      '"ignore[1]": must be an object with files, rules and/or servers',
    ]);
  });
});
