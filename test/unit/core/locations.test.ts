import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ClientId } from '../../../src/core/config/clientIds';
import type { Scope } from '../../../src/core/config/clients';
import { clientFromPath, scopeFromPath, userConfigLocations, type MachineEnv } from '../../../src/core/config/locations';

type Row = [ClientId, Scope, string];

const MAC: MachineEnv = { platform: 'darwin', home: '/Users/ann' };
const WIN: MachineEnv = { platform: 'win32', home: 'C:/Users/ann', appData: 'C:/Users/ann/AppData/Roaming' };
const LINUX: MachineEnv = { platform: 'linux', home: '/home/ann' };

/** The documented user-level (and managed) files, per OS (see docs/clients.md). */
const EXPECTED: Record<'darwin' | 'win32' | 'linux', Row[]> = {
  darwin: [
    ['vscode', 'user', '/Users/ann/Library/Application Support/Code/User/mcp.json'],
    ['vscode', 'user', '/Users/ann/Library/Application Support/Code - Insiders/User/mcp.json'],
    ['vscode', 'user', '/Users/ann/Library/Application Support/Code/User/settings.json'],
    ['cursor', 'user', '/Users/ann/.cursor/mcp.json'],
    ['claude-desktop', 'user', '/Users/ann/Library/Application Support/Claude/claude_desktop_config.json'],
    ['claude-code', 'user', '/Users/ann/.claude.json'],
    ['claude-code', 'user', '/Users/ann/.claude/settings.json'],
    ['claude-code', 'managed', '/Library/Application Support/ClaudeCode/managed-mcp.json'],
    ['claude-code', 'managed', '/Library/Application Support/ClaudeCode/managed-settings.json'],
    ['windsurf', 'user', '/Users/ann/.codeium/windsurf/mcp_config.json'],
    ['cline', 'user', '/Users/ann/Library/Application Support/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json'],
    ['roo-code', 'user', '/Users/ann/Library/Application Support/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json'],
    ['kiro', 'user', '/Users/ann/.kiro/settings/mcp.json'],
    ['amazon-q', 'user', '/Users/ann/.aws/amazonq/mcp.json'],
    ['amazon-q', 'user', '/Users/ann/.aws/amazonq/default.json'],
    ['amazon-q', 'user', '/Users/ann/.aws/amazonq/agents/default.json'],
    ['gemini-cli', 'user', '/Users/ann/.gemini/settings.json'],
    ['zed', 'user', '/Users/ann/.config/zed/settings.json'],
    ['codex', 'user', '/Users/ann/.codex/config.toml'],
    ['codex', 'managed', '/etc/codex/managed_config.toml'],
    ['continue', 'user', '/Users/ann/.continue/config.yaml'],
    ['goose', 'user', '/Users/ann/.config/goose/config.yaml'],
    ['lm-studio', 'user', '/Users/ann/.lmstudio/mcp.json'],
    ['copilot-cli', 'user', '/Users/ann/.copilot/mcp-config.json'],
  ],
  win32: [
    ['vscode', 'user', 'C:/Users/ann/AppData/Roaming/Code/User/mcp.json'],
    ['vscode', 'user', 'C:/Users/ann/AppData/Roaming/Code/User/settings.json'],
    ['cursor', 'user', 'C:/Users/ann/.cursor/mcp.json'],
    ['claude-desktop', 'user', 'C:/Users/ann/AppData/Roaming/Claude/claude_desktop_config.json'],
    ['claude-code', 'user', 'C:/Users/ann/.claude.json'],
    ['claude-code', 'user', 'C:/Users/ann/.claude/settings.json'],
    ['claude-code', 'managed', 'C:/Program Files/ClaudeCode/managed-mcp.json'],
    ['claude-code', 'managed', 'C:/Program Files/ClaudeCode/managed-settings.json'],
    ['windsurf', 'user', 'C:/Users/ann/.codeium/windsurf/mcp_config.json'],
    ['cline', 'user', 'C:/Users/ann/AppData/Roaming/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json'],
    ['roo-code', 'user', 'C:/Users/ann/AppData/Roaming/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json'],
    ['kiro', 'user', 'C:/Users/ann/.kiro/settings/mcp.json'],
    ['amazon-q', 'user', 'C:/Users/ann/.aws/amazonq/mcp.json'],
    ['gemini-cli', 'user', 'C:/Users/ann/.gemini/settings.json'],
    ['zed', 'user', 'C:/Users/ann/AppData/Roaming/Zed/settings.json'],
    ['codex', 'user', 'C:/Users/ann/.codex/config.toml'],
    ['continue', 'user', 'C:/Users/ann/.continue/config.yaml'],
    ['goose', 'user', 'C:/Users/ann/AppData/Roaming/Block/goose/config/config.yaml'],
    ['lm-studio', 'user', 'C:/Users/ann/.lmstudio/mcp.json'],
    ['copilot-cli', 'user', 'C:/Users/ann/.copilot/mcp-config.json'],
  ],
  linux: [
    ['vscode', 'user', '/home/ann/.config/Code/User/mcp.json'],
    ['vscode', 'user', '/home/ann/.config/VSCodium/User/mcp.json'],
    ['vscode', 'user', '/home/ann/.config/Code/User/settings.json'],
    ['cursor', 'user', '/home/ann/.cursor/mcp.json'],
    ['claude-desktop', 'user', '/home/ann/.config/Claude/claude_desktop_config.json'],
    ['claude-code', 'user', '/home/ann/.claude.json'],
    ['claude-code', 'user', '/home/ann/.claude/settings.json'],
    ['claude-code', 'managed', '/etc/claude-code/managed-mcp.json'],
    ['claude-code', 'managed', '/etc/claude-code/managed-settings.json'],
    ['windsurf', 'user', '/home/ann/.codeium/windsurf/mcp_config.json'],
    ['windsurf', 'user', '/home/ann/.codeium/mcp_config.json'],
    ['cline', 'user', '/home/ann/.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json'],
    ['roo-code', 'user', '/home/ann/.config/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json'],
    ['kiro', 'user', '/home/ann/.kiro/settings/mcp.json'],
    ['amazon-q', 'user', '/home/ann/.aws/amazonq/default.json'],
    ['gemini-cli', 'user', '/home/ann/.gemini/settings.json'],
    ['zed', 'user', '/home/ann/.config/zed/settings.json'],
    ['codex', 'user', '/home/ann/.codex/config.toml'],
    ['codex', 'managed', '/etc/codex/managed_config.toml'],
    ['continue', 'user', '/home/ann/.continue/config.yaml'],
    ['goose', 'user', '/home/ann/.config/goose/config.yaml'],
    ['lm-studio', 'user', '/home/ann/.lmstudio/mcp.json'],
    ['copilot-cli', 'user', '/home/ann/.copilot/mcp-config.json'],
  ],
};

const rowsOf = (env: MachineEnv): Row[] => userConfigLocations(env).map((l) => [l.client, l.scope, l.path]);

describe('userConfigLocations', () => {
  for (const env of [MAC, WIN, LINUX]) {
    test(`${env.platform}: every documented file, with its client and scope`, () => {
      const got = rowsOf(env);
      const missing = EXPECTED[env.platform].filter(([c, s, p]) => !got.some(([gc, gs, gp]) => gc === c && gs === s && gp === p));
      assert.deepEqual(missing, []);
    });

    test(`${env.platform}: forward slashes only, absolute paths, no duplicates`, () => {
      const paths = userConfigLocations(env).map((l) => l.path);
      for (const p of paths) {
        assert.ok(!p.includes('\\'), p);
        assert.ok(!p.includes('//'), p);
        assert.ok(env.platform === 'win32' ? /^[A-Z]:\//.test(p) : p.startsWith('/'), p);
      }
      assert.equal(new Set(paths).size, paths.length);
    });

    test(`${env.platform}: every location is recognised by clientFromPath as the same client`, () => {
      for (const loc of userConfigLocations(env)) {
        assert.equal(clientFromPath(loc.path)?.client, loc.client, loc.path);
      }
    });
  }

  test('no macOS or Linux folders on Windows, and no Windows folders elsewhere', () => {
    assert.ok(rowsOf(WIN).every(([, , p]) => !p.startsWith('/') && !p.includes('Library/Application Support')));
    assert.ok(rowsOf(LINUX).every(([, , p]) => !p.includes('AppData') && !p.includes('Library/')));
    assert.ok(!rowsOf(WIN).some(([c, s]) => c === 'codex' && s === 'managed'));
  });

  test('environment overrides: XDG_CONFIG_HOME, CODEX_HOME, COPILOT_HOME', () => {
    const rows = rowsOf({ ...LINUX, xdgConfigHome: '/xdg', codexHome: '/opt/codex', copilotHome: '/opt/copilot' });
    const has = (c: ClientId, p: string) =>
      assert.ok(
        rows.some(([rc, , rp]) => rc === c && rp === p),
        `${c} ${p}`,
      );
    has('vscode', '/xdg/Code/User/mcp.json');
    has('claude-desktop', '/xdg/Claude/claude_desktop_config.json');
    has('goose', '/xdg/goose/config.yaml');
    has('zed', '/xdg/zed/settings.json');
    has('codex', '/opt/codex/config.toml');
    has('copilot-cli', '/opt/copilot/mcp-config.json');
    // Folders named by CODEX_HOME / COPILOT_HOME can be anything, so only the XDG ones are recognisable by name.
    for (const [client, , path] of rows.filter(([, , p]) => p.startsWith('/xdg/'))) assert.equal(clientFromPath(path)?.client, client, path);
  });

  test("Windows without APPDATA falls back to the home folder's AppData/Roaming", () => {
    const rows = rowsOf({ platform: 'win32', home: 'C:/Users/bo' });
    assert.ok(rows.some(([c, , p]) => c === 'claude-desktop' && p === 'C:/Users/bo/AppData/Roaming/Claude/claude_desktop_config.json'));
  });
});

describe('clientFromPath', () => {
  const table: [string, ClientId | undefined, Scope | undefined][] = [
    ['/p/.vscode/mcp.json', 'vscode', 'workspace'],
    ['C:\\work\\app\\.vscode\\mcp.json', 'vscode', 'workspace'],
    ['/home/a/.config/Code/User/profiles/5e1f/mcp.json', 'vscode', 'user'],
    ['/p/.cursor/mcp.json', 'cursor', undefined],
    ['/p/.mcp.json', 'claude-code', 'workspace'],
    ['/home/a/.claude.json', 'claude-code', 'user'],
    ['/etc/claude-code/managed-mcp.json', 'claude-code', 'managed'],
    ['/p/.claude/settings.json', 'claude-code', undefined],
    ['/p/.claude/settings.local.json', 'claude-code', undefined],
    ['/etc/claude-code/managed-settings.json', 'claude-code', 'managed'],
    ['/p/managed-settings.json', undefined, undefined],
    ['/p/.claude/mcp.json', undefined, undefined],
    ['/p/.roo/mcp.json', 'roo-code', 'workspace'],
    ['/p/.kiro/settings/mcp.json', 'kiro', undefined],
    ['/p/.amazonq/default.json', 'amazon-q', 'workspace'],
    ['/home/a/.aws/amazonq/cli-agents/reviewer.json', 'amazon-q', 'user'],
    ['/p/.gemini/settings.json', 'gemini-cli', undefined],
    ['/p/.zed/settings.json', 'zed', undefined],
    ['/p/.codex/config.toml', 'codex', undefined],
    ['/p/.continue/mcpServers/db.yml', 'continue', 'workspace'],
    ['/p/.continue/mcpServers/legacy.json', 'continue', 'workspace'],
    ['/home/a/.continue/config.yaml', 'continue', 'user'],
    ['/home/a/.config/goose/config.yaml', 'goose', 'user'],
    ['/p/mcp.json', undefined, undefined],
    ['/p/settings.json', undefined, undefined],
    ['/p/.vscode/settings.json', undefined, undefined],
    ['/p/config.toml', undefined, undefined],
  ];
  for (const [path, client, scope] of table) {
    test(`${path} → ${client ?? 'unknown'}`, () => {
      const m = clientFromPath(path);
      assert.equal(m?.client, client);
      assert.equal(m?.scope, scope);
    });
  }
});

describe('scopeFromPath', () => {
  test('dot-folders of the home folder are user scope, the rest workspace', () => {
    assert.equal(scopeFromPath('/home/a/.cursor/mcp.json', '/home/a'), 'user');
    assert.equal(scopeFromPath('/home/a/src/app/.cursor/mcp.json', '/home/a'), 'workspace');
    assert.equal(scopeFromPath('C:\\Users\\a\\.kiro\\settings\\mcp.json', 'C:\\Users\\a\\'), 'user');
    assert.equal(scopeFromPath('/home/a/.cursor/mcp.json', undefined), 'workspace');
    assert.equal(scopeFromPath('/home/ab/.cursor/mcp.json', '/home/a'), 'workspace');
  });
});
