import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { FOUNDATION_RULES, Sandbox } from '../core/cliHarness';
import { CLIENT_FIXTURE_TABLE } from '../core/clientFixtures';
import { CLIENT_FIXTURES } from '../core/fixtureHelpers';

const box = new Sandbox();
after(() => box.dispose());

/** Every workspace fixture into the project, every user fixture into HOME, as the clients lay them out. */
for (const fixture of CLIENT_FIXTURE_TABLE) {
  const [client, scope, ...rest] = fixture.file.split('/');
  if (scope === 'workspace') box.copyTree(join(CLIENT_FIXTURES, client!, scope), box.project);
  if (scope === 'user') box.copyTree(join(CLIENT_FIXTURES, client!, scope), box.home);
  void rest;
}
const inProject = (f: (typeof CLIENT_FIXTURE_TABLE)[number]) => f.file.split('/').slice(2).join('/');
const workspaceFixtures = CLIENT_FIXTURE_TABLE.filter((f) => f.scope === 'workspace');
const userFixtures = CLIENT_FIXTURE_TABLE.filter((f) => f.scope === 'user');

describe('scan with no path: this project plus the user configs under $HOME', () => {
  const { report, stderr } = box.scanJson([]);
  const byPath = new Map(report.files.map((f) => [f.path, f]));

  test('reads every workspace config of the project, by its path relative to it', () => {
    for (const fixture of workspaceFixtures) {
      const file = byPath.get(inProject(fixture));
      assert.ok(file, `${inProject(fixture)} not read; read: ${[...byPath.keys()].join(', ')}`);
      assert.equal(file.client, fixture.client);
      assert.equal(file.scope, 'workspace');
      assert.deepEqual(
        file.servers,
        fixture.servers.map((s) => s.name),
      );
    }
  });

  test('reads every user config of every client under $HOME, as user scope', () => {
    for (const fixture of userFixtures) {
      const path = join(box.home, inProject(fixture)).replace(/\\/g, '/');
      const file = report.files.find((f) => f.path === path);
      assert.ok(file, `${path} not read`);
      assert.equal(file.client, fixture.client);
      assert.equal(file.scope, 'user');
      assert.deepEqual(
        file.servers,
        fixture.servers.map((s) => s.name),
      );
    }
  });

  test('reads nothing outside the project and $HOME except managed files that may exist on the machine', () => {
    const stray = report.files.filter((f) => !f.path.startsWith(box.home.replace(/\\/g, '/')) && f.path.startsWith('/') && !/managed/.test(f.path));
    assert.deepEqual(
      stray.map((f) => f.path),
      [],
    );
    assert.equal(report.files.length >= workspaceFixtures.length + userFixtures.length, true);
    assert.equal(stderr, '');
  });

  test('the realistic samples raise no foundation finding', () => {
    const found = report.files.flatMap((f) =>
      f.findings.filter((x) => FOUNDATION_RULES.has(x.ruleId)).map((x) => `${f.path} ${x.line}:${x.column} ${x.ruleId}: ${x.message}`),
    );
    assert.deepEqual(found, []);
  });

  test('--no-user reads the project only', () => {
    const r = box.scanJson(['--no-user']);
    assert.deepEqual(r.report.files.map((f) => f.path).sort(), workspaceFixtures.map(inProject).sort());
  });
});

describe('folders given as paths are searched for known config names', () => {
  const dir = join(box.root, 'repo');
  box.write('.vscode/mcp.json', '{"servers": {"a": {"command": "npx"}}}', dir);
  box.write('packages/api/.cursor/mcp.json', '{"mcpServers": {"b": {"command": "npx"}}}', dir);
  box.write('packages/api/.continue/mcpServers/db.yaml', 'mcpServers:\n  - name: c\n    command: uvx\n', dir);
  box.write('node_modules/some-pkg/.mcp.json', '{"mcpServers": {"vendored": {"command": "npx"}}}', dir);
  box.write('.git/.mcp.json', '{"mcpServers": {}}', dir);
  box.write('config/mcp.json', '{"mcpServers": {"unnamed": {"command": "npx"}}}', dir);
  box.write('package.json', '{"name": "repo"}', dir);

  test('finds the known names, skips dependency and VCS folders and unknown names', () => {
    const { report } = box.scanJson([dir]);
    const rel = report.files.map((f) => f.path.replace(dir.replace(/\\/g, '/') + '/', '')).sort();
    assert.deepEqual(rel, ['.vscode/mcp.json', 'packages/api/.continue/mcpServers/db.yaml', 'packages/api/.cursor/mcp.json']);
  });

  test('a folder with no known config says so on stderr, and still exits 0', () => {
    const empty = box.write('no-configs/README.md', 'nothing here\n').replace(/[\\/]README\.md$/, '');
    const r = box.run(['scan', empty]);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /holds no config file of a known MCP client \(the names are in docs\/clients\.md\)/);
    assert.doesNotMatch(box.run(['scan', dir]).stderr, /holds no config file/);
  });

  test('a file found in a folder is not "unknown format" even if it holds no servers', () => {
    box.write('.gemini/settings.json', '{"theme": "GitHub"}', dir);
    const { report } = box.scanJson([dir]);
    const gemini = report.files.find((f) => f.path.endsWith('.gemini/settings.json'))!;
    assert.deepEqual(gemini.findings, []);
  });
});

describe('--client reads a file of any name as that client', () => {
  const gemini = box.write('team/remote-tools.json', '{"mcpServers": {"docs": {"url": "https://docs.example.com/sse"}}}\n');
  const goose = box.write('team/assistant.conf', 'extensions:\n  gh:\n    cmd: npx\n    args: [x]\n  broken:\n    type: stdio\n');

  test('by content alone the Claude-style file is generic', () => {
    const { report } = box.scanJson([gemini]);
    assert.equal(report.files[0]!.client, 'generic');
  });

  test('--client gemini-cli makes it a Gemini CLI file', () => {
    const { report } = box.scanJson([gemini, '--client', 'gemini-cli']);
    assert.equal(report.files[0]!.client, 'gemini-cli');
    assert.deepEqual(report.files[0]!.servers, ['docs']);
  });

  test('--client goose reads an unknown extension as Goose YAML, with its own field names in messages', () => {
    const { report } = box.scanJson([goose, '--client', 'goose']);
    const file = report.files[0]!;
    assert.equal(file.client, 'goose');
    assert.deepEqual(file.servers, ['gh', 'broken']);
    const f = file.findings.find((x) => x.ruleId === 'invalid-server-entry')!;
    assert.match(f.message, /neither `cmd` nor `uri` or `url`/);
    assert.deepEqual([f.line, f.column, f.path], [5, 3, ['extensions', 'broken']]);
  });

  test('without --client an unrecognisable file named explicitly gets unknown-config-format', () => {
    const other = box.write('team/notes.json', '{"todo": []}');
    const { report, code } = box.scanJson([other]);
    assert.deepEqual(
      report.files[0]!.findings.map((f) => f.ruleId),
      ['unknown-config-format'],
    );
    assert.equal(code, 0, 'a warning does not fail the default --fail-on error');
  });
});
