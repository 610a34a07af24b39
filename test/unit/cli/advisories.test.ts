import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startRegistryStub, type RegistryStub } from '../../helpers/registryStub';
import { assertCliBuilt, CLI, Sandbox } from '../core/cliHarness';

/**
 * Issue 13 through the real CLI: a config launching the four packages of the issue is reported
 * offline with each advisory id and first fixed version, and `--fix` moves each vulnerable one to
 * a fixed release that a loopback registry stub serves (the malicious one has none and stays).
 */
const CONFIG = `{
  "servers": {
    "remote": { "command": "npx", "args": ["-y", "mcp-remote@0.1.15", "https://mcp.example.com/sse"] },
    "files": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@0.6.2", "/work"] },
    "inspector": { "command": "npx", "args": ["@modelcontextprotocol/inspector@0.14.0"] },
    "mail": { "command": "npx", "args": ["-y", "postmark-mcp@1.0.16"] }
  }
}
`;
const FILE = '.vscode/mcp.json';
const ONLY = ['--no-user', '--rule', 'toxic-flow=off'];

const box = new Sandbox();
let stub: RegistryStub;
before(async () => {
  stub = await startRegistryStub({
    npm: {
      'mcp-remote': { distTags: { latest: '0.1.38' }, versions: ['0.1.15', '0.1.16', '0.1.17', '0.1.38'] },
      // The first fixed release, 2025.7.1, is left out of this registry: the fix takes the newest release above it.
      '@modelcontextprotocol/server-filesystem': { distTags: { latest: '2025.8.21' }, versions: ['0.5.1', '0.6.2', '2025.3.28', '2025.8.21'] },
      '@modelcontextprotocol/inspector': { distTags: { latest: '0.17.0' }, versions: ['0.14.0', '0.14.1', '0.16.5', '0.16.6', '0.17.0'] },
    },
  });
});
after(async () => {
  await stub.close();
  box.dispose();
});

/** The CLI in a child process without blocking this one, so the stub in this process can answer it. */
function runAsync(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  assertCliBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: box.project,
      env: { PATH: process.env.PATH ?? '', HOME: box.home, USERPROFILE: box.home, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('advisories through the CLI', () => {
  test('scan reports each package with its advisory ids and first fixed version, offline', () => {
    box.write(FILE, CONFIG);
    const r = box.run(['scan', FILE, ...ONLY]);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const lines = r.stdout.split('\n').filter((l) => /vulnerable-package|malicious-package/.test(l));
    assert.equal(lines.length, 4, r.stdout);
    assert.match(
      lines[0]!,
      /^ {2}3:51 +error +mcp-remote 0\.1\.15 is covered by a published advisory \(CVE-2025-6514\)\. First fixed version: 0\.1\.16;.*vulnerable-package$/,
    );
    assert.match(
      lines[1]!,
      /^ {2}4:50 +warning +@modelcontextprotocol\/server-filesystem 0\.6\.2 .*CVE-2025-53110.*CVE-2025-53109.*First fixed version: 2025\.7\.1;/,
    );
    assert.match(lines[2]!, /^ {2}5:48 +error +@modelcontextprotocol\/inspector 0\.14\.0 .*CVE-2025-49596.*First fixed version: 0\.16\.6;/);
    assert.match(lines[3]!, /^ {2}6:49 +error +postmark-mcp 1\.0\.16 is recorded as malicious \(MAL-2025-47604, versions from 1\.0\.16 on.*malicious-package$/);
    // Each advisory's aliases, severity, fixed release and summary: under the row with --verbose.
    const verbose = box.run(['scan', FILE, ...ONLY, '--verbose']).stdout;
    assert.match(
      verbose,
      /vulnerable-package\n +↳ CVE-2025-6514 \(GHSA-6xpm-ggf7-wc3p, critical, fixed in 0\.1\.16\): mcp-remote exposed to OS command injection/,
    );
    assert.match(verbose, /↳ CVE-2025-53110 \(GHSA-hc55-p739-j48w, high\)/);
  });

  test('the JSON report gives each finding the exact range of the package reference', () => {
    const { report } = box.scanJson([FILE, ...ONLY]);
    const lines = readFileSync(join(box.project, FILE), 'utf8').split('\n');
    const found = report.files[0]!.findings as unknown as {
      ruleId: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      server: string;
    }[];
    assert.deepEqual(
      found
        .filter((f) => /package/.test(f.ruleId))
        .map((f) => [f.ruleId, f.server, f.line === f.endLine ? lines[f.line - 1]!.slice(f.column - 1, f.endColumn - 1) : '(spans lines)']),
      [
        ['vulnerable-package', 'remote', 'mcp-remote@0.1.15'],
        ['vulnerable-package', 'files', '@modelcontextprotocol/server-filesystem@0.6.2'],
        ['vulnerable-package', 'inspector', '@modelcontextprotocol/inspector@0.14.0'],
        ['malicious-package', 'mail', 'postmark-mcp@1.0.16'],
      ],
    );
  });

  test('scan --fix moves each vulnerable package to a fixed release from the registry; the malicious one stays reported', async () => {
    box.write(FILE, CONFIG);
    const r = await runAsync(['scan', FILE, ...ONLY, '--fix', '--registry', stub.url]);
    const written = readFileSync(join(box.project, FILE), 'utf8');
    assert.equal(
      written,
      CONFIG.replace('mcp-remote@0.1.15', 'mcp-remote@0.1.16')
        .replace('server-filesystem@0.6.2', 'server-filesystem@2025.8.21')
        .replace('inspector@0.14.0', 'inspector@0.16.6'),
    );
    assert.match(r.stdout, /fixed \.vscode\/mcp\.json: moved mcp-remote@0\.1\.15 to mcp-remote@0\.1\.16, out of GHSA-6xpm-ggf7-wc3p \(server "remote"\)/);
    assert.match(r.stdout, /moved @modelcontextprotocol\/server-filesystem@0\.6\.2 to @modelcontextprotocol\/server-filesystem@2025\.8\.21/);
    assert.match(r.stdout, /moved @modelcontextprotocol\/inspector@0\.14\.0 to @modelcontextprotocol\/inspector@0\.16\.6/);
    assert.doesNotMatch(r.stdout, /vulnerable-package/);
    assert.match(r.stdout, /postmark-mcp 1\.0\.16 is recorded as malicious.*malicious-package/);
    assert.equal(r.code, 1);
    assert.deepEqual(
      stub.requests.map((q) => q.path),
      ['/mcp-remote', '/@modelcontextprotocol%2fserver-filesystem', '/@modelcontextprotocol%2fserver-filesystem', '/@modelcontextprotocol%2finspector'],
    );
  });

  test('offline, --fix says why and changes nothing', async () => {
    box.write(FILE, CONFIG);
    const r = await runAsync(['scan', FILE, ...ONLY, '--fix', '--registry', 'http://127.0.0.1:9', '--registry-timeout', '2000']);
    assert.equal(readFileSync(join(box.project, FILE), 'utf8'), CONFIG);
    assert.match(r.stderr, /could not move mcp-remote@0\.1\.15 to a fixed version \(server "remote"\): offline or registry unreachable/);
  });
});
