import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { lintFile } from '../../../src/core/engine/lint';
import { createProject } from '../../../src/core/engine/project';
import { plaintextSecret } from '../../../src/core/rules/plaintext-secret';
import { envFilePathOf, projectFolderOfFile } from '../../../src/core/secrets/envFileRefs';

// Assembled at run time so no token-shaped literal sits in the repository.
const TOKEN = ['ghp', 'FAKE0000example0000FAKE0000example00'].join('_');
const CONFIG = '{ "servers": { "gh": { "command": "npx", "args": ["-y", "x@1.0.0"], "envFile": "${workspaceFolder}/.env" } } }';

test('the project folder of a config and the env file it names', () => {
  assert.equal(projectFolderOfFile('/w/.vscode/mcp.json'), '/w');
  assert.equal(projectFolderOfFile('/w/.continue/mcpServers/a.yaml'), '/w');
  const file = loadConfigText(CONFIG, { path: '/w/.vscode/mcp.json' });
  assert.equal(envFilePathOf(file.servers[0]!, file, createProject([file], ['/w'])), '/w/.env');
  assert.equal(envFilePathOf(file.servers[0]!, file, createProject([file], ['/elsewhere'])), undefined, 'outside the workspace: never read');
  const up = loadConfigText(CONFIG.replace('${workspaceFolder}/.env', '../secrets.env'), { path: '/w/.vscode/mcp.json' });
  assert.equal(envFilePathOf(up.servers[0]!, up, createProject([up], ['/w'])), undefined, 'a relative path that leaves the workspace');
});

test('plaintext-secret reports a secret in the env file on the envFile value, with the env file as related location', () => {
  const file = loadConfigText(CONFIG, { path: '/w/.vscode/mcp.json' });
  const project = { ...createProject([file], ['/w']), envFiles: new Map([['/w/.env', `# local\nDEBUG=1\nGITHUB_TOKEN=${TOKEN}\n`]]) };
  const findings = lintFile(file, project, { rules: [plaintextSecret] });
  assert.equal(findings.length, 1);
  const f = findings[0]!;
  assert.equal(file.text.slice(f.range.start, f.range.end), '"${workspaceFolder}/.env"');
  assert.match(f.message, /envFile \$\{workspaceFolder\}\/\.env, line 3: Plaintext GitHub/);
  assert.ok(!f.message.includes(TOKEN));
  assert.equal(f.related[0]!.file, '/w/.env');
  assert.deepEqual(f.related[0]!.start, { line: 3, column: 14 });
  const without = lintFile(file, createProject([file], ['/w']), { rules: [plaintextSecret] });
  assert.equal(without.length, 0, 'no env text given: nothing to report');
});
