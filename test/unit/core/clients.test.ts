import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CLIENT_IDS } from '../../../src/core/config/clientIds';
import { loadConfigText, specFor } from '../../../src/core/config/load';
import { userConfigLocations } from '../../../src/core/config/locations';
import { lintFile } from '../../../src/core/engine/lint';
import { createProject } from '../../../src/core/engine/project';
import type { ConfigFile } from '../../../src/core/model/configFile';
import { pathOf } from '../../../src/core/model/docNode';
import type { KeyValueField, ServerEntry, StringField } from '../../../src/core/model/server';
import { formatJson } from '../../../src/core/report/json';
import type { Rule } from '../../../src/core/rules/rule';
import { CLIENT_FIXTURE_TABLE, type ClientFixture, type ExpectedServer } from './clientFixtures';
import { CLIENT_FIXTURES, decodeScalar, filesBelow, lineColumn, nodeAt, sourceOf } from './fixtureHelpers';

const NO_HOME = '/home/nobody';

/** The folder that plays $HOME for a user-scope fixture: `<client>/user`. */
function homeOf(fixture: ClientFixture): string {
  const [client, scope] = fixture.file.split('/');
  return scope === 'user' ? join(CLIENT_FIXTURES, client!, 'user').replace(/\\/g, '/') : NO_HOME;
}

function loadFixture(fixture: ClientFixture, path = join(CLIENT_FIXTURES, fixture.file)): ConfigFile {
  const text = readFileSync(join(CLIENT_FIXTURES, fixture.file), 'utf8');
  return loadConfigText(text, { path: path.replace(/\\/g, '/'), home: homeOf(fixture) });
}

function checkStringField(file: ConfigFile, field: StringField | undefined, expected: string | undefined, path: (string | number)[], what: string): void {
  if (expected === undefined) {
    assert.equal(field, undefined, `${what} should be absent`);
    return;
  }
  assert.ok(field, `${what} missing`);
  assert.equal(field.value, expected, what);
  assert.deepEqual(field.path, path, `${what} path`);
  assert.deepEqual(pathOf(field.node), path, `${what} pathOf(node)`);
  assert.equal(decodeScalar(sourceOf(file.text, field.node), file.format), expected, `${what} source text`);
}

function checkKeyValues(
  file: ConfigFile,
  fields: KeyValueField[],
  expected: Record<string, string> | undefined,
  base: (string | number)[],
  what: string,
): void {
  assert.deepEqual(Object.fromEntries(fields.map((f) => [f.key, f.value])), expected ?? {}, what);
  for (const f of fields) {
    assert.deepEqual(f.path, [...base, f.key], `${what}.${f.key} path`);
    assert.deepEqual(pathOf(f.node), f.path, `${what}.${f.key} pathOf(node)`);
    assert.equal(decodeScalar(sourceOf(file.text, f.node), file.format), f.value, `${what}.${f.key} source text`);
    assert.equal(decodeScalar(sourceOf(file.text, f.keyNode), file.format), f.key, `${what}.${f.key} key source text`);
  }
}

/** The key holding `field` must be one the client reads for it, right inside the server (or Zed's nested `command`). */
function checkFieldKey(server: ServerEntry, field: StringField | undefined, keys: readonly string[], what: string): void {
  if (!field) return;
  const key = field.path[field.path.length - 1];
  const parent = field.path.slice(0, -1);
  const underCommand = parent.length === server.path.length + 1 && parent[parent.length - 1] === 'command';
  // Zed's older `command: {path, args}`, or OpenCode's `command: ["npx", …]` whose first word is the program.
  const nested = underCommand && (key === 'path' || key === 0);
  assert.deepEqual(nested ? parent.slice(0, -1) : parent, server.path, `${what} lies directly inside the server`);
  assert.ok(nested || keys.includes(String(key)), `${what} read from "${String(key)}", not one of ${keys.join(', ')}`);
}

function checkServer(file: ConfigFile, got: ServerEntry, want: ExpectedServer): void {
  const at = `${want.name}`;
  assert.deepEqual(got.path, want.path, `${at} path`);
  assert.deepEqual(pathOf(got.node), want.path, `${at} pathOf(node)`);
  assert.equal(decodeScalar(sourceOf(file.text, got.nameNode), file.format), want.name, `${at} name source text`);
  assert.equal(got.transport, want.transport, `${at} transport`);
  assert.equal(got.disabled, want.disabled ?? false, `${at} disabled`);
  assert.equal(got.projectPath, want.projectPath, `${at} projectPath`);
  assert.equal(got.client, file.client);
  assert.equal(got.scope, file.scope);
  const fields = specFor(file.client!, file.format).fields;
  checkStringField(file, got.command, want.command, got.command?.path ?? [], `${at}.command`);
  checkFieldKey(got, got.command, fields.command, `${at}.command`);
  checkStringField(file, got.url, want.url, got.url?.path ?? [], `${at}.url`);
  checkFieldKey(got, got.url, fields.url, `${at}.url`);
  checkStringField(file, got.cwd, want.cwd, [...want.path, 'cwd'], `${at}.cwd`);
  checkStringField(file, got.envFile, want.envFile, [...want.path, 'envFile'], `${at}.envFile`);
  assert.deepEqual(
    got.args.map((a) => a.value),
    want.args ?? [],
    `${at}.args`,
  );
  got.args.forEach((arg, i) => {
    // Arguments written after the program in OpenCode's one `command` array sit one place further in it.
    const inCommand = arg.path[arg.path.length - 2] === 'command';
    assert.equal(arg.path[arg.path.length - 1], inCommand ? i + 1 : i, `${at}.args[${i}] index`);
    checkStringField(file, arg, want.args![i], pathOf(arg.node), `${at}.args[${i}]`);
  });
  const envBase = got.env[0] ? got.env[0].path.slice(0, -1) : [];
  checkKeyValues(file, got.env, want.env, envBase, `${at}.env`);
  const headerBase = got.headers[0] ? got.headers[0].path.slice(0, -1) : [];
  checkKeyValues(file, got.headers, want.headers, headerBase, `${at}.headers`);
}

describe('client fixtures: every client has a sample for each scope it reads', () => {
  test('every file under test/fixtures/clients is in the table, and the reverse', () => {
    assert.deepEqual(filesBelow(CLIENT_FIXTURES), CLIENT_FIXTURE_TABLE.map((f) => f.file).sort());
  });

  test('every client in the catalog has at least one fixture', () => {
    const covered = new Set(CLIENT_FIXTURE_TABLE.map((f) => f.client));
    const missing = CLIENT_IDS.filter((id) => id !== 'generic' && !covered.has(id));
    assert.deepEqual(missing, []);
  });

  test('each user-scope fixture sits where userConfigLocations looks on Linux', () => {
    for (const fixture of CLIENT_FIXTURE_TABLE.filter((f) => f.scope === 'user')) {
      const home = homeOf(fixture);
      const known = userConfigLocations({ platform: 'linux', home }).filter((l) => l.client === fixture.client && l.scope === 'user');
      assert.ok(
        known.some((l) => l.path === join(CLIENT_FIXTURES, fixture.file).replace(/\\/g, '/')),
        `${fixture.file} is not a location userConfigLocations knows for ${fixture.client}`,
      );
    }
  });
});

for (const fixture of CLIENT_FIXTURE_TABLE) {
  describe(`fixture ${fixture.file}`, () => {
    test('is recognised by its path: client, scope, format, no problems', () => {
      const file = loadFixture(fixture);
      assert.equal(file.client, fixture.client);
      assert.equal(file.clientSource, 'path');
      assert.equal(file.scope, fixture.scope);
      assert.equal(file.format, fixture.format);
      assert.deepEqual(file.problems, []);
    });

    test('yields every server with its fields, paths and exact source ranges', () => {
      const file = loadFixture(fixture);
      assert.deepEqual(
        file.servers.map((s) => s.name),
        fixture.servers.map((s) => s.name),
      );
      fixture.servers.forEach((want, i) => checkServer(file, file.servers[i]!, want));
    });

    test('exact source text at sample paths', () => {
      const file = loadFixture(fixture);
      for (const { path, text } of fixture.slices) {
        const node = nodeAt(file.root, path);
        assert.ok(node, `no node at ${JSON.stringify(path)}`);
        assert.equal(file.text.slice(node.offset, node.offset + node.length), text, JSON.stringify(path));
        assert.deepEqual(pathOf(node), path);
      }
    });

    test('a copy with an unrelated name is recognised by its content', () => {
      const ext = fixture.file.slice(fixture.file.lastIndexOf('.'));
      const file = loadFixture(fixture, `/tmp/elsewhere/team-tools${ext}`);
      assert.equal(file.client, fixture.contentClient);
      assert.equal(file.clientSource, 'content');
      assert.equal(file.scope, 'workspace');
      assert.deepEqual(
        file.servers.map((s) => [s.name, s.command?.value, s.url?.value, s.args.map((a) => a.value)]),
        fixture.servers.map((s) => [s.name, s.command, s.url, s.args ?? []]),
      );
    });

    test('findings on fields carry the field path and 1-based line/column, in JSON output too', () => {
      const file = loadFixture(fixture);
      const everyField: Rule = {
        meta: { id: 'every-field', category: 'config', defaultSeverity: 'info', description: 'test rule: reports each arg, env and header value' },
        check(f, context) {
          for (const server of f.servers) {
            for (const field of [...server.args, ...server.env, ...server.headers]) context.report({ server, node: field.node, message: 'field' });
          }
        },
      };
      const findings = lintFile(file, createProject([file]), { rules: [everyField] });
      const fields = file.servers.flatMap((s) => [...s.args, ...s.env, ...s.headers]);
      assert.equal(findings.length, fields.length);
      const byOffset = new Map(fields.map((f) => [f.node.offset, f]));
      for (const finding of findings) {
        const field = byOffset.get(finding.range.start)!;
        assert.deepEqual(finding.path, field.path);
        assert.deepEqual(finding.start, lineColumn(file.text, field.node.offset));
        assert.deepEqual(finding.end, lineColumn(file.text, field.node.offset + field.node.length));
      }
      const json = JSON.parse(formatJson({ files: [{ file, findings }], cwd: CLIENT_FIXTURES, toolVersion: '0.0.0' }));
      const out = json.files[0].findings as { line: number; column: number; endLine: number; endColumn: number; path: unknown[] }[];
      out.forEach((f, i) => {
        const finding = findings[i]!;
        assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [finding.start.line, finding.start.column, finding.end.line, finding.end.column]);
        assert.deepEqual(f.path, finding.path);
      });
      assert.equal(json.files[0].path, fixture.file);
    });
  });
}

describe('finding paths and positions on two well-known fields', () => {
  const flagField = (pick: (s: ServerEntry) => StringField | KeyValueField | undefined): Rule => ({
    meta: { id: 'flag-field', category: 'config', defaultSeverity: 'warning', description: 'test rule' },
    check(f, context) {
      for (const server of f.servers) {
        const field = pick(server);
        if (field) context.report({ server, node: field.node, message: 'here' });
      }
    },
  });

  test("Cursor: ['mcpServers','github','env','GITHUB_TOKEN'] at line 7", () => {
    const fixture = CLIENT_FIXTURE_TABLE.find((f) => f.file === 'cursor/workspace/.cursor/mcp.json')!;
    const file = loadFixture(fixture);
    const [finding] = lintFile(file, createProject([file]), {
      rules: [flagField((s) => (s.name === 'github' ? s.env.find((e) => e.key === 'GITHUB_TOKEN') : undefined))],
    });
    assert.deepEqual(finding!.path, ['mcpServers', 'github', 'env', 'GITHUB_TOKEN']);
    assert.deepEqual(
      [finding!.start, finding!.end],
      [
        { line: 7, column: 25 },
        { line: 7, column: 46 },
      ],
    );
    assert.equal(file.text.slice(finding!.range.start, finding!.range.end), '"${env:GITHUB_TOKEN}"');
  });

  test("VS Code: ['servers','perplexity','args',1] at line 28", () => {
    const fixture = CLIENT_FIXTURE_TABLE.find((f) => f.file === 'vscode/workspace/.vscode/mcp.json')!;
    const file = loadFixture(fixture);
    const [finding] = lintFile(file, createProject([file]), { rules: [flagField((s) => (s.name === 'perplexity' ? s.args[1] : undefined))] });
    assert.deepEqual(finding!.path, ['servers', 'perplexity', 'args', 1]);
    assert.deepEqual(finding!.start, { line: 28, column: 22 });
    assert.equal(file.text.slice(finding!.range.start, finding!.range.end), '"server-perplexity-ask@0.1.3"');
  });
});
