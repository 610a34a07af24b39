import { workspaceExecutable } from '../../../src/core/rules/workspace-executable';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleTable, runRule } from '../helpers/ruleTester';

const cursor = (command: string, args: string[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ mcpServers: { s: { command, args, ...extra } } }, null, 2);
const vscode = (command: string, args: string[]) => JSON.stringify({ servers: { s: { command, args } } }, null, 2);

ruleTable(workspaceExecutable, {
  valid: [
    { name: 'a pinned package', path: '/repo/.cursor/mcp.json', text: cursor('npx', ['-y', 'pkg@1.0.0']) },
    { name: 'a program on the PATH', path: '/repo/.cursor/mcp.json', text: cursor('mcp-server-git', ['--repository', '.']) },
    { name: 'an absolute path outside the repository', path: '/repo/.cursor/mcp.json', text: cursor('node', ['/opt/mcp/server.js']) },
    { name: 'user-scope config', path: '/home/u/.config/Claude/claude_desktop_config.json', text: cursor('node', ['./server.js']) },
    { name: 'python module', path: '/repo/.mcp.json', text: cursor('python', ['-m', 'tools.server']) },
    { name: 'relative script with cwd outside the repo', path: '/repo/.cursor/mcp.json', text: cursor('./run.sh', [], { cwd: '/opt/tool' }) },
    { name: 'remote server', path: '/repo/.vscode/mcp.json', text: '{"servers": {"r": {"type": "http", "url": "https://x.example/mcp"}}}' },
    { name: 'npm exec of a package', path: '/repo/.cursor/mcp.json', text: cursor('npm', ['exec', 'pkg@1.0.0']) },
    { name: 'a folder merely named workspaces', path: '/repo/.cursor/mcp.json', text: cursor('node', ['/opt/workspaces/tool/index.js']) },
  ],
  invalid: [
    {
      name: './scripts/x.sh',
      path: '/repo/.cursor/mcp.json',
      text: cursor('./scripts/x.sh', []),
      errors: [{ text: './scripts/x.sh', message: 'runs ./scripts/x.sh from this repository', severity: 'warning', path: ['mcpServers', 's', 'command'] }],
    },
    {
      name: 'node ./server.js',
      path: '/repo/.mcp.json',
      text: cursor('node', ['./server.js']),
      errors: [{ text: './server.js', path: ['mcpServers', 's', 'args', 0] }],
    },
    { name: 'python server.py', path: '/repo/.roo/mcp.json', text: cursor('python3', ['server.py']), errors: [{ text: 'server.py' }] },
    {
      name: '${workspaceFolder}/bin/x',
      path: '/repo/.vscode/mcp.json',
      text: vscode('${workspaceFolder}/bin/x', []),
      errors: [{ text: '${workspaceFolder}/bin/x' }],
    },
    {
      name: "the repository's own dev-container path",
      path: '/home/u/src/repo/.cursor/mcp.json',
      text: cursor('node', ['/workspaces/repo/dist/index.js']),
      errors: [{ text: '/workspaces/repo/dist/index.js', message: 'from this repository' }],
    },
    {
      name: 'a dev-container cwd whose folder name differs from the clone',
      path: '/home/u/src/FlowTime/.vscode/mcp.json',
      text: JSON.stringify({
        servers: { s: { command: 'node', args: ['--import', 'tsx', 'src/index.ts'], cwd: '/workspaces/flowtime-vnext/tools/mcp-server' } },
      }),
      errors: [{ text: 'src/index.ts', message: 'from this repository' }],
    },
    {
      name: 'absolute path inside the repository',
      path: '/repo/.vscode/mcp.json',
      text: vscode('node', ['/repo/tools/s.js']),
      errors: [{ text: '/repo/tools/s.js' }],
    },
    { name: 'npx of a local folder', path: '/repo/.cursor/mcp.json', text: cursor('npx', ['./packages/mcp']), errors: [{ text: './packages/mcp' }] },
    { name: 'go run .', path: '/repo/.cursor/mcp.json', text: cursor('go', ['run', '.']), errors: [{ text: '.' }] },
    { name: 'uv run script', path: '/repo/.cursor/mcp.json', text: cursor('uv', ['run', '--with', 'mcp==1.0', 'server.py']), errors: [{ text: 'server.py' }] },
    { name: 'bash script', path: '/repo/.cursor/mcp.json', text: cursor('bash', ['scripts/start.sh']), errors: [{ text: 'scripts/start.sh' }] },
    {
      name: 'npm run',
      path: '/repo/.cursor/mcp.json',
      text: cursor('npm', ['run', 'mcp']),
      errors: [{ text: 'mcp', message: 'runs the "mcp" script of the package.json' }],
    },
    {
      name: 'Windows relative path behind cmd',
      path: '/repo/.cursor/mcp.json',
      text: cursor('cmd', ['/c', '.\\bin\\server.exe']),
      errors: [{ text: '".\\\\bin\\\\server.exe"', message: 'runs .\\bin\\server.exe' }],
    },
    {
      name: 'Continue workspace YAML',
      path: '/repo/.continue/mcpServers/a.yaml',
      text: 'mcpServers:\n  - name: s\n    command: node\n    args: [dist/index.js]\n',
      errors: [{ line: 4, text: 'dist/index.js' }],
    },
    {
      name: 'a relative path that climbs out of the opened folder says where it really is',
      path: '/work/lab/workspace/.vscode/mcp.json',
      text: vscode('node', ['../servers/notes.mjs']),
      errors: [{ text: '../servers/notes.mjs', message: 'Server "s" runs ../servers/notes.mjs outside the opened folder (/work/lab/servers/notes.mjs)' }],
    },
    {
      name: 'three or more servers in one file make one finding that lists them, the rest as related locations',
      path: '/repo/.vscode/mcp.json',
      text: JSON.stringify(
        {
          servers: {
            a: { command: 'node', args: ['./a.js'] },
            b: { command: './b.sh' },
            c: { command: 'npm', args: ['run', 'mcp'] },
            d: { command: 'npx', args: ['-y', 'pkg@1.0.0'] },
          },
        },
        null,
        2,
      ),
      errors: [
        { text: './a.js', server: 'a', message: '3 servers run files of this project ("a", "b", "c"): whoever starts them runs what those files hold.' },
      ],
    },
    {
      name: 'Codex project TOML',
      path: '/repo/.codex/config.toml',
      text: '[mcp_servers.x]\ncommand = "./tools/run.sh"\n',
      errors: [{ line: 2, text: './tools/run.sh' }],
    },
  ],
});

test('workspace-executable: the grouped finding carries every server as related information', () => {
  const text = JSON.stringify(
    { servers: { a: { command: 'node', args: ['./a.js'] }, b: { command: './b.sh' }, c: { command: 'npm', args: ['run', 'mcp'] } } },
    null,
    2,
  );
  const { findings } = runRule(workspaceExecutable, { path: '/repo/.vscode/mcp.json', text });
  assert.equal(findings.length, 1);
  assert.deepEqual(
    findings[0]!.related.map((r) => r.message),
    ['Server "a" runs ./a.js from this repository', 'Server "b" runs ./b.sh from this repository', 'Server "c" runs the "mcp" script of the package.json'],
  );
  assert.ok(findings[0]!.message.length <= 200);
});
