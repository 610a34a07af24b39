import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { Sandbox } from '../core/cliHarness';
import { lineColumn, repoRoot } from '../core/fixtureHelpers';

const box = new Sandbox();
after(() => box.dispose());

const VSCODE =
  '{\n  "servers": {\n    "x": {\n      "command": "npx",\n      "args": ["-y", "pkg@1.0.0", "--flag", {"oops": true}]\n    },\n    "empty": {}\n  }\n}\n';
const CURSOR = '{"mcpServers": {"github": {"command": "npx", "env": ["GITHUB_TOKEN=${env:GITHUB_TOKEN}"]}}}\n';
box.write('.vscode/mcp.json', VSCODE);
box.write('sub dir/.cursor/mcp.json', CURSOR);
box.write('.cursor/mcp.json', '{"mcpServers": {"github": {"command": "uvx"}}}\n');
const userCursor = box.write('.cursor/mcp.json', '{"mcpServers": {"github": {"command": "npx"}}}\n', box.home);

const FILE_KEYS = ['client', 'clientName', 'findings', 'path', 'scope', 'servers'];
const FINDING_KEYS = ['category', 'column', 'endColumn', 'endLine', 'fixable', 'line', 'message', 'path', 'ruleId', 'server', 'severity'];

describe('--format json (version 1)', () => {
  const { code, report } = box.scanJson(['.vscode/mcp.json', 'sub dir/.cursor/mcp.json']);

  test('exit code follows the findings', () => assert.equal(code, 1));

  test('top level: {version: 1, files: [...]}, nothing else', () => {
    assert.deepEqual(Object.keys(report).sort(), ['files', 'version']);
    assert.equal(report.version, 1);
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['.vscode/mcp.json', 'sub dir/.cursor/mcp.json'],
    );
  });

  test('each file: path (relative to the working folder), client, servers by name, findings', () => {
    for (const f of report.files) assert.deepEqual(Object.keys(f).sort(), FILE_KEYS);
    const [vscode, cursor] = report.files;
    assert.equal(vscode!.client, 'vscode');
    assert.equal(vscode!.clientName, 'VS Code');
    assert.equal(vscode!.scope, 'workspace');
    assert.deepEqual(vscode!.servers, ['x', 'empty']);
    assert.equal(cursor!.client, 'cursor');
    assert.deepEqual(cursor!.servers, ['github']);
  });

  test('each finding: exactly the documented keys with their types', () => {
    for (const f of report.files.flatMap((x) => x.findings)) {
      // A toxic-flow finding also carries its flow (kind, session, legs).
      assert.deepEqual(Object.keys(f).sort(), f.ruleId === 'toxic-flow' ? [...FINDING_KEYS, 'flow'].sort() : FINDING_KEYS);
      assert.equal(typeof f.ruleId, 'string');
      assert.ok(['error', 'warning', 'info'].includes(f.severity));
      assert.equal(typeof f.message, 'string');
      for (const n of [f.line, f.column, f.endLine, f.endColumn]) assert.ok(Number.isInteger(n) && n >= 1);
      assert.ok(f.server === null || typeof f.server === 'string');
      assert.ok(Array.isArray(f.path) && f.path.every((p) => typeof p === 'string' || typeof p === 'number'));
      assert.equal(typeof f.fixable, 'boolean');
    }
  });

  test('an argument: path with its index, 1-based line and column of the exact text', () => {
    const f = report.files[0]!.findings.find((x) => x.ruleId === 'invalid-server-entry' && x.server === 'x')!;
    assert.deepEqual(f.path, ['servers', 'x', 'args', 3]);
    const start = VSCODE.indexOf('{"oops"');
    assert.deepEqual({ line: f.line, column: f.column }, lineColumn(VSCODE, start));
    assert.deepEqual({ line: f.endLine, column: f.endColumn }, lineColumn(VSCODE, start + '{"oops": true}'.length));
    assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [5, 45, 5, 59]);
  });

  test('a server with neither command nor url: path to the server, the name as server', () => {
    const f = report.files[0]!.findings.find((x) => x.server === 'empty')!;
    assert.equal(f.ruleId, 'invalid-server-entry');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.path, ['servers', 'empty']);
    assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [7, 5, 7, 12]);
  });

  test('a map of the wrong type: path to the key', () => {
    const f = report.files[1]!.findings.find((x) => x.ruleId === 'invalid-server-entry')!;
    assert.deepEqual(f.path, ['mcpServers', 'github', 'env']);
    assert.equal(f.column, CURSOR.indexOf('["GITHUB') + 1);
  });

  test('files without findings are listed too, with an empty list', () => {
    const r = box.scanJson([CLEAN_PATH()]);
    assert.equal(r.report.files.length, 1);
    assert.deepEqual(
      r.report.files[0]!.findings.filter((f) => f.ruleId === 'invalid-server-entry'),
      [],
    );
  });

  test('a file outside the working folder keeps its absolute path', () => {
    const r = box.scanJson([userCursor]);
    assert.equal(r.report.files[0]!.path, userCursor.replace(/\\/g, '/'));
    assert.equal(r.report.files[0]!.scope, 'user');
  });
});

function CLEAN_PATH(): string {
  return box.write('clean/.cursor/mcp.json', '{"mcpServers": {"t": {"type": "http", "url": "https://mcp.example.com/mcp"}}}');
}

describe('--format sarif', () => {
  const schema = JSON.parse(readFileSync(join(repoRoot(), 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The official schema is draft-04; its only draft-04-specific parts are `id` and `$schema`.
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  // unicodeRegExp: false because one of the schema's patterns is not valid with the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  const run = () => {
    // Findings of several kinds: syntax, arguments, a duplicate across scopes (related locations), a file outside the working folder.
    const r = box.run([
      'scan',
      '--format',
      'sarif',
      '.vscode/mcp.json',
      'sub dir/.cursor/mcp.json',
      '.cursor/mcp.json',
      userCursor,
      'broken/claude_desktop_config.json',
    ]);
    return { code: r.code, log: JSON.parse(r.stdout) as SarifLog };
  };
  box.write('broken/claude_desktop_config.json', '{"mcpServers": {"a": {"command": "x"}},\n}');
  const { code, log } = run();

  test('validates against the SARIF 2.1.0 schema', () => {
    const ok = validate(log);
    assert.ok(ok, JSON.stringify(validate.errors, null, 2));
    assert.equal(code, 1);
  });

  test('the validator does catch an invalid log (the test can fail)', () => {
    const broken = JSON.parse(JSON.stringify(log)) as SarifLog;
    (broken.runs[0]!.results[0] as unknown as Record<string, unknown>).level = 'fatal';
    assert.equal(validate(broken), false);
  });

  test('one rule descriptor per rule, results point at them by index', () => {
    const rules = log.runs[0]!.tool.driver.rules;
    assert.ok(rules.length >= 6);
    for (const r of log.runs[0]!.results) {
      assert.equal(rules[r.ruleIndex!]!.id, r.ruleId);
    }
  });

  test('locations: relative to %SRCROOT% inside the working folder, file URI outside; 1-based regions', () => {
    const results = log.runs[0]!.results;
    const arg = results.find((r) => r.properties?.path?.join('/') === 'servers/x/args/3')!;
    const loc = arg.locations[0]!.physicalLocation;
    assert.deepEqual(loc.artifactLocation, { uri: '.vscode/mcp.json', uriBaseId: 'SRCROOT' });
    assert.deepEqual(loc.region, { startLine: 5, startColumn: 45, endLine: 5, endColumn: 59 });
    assert.ok(results.some((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'sub%20dir/.cursor/mcp.json'));
    const outside = results.filter((r) => r.locations[0]!.physicalLocation.artifactLocation.uri.startsWith('file:///'));
    assert.ok(outside.length > 0, 'the user-level file is outside the working folder');
    assert.ok(log.runs[0]!.originalUriBaseIds.SRCROOT.uri.startsWith('file:///'));
    assert.ok(log.runs[0]!.originalUriBaseIds.SRCROOT.uri.endsWith('/'));
  });

  test('a duplicate across scopes carries related locations', () => {
    const dup = log.runs[0]!.results.find((r) => r.ruleId === 'duplicate-server-name' && r.relatedLocations);
    assert.ok(dup, 'no duplicate-server-name result with related locations');
    assert.ok(dup.relatedLocations!.length >= 1);
  });

  test('each result has a stable fingerprint', () => {
    const again = run().log;
    const prints = (l: SarifLog) => l.runs[0]!.results.map((r) => r.partialFingerprints['mcpWardenFinding/v1']);
    assert.deepEqual(prints(again), prints(log));
    assert.equal(new Set(prints(log)).size, prints(log).length);
  });
});

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
  relatedLocations?: unknown[];
  partialFingerprints: Record<string, string>;
  properties?: { path?: (string | number)[] };
}
interface SarifLog {
  runs: { tool: { driver: { rules: { id: string }[] } }; originalUriBaseIds: Record<string, { uri: string }>; results: SarifResult[] }[];
}
