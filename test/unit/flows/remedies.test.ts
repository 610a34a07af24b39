import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../../src/core/model/finding';
import { applyTextEdits } from '../../../src/core/policy/applyEdits';
import { toxicFlow } from '../../../src/core/rules/toxic-flow';
import { runRule, type Case } from '../helpers/ruleTester';

const kindOf = (message: string) => (message.startsWith('Toxic flow (data leak)') ? 'data-leak' : 'destructive');
const legsOf = (finding: Finding) => ((finding.data as { flow: { legs: { server: string }[] } }).flow.legs ?? []).map((l) => l.server);

/** Every fix of every finding, applied alone, must take its server out of that kind of flow on a fresh lint. */
function assertEveryFixWorks(c: Case, expectTitles: RegExp[]): string[] {
  const { file, findings } = runRule(toxicFlow, c);
  assert.ok(findings.length > 0, 'the case must warn first');
  const titles: string[] = [];
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      titles.push(fix.title);
      const server = /"([^"]+)"/.exec(fix.title)![1]!;
      const edited = applyTextEdits(file.text, fix.edits);
      const again = runRule(toxicFlow, { ...c, text: edited }).findings;
      const still = again.filter((f) => kindOf(f.message) === kindOf(finding.message) && legsOf(f).includes(server));
      assert.deepEqual(
        still.map((f) => f.message),
        [],
        `fix "${fix.title}" left "${server}" in the flow:\n${edited}`,
      );
    }
  }
  for (const want of expectTitles)
    assert.ok(
      titles.some((t) => want.test(t)),
      `no fix like ${want} among:\n${titles.join('\n')}`,
    );
  return titles;
}

const GITHUB = { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] };

test('Cline: disable, keeping tabs and the one-line array', () => {
  const text = '{\n\t"mcpServers": {\n\t\t"github": {\n\t\t\t"command": "npx",\n\t\t\t"args": ["-y", "@modelcontextprotocol/server-github"]\n\t\t}\n\t}\n}';
  const c = { path: '/h/.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json', text };
  assertEveryFixWorks(c, [/disabled: true/]);
  const fix = runRule(toxicFlow, c).findings[0]!.fixes[0]!;
  assert.equal(applyTextEdits(text, fix.edits), text.replace('server-github"]\n', 'server-github"],\n\t\t\t"disabled": true\n'));
});

test('Roo Code: disable or disabledTools', () => {
  assertEveryFixWorks(
    { path: '/p/.roo/mcp.json', text: JSON.stringify({ mcpServers: { github: { ...GITHUB, disabledTools: ['fork_repository'] } } }, null, 2) },
    [/disabled: true/, /untrusted-content tools of "github" with disabledTools/],
  );
});

test('Amazon Q: disable', () => {
  assertEveryFixWorks({ path: '/p/.amazonq/mcp.json', text: JSON.stringify({ mcpServers: { github: GITHUB } }) }, [/disabled: true/]);
});

test('Zed (JSONC with comments): enabled false, comments kept', () => {
  const text =
    '{\n  // my servers\n  "context_servers": {\n    "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"] }\n  }\n}\n';
  const c = { path: '/p/.zed/settings.json', text };
  assertEveryFixWorks(c, [/enabled: false/]);
  const fix = runRule(toxicFlow, c).findings[0]!.fixes[0]!;
  assert.equal(applyTextEdits(text, fix.edits), text.replace('server-github"] }', 'server-github"], "enabled": false }'));
});

test('Gemini CLI: excludeTools, includeTools and mcp.excluded', () => {
  assertEveryFixWorks({ path: '/p/.gemini/settings.json', text: JSON.stringify({ theme: 'x', mcpServers: { github: GITHUB } }, null, 2) }, [
    /mcp\.excluded/,
    /excludeTools/,
  ]);
  const withInclude = { mcpServers: { github: { ...GITHUB, includeTools: ['get_issue', 'get_me', 'create_issue'] } }, mcp: { excluded: ['other'] } };
  assertEveryFixWorks({ path: '/p/.gemini/settings.json', text: JSON.stringify(withInclude, null, 2) }, [/mcp\.excluded/]);
});

test('Codex (TOML): enabled = false and disabled_tools, other lines kept', () => {
  const text =
    '# my codex config\nmodel = "o3"\n\n[mcp_servers.github]\ncommand = "npx"\nargs = ["-y", "@modelcontextprotocol/server-github"] # pinned later\n\n[mcp_servers.time]\ncommand = "uvx"\nargs = ["mcp-server-time"]\n';
  const c = { path: '/h/.codex/config.toml', text };
  assertEveryFixWorks(c, [/enabled: false/, /with disabled_tools/]);
  const disable = runRule(toxicFlow, c).findings[0]!.fixes.find((f) => f.title.includes('enabled: false'))!;
  assert.equal(applyTextEdits(text, disable.edits), text.replace('[mcp_servers.github]\n', '[mcp_servers.github]\nenabled = false\n'));
});

test('Codex (TOML): an existing enabled = true is flipped, not duplicated', () => {
  const text = '[mcp_servers."github"]\r\nenabled = true\r\ncommand = "npx"\r\nargs = ["-y", "@modelcontextprotocol/server-github"]\r\n';
  const c = { path: '/h/.codex/config.toml', text };
  assertEveryFixWorks(c, [/enabled: false/]);
  const disable = runRule(toxicFlow, c).findings[0]!.fixes.find((f) => f.title.includes('enabled: false'))!;
  assert.equal(applyTextEdits(text, disable.edits), text.replace('enabled = true', 'enabled = false'));
});

test('Goose (YAML): enabled: false', () => {
  const text =
    'extensions:\n  github:\n    name: github\n    type: stdio\n    cmd: npx\n    args: [-y, "@modelcontextprotocol/server-github"]\n    enabled: true\n';
  const c = { path: '/h/.config/goose/config.yaml', text };
  assertEveryFixWorks(c, [/enabled: false/]);
  const noFlag = text.replace('    enabled: true\n', '');
  assertEveryFixWorks({ ...c, text: noFlag }, [/enabled: false/]);
});

test('Copilot CLI: the tools allowlist', () => {
  assertEveryFixWorks({ path: '/h/.copilot/mcp-config.json', text: JSON.stringify({ mcpServers: { github: { ...GITHUB, tools: ['*'] } } }, null, 2) }, [
    /with tools/,
  ]);
});

test('no fix is offered where the client has no switch (VS Code, Cursor, Claude Code)', () => {
  for (const path of ['/p/.vscode/mcp.json', '/p/.cursor/mcp.json', '/p/.mcp.json']) {
    const key = path.endsWith('.vscode/mcp.json') ? 'servers' : 'mcpServers';
    const { findings } = runRule(toxicFlow, { path, text: JSON.stringify({ [key]: { github: GITHUB } }) });
    assert.ok(findings.length > 0);
    assert.deepEqual(
      findings.flatMap((f) => f.fixes),
      [],
      path,
    );
  }
});

test('a fix that would not end the flow is not offered', () => {
  // fetch and slack both bring untrusted content: hiding fetch's does not end the data leak through slack.
  const c = {
    path: '/p/.gemini/settings.json',
    text: JSON.stringify(
      {
        mcpServers: {
          fetch: { command: 'uvx', args: ['mcp-server-fetch'] },
          slack: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-slack'] },
          fs: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/p'] },
        },
      },
      null,
      2,
    ),
  };
  const { findings } = runRule(toxicFlow, c);
  const slackLeak = findings.find((f) => f.message.startsWith('Toxic flow (data leak)'))!;
  assert.ok(!slackLeak.fixes.some((f) => f.title.includes('untrusted-content tools of "slack"')), slackLeak.fixes.map((f) => f.title).join('\n'));
  assertEveryFixWorks(c, [/Hide the outbound tools of "slack"/]);
});
