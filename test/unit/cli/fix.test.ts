import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parseCliArgs, type ScanArgs } from '../../../src/cli/args';
import { applyPlanned, runFix, writeAtomically } from '../../../src/cli/fix';
import type { CliIo } from '../../../src/cli/scan';
import { loadConfigText } from '../../../src/core/config/load';
import type { Rule } from '../../../src/core/rules/rule';
import { unapprovedServer } from '../../../src/core/rules/unapproved-server';
import { unpinnedPackage } from '../../../src/core/rules/unpinned-package';
import { digestOf, startRegistryStub, type RegistryStub } from '../../helpers/registryStub';

/** Only this area's rules, so other rules' findings cannot change these outcomes. */
const RULES: Rule[] = [unpinnedPackage, unapprovedServer];
const INDEX = '{"schemaVersion":2}';
let stub: RegistryStub;
let dir: string;

before(async () => {
  stub = await startRegistryStub({
    npm: { '@s/gh': { distTags: { latest: '2.1.0' }, versions: ['2.0.0', '2.1.0'] } },
    pypi: { 'mcp-server-git': { version: '0.6.2', releases: { '0.6.2': [{}] } } },
    images: { 'mcp/fetch': { latest: INDEX } },
  });
  dir = mkdtempSync(join(tmpdir(), 'mcp-warden-fix-'));
});
after(async () => {
  await stub.close();
  rmSync(dir, { recursive: true, force: true });
});

function io(cwd: string): CliIo & { out: string; err: string } {
  const o = {
    cwd,
    env: { HOME: join(cwd, 'no-home') },
    packageRoot: cwd,
    version: '0.0.0-test',
    out: '',
    err: '',
    stdout: (t: string) => void (o.out += t),
    stderr: (t: string) => void (o.err += t),
  };
  return o;
}

function project(name: string, files: Record<string, string>): string {
  const root = join(dir, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const args = (...extra: string[]) =>
  parseCliArgs(
    ['scan', '.', '--no-user', '--registry', stub.url, '--pypi-url', stub.url, '--oci-mirror', `docker.io=${stub.url}`, ...extra],
    false,
  ) as ScanArgs;

const CURSOR =
  '{\n  // comments stay\n  "mcpServers": {\n    "gh": { "command": "npx", "args": ["-y", "@s/gh"] },\n    "git": { "command": "uvx", "args": ["mcp-server-git"] },\n    "fetch": { "command": "docker", "args": ["run", "-i", "--rm", "mcp/fetch"] }\n  }\n}\n';

test('scan --fix pins every package from the registries, prints what changed, and reports what is left', async () => {
  const root = project('pin', { '.cursor/mcp.json': CURSOR });
  const o = io(root);
  const code = await runFix(args('--fix', '--fail-on', 'warning'), o, { rules: RULES });
  const written = readFileSync(join(root, '.cursor/mcp.json'), 'utf8');
  assert.equal(
    written,
    CURSOR.replace('"@s/gh"', '"@s/gh@2.1.0"')
      .replace('"mcp-server-git"', '"mcp-server-git==0.6.2"')
      .replace('"mcp/fetch"', `"mcp/fetch@${digestOf(INDEX)}"`),
  );
  assert.match(o.out, /fixed \.cursor\/mcp\.json: pinned @s\/gh to @s\/gh@2\.1\.0 \(server "gh"\)/);
  assert.match(o.out, /pinned mcp-server-git to mcp-server-git==0\.6\.2/);
  assert.match(o.out, /pinned mcp\/fetch to mcp\/fetch@sha256:/);
  assert.ok(!/unpinned-package/.test(o.out), 'nothing unpinned is left in the report');
  assert.equal(code, 0, o.out + o.err);
  assert.deepEqual(readdirSync(join(root, '.cursor')), ['mcp.json'], 'no temporary file is left behind');
});

test('scan --fix-dry-run writes nothing and says what it would do', async () => {
  const root = project('dry', { '.cursor/mcp.json': CURSOR });
  const o = io(root);
  const code = await runFix(args('--fix-dry-run', '--fail-on', 'warning'), o, { rules: RULES });
  assert.equal(readFileSync(join(root, '.cursor/mcp.json'), 'utf8'), CURSOR);
  assert.match(o.out, /would fix \.cursor\/mcp\.json: pinned @s\/gh/);
  // The report and the exit code are those of the unchanged file: nothing was fixed.
  assert.match(o.out, /Dry run: nothing was written/);
  assert.match(o.out, /unpinned-package/);
  assert.equal(code, 1);
});

test('an unreachable registry leaves the file untouched and says why', async () => {
  const root = project('offline', { '.cursor/mcp.json': CURSOR });
  const o = io(root);
  const offline = parseCliArgs(
    [
      'scan',
      '.',
      '--no-user',
      '--fix',
      '--registry',
      'http://127.0.0.1:9/',
      '--pypi-url',
      'http://127.0.0.1:9',
      '--oci-mirror',
      'docker.io=http://127.0.0.1:9',
      '--fail-on',
      'warning',
    ],
    false,
  ) as ScanArgs;
  const code = await runFix(offline, o, { rules: RULES });
  assert.equal(readFileSync(join(root, '.cursor/mcp.json'), 'utf8'), CURSOR);
  assert.match(o.err, /could not pin @s\/gh \(server "gh"\): offline or registry unreachable: http:\/\/127\.0\.0\.1:9\//);
  assert.equal(code, 1, 'the unpinned findings remain');
});

test('YAML and JSON output: the summary goes to stderr, the report stays parseable', async () => {
  const yaml =
    '# team servers\nname: t\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: gh\n    command: npx\n    args:\n      - -y\n      - "@s/gh" # pinned by CI\n';
  const root = project('yaml', { '.continue/mcpServers/t.yaml': yaml });
  const o = io(root);
  await runFix(args('--fix', '--format', 'json'), o, { rules: RULES });
  assert.equal(readFileSync(join(root, '.continue/mcpServers/t.yaml'), 'utf8'), yaml.replace('"@s/gh"', '"@s/gh@2.1.0"'));
  assert.doesNotThrow(() => JSON.parse(o.out));
  assert.match(o.err, /fixed \.continue\/mcpServers\/t\.yaml: pinned @s\/gh/);
});

test('the write keeps the file mode, a BOM and a symlink', async () => {
  const root = project('attrs', { 'real/mcp.json': '\uFEFF' + CURSOR });
  mkdirSync(join(root, '.cursor'));
  symlinkSync(join(root, 'real/mcp.json'), join(root, '.cursor/mcp.json'));
  chmodSync(join(root, 'real/mcp.json'), 0o640);
  const explicit = parseCliArgs(
    ['scan', '.cursor/mcp.json', '--fix', '--registry', stub.url, '--pypi-url', stub.url, '--oci-mirror', `docker.io=${stub.url}`],
    false,
  ) as ScanArgs;
  await runFix(explicit, io(root), { rules: RULES });
  assert.ok(lstatSync(join(root, '.cursor/mcp.json')).isSymbolicLink());
  const bytes = readFileSync(join(root, 'real/mcp.json'));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(bytes.toString('utf8'), /@s\/gh@2\.1\.0/);
  assert.equal(statSync(join(root, 'real/mcp.json')).mode & 0o777, 0o640);
});

test('a file that changed on disk since it was read is not overwritten', () => {
  const root = project('race', { 'a.json': '{"x": 1}' });
  assert.throws(() => writeAtomically(join(root, 'a.json'), '{"x": 0}', '{"x": 2}'), /changed on disk/);
  assert.equal(readFileSync(join(root, 'a.json'), 'utf8'), '{"x": 1}');
});

test('fixes whose result would not parse, or would change the servers, are refused', () => {
  const file = loadConfigText('{"mcpServers": {"a": {"command": "x"}}}', { path: '/p/.cursor/mcp.json' });
  assert.deepEqual(applyPlanned(file, [{ edits: [{ offset: 0, length: 1, newText: '' }], says: 'break it' }]), {
    refused: 'the fixed text would not parse; left untouched',
  });
  const rename = file.text.indexOf('"a"');
  assert.deepEqual(applyPlanned(file, [{ edits: [{ offset: rename, length: 3, newText: '"b"' }], says: 'rename' }]), {
    refused: 'the fixes would change the set of servers; left untouched',
  });
  const overlapping = applyPlanned(file, [
    { edits: [{ offset: file.text.indexOf('"x"'), length: 3, newText: '"y"' }], says: 'first' },
    { edits: [{ offset: file.text.indexOf('"x"') + 1, length: 1, newText: 'z' }], says: 'second' },
  ]);
  assert.ok('applied' in overlapping && overlapping.applied.join() === 'first' && overlapping.file.text.includes('"y"'));
});

test('scan reads .vscode/mcp-policy.json of the scanned folder', async () => {
  const root = project('policy', {
    '.cursor/mcp.json': '{"mcpServers": {"gh": {"command": "npx", "args": ["@s/gh@2.1.0"]}, "other": {"command": "npx", "args": ["other@1.0.0"]}}}',
    '.vscode/mcp-policy.json': '{ "allow": [{ "package": "@s/*" }] }',
  });
  const o = io(root);
  const code = await runFix(args('--fix', '--format', 'json', '--fail-on', 'warning'), o, { rules: RULES });
  const report = JSON.parse(o.out) as { files: { findings: { ruleId: string; server: string }[] }[] };
  assert.deepEqual(
    report.files.flatMap((f) => f.findings.map((x) => `${x.ruleId} ${x.server}`)),
    ['unapproved-server other'],
  );
  assert.equal(code, 1);
});

test('a broken policy file is a usage error', async () => {
  const root = project('badpolicy', { '.cursor/mcp.json': '{"mcpServers": {}}', '.vscode/mcp-policy.json': '{ "allow": [' });
  const o = io(root);
  assert.equal(await runFix(args('--fix'), o, { rules: RULES }), 2);
  assert.match(o.err, /mcp-policy\.json: JSON syntax error/);
});

test('--oci-mirror and --registry-timeout are checked', () => {
  assert.throws(() => parseCliArgs(['scan', '--oci-mirror', 'nohost'], false), /host=url/);
  assert.throws(() => parseCliArgs(['scan', '--registry-timeout', 'soon'], false), /milliseconds/);
  assert.throws(() => parseCliArgs(['scan', '--registry', 'ftp://x'], false), /http\(s\) URL/);
  const parsed = parseCliArgs(['scan', '--fix-dry-run', '--registry-timeout', '250'], false) as ScanArgs;
  assert.equal(parsed.fix, true);
  assert.equal(parsed.fixDryRun, true);
  assert.equal(parsed.registries.timeoutMs, 250);
});
