import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLaunch } from '../../../src/core/launch/parse';
import { serverOf } from './launchHelpers';

interface Want {
  runner?: string;
  program?: string;
  /** `ecosystem name pin [version]` per package. */
  packages?: string[];
  local?: string;
  args?: string[];
  wrappers?: string[];
}

const CASES: [string, string[], Want][] = [
  ['npx', ['-y', '@modelcontextprotocol/server-github'], { runner: 'npx', packages: ['npm @modelcontextprotocol/server-github none'], args: [] }],
  ['npx', ['--yes', '@scope/name@1.2.3', '--port', '3000'], { packages: ['npm @scope/name exact 1.2.3'], args: ['--port', '3000'] }],
  ['npx', ['-y', 'mcp-remote@latest', 'https://x.example/sse'], { packages: ['npm mcp-remote latest latest'], args: ['https://x.example/sse'] }],
  ['npx', ['pkg@^1.2.0'], { packages: ['npm pkg range ^1.2.0'] }],
  ['npx', ['pkg@~1'], { packages: ['npm pkg range ~1'] }],
  ['npx', ['pkg@1'], { packages: ['npm pkg range 1'] }],
  ['npx', ['pkg@1.x'], { packages: ['npm pkg range 1.x'] }],
  ['npx', ['pkg@next'], { packages: ['npm pkg tag next'] }],
  ['npx', ['-p', '@scope/tool@2.0.0', 'tool-bin', 'arg'], { packages: ['npm @scope/tool exact 2.0.0'], args: ['arg'] }],
  ['npx', ['--package=@scope/tool', 'tool-bin'], { packages: ['npm @scope/tool none'] }],
  ['npx', ['--registry', 'https://npm.corp.example', '-y', 'internal-mcp'], { packages: ['npm internal-mcp none'] }],
  ['npx', ['./server.js'], { local: './server.js', packages: [] }],
  ['npx', ['/abs/server'], { local: '/abs/server', packages: [] }],
  ['npx', ['file:../pkg'], { local: 'file:../pkg', packages: [] }],
  ['npx', ['github:user/repo'], { packages: ['git github:user/repo none'] }],
  ['npx', ['user/repo#v1.0'], { packages: ['git user/repo tag v1.0'] }],
  [
    'npx',
    ['git+https://github.com/u/r.git#0123456789abcdef0123456789abcdef01234567'],
    { packages: ['git git+https://github.com/u/r.git commit 0123456789abcdef0123456789abcdef01234567'] },
  ],
  ['npm', ['exec', '--yes', '--', 'pkg@2'], { runner: 'npm-exec', packages: ['npm pkg range 2'] }],
  // Routed through MCP Warden's gateway: the server's own launch, plus what the gateway's launcher fetches.
  [
    'node',
    ['/ext/mcp-warden.mcp-warden-0.2.0/dist/gateway.js', 'gateway', '--server', 'gh', '--', 'npx', '-y', '@modelcontextprotocol/server-github'],
    { runner: 'npx', packages: ['npm @modelcontextprotocol/server-github none'], wrappers: ['gateway'] },
  ],
  [
    'npx',
    ['-y', 'mcp-warden', 'gateway', '--enforce', '--', 'uvx', 'mcp-server-fetch==2025.4.7'],
    { runner: 'uvx', packages: ['pypi mcp-server-fetch exact ==2025.4.7', 'npm mcp-warden none'], wrappers: ['gateway'] },
  ],
  ['docker', ['run', 'gateway', '--', 'x'], { runner: 'docker', wrappers: [] }],
  ['npm', ['x', 'pkg'], { runner: 'npm-exec', packages: ['npm pkg none'] }],
  ['bunx', ['pkg@1.0.0'], { runner: 'bunx', packages: ['npm pkg exact 1.0.0'] }],
  ['bun', ['x', 'pkg'], { runner: 'bunx', packages: ['npm pkg none'] }],
  ['pnpm', ['dlx', 'pkg'], { runner: 'pnpm-dlx', packages: ['npm pkg none'] }],
  ['pnpx', ['pkg@latest'], { runner: 'pnpx', packages: ['npm pkg latest latest'] }],
  ['yarn', ['dlx', '-p', 'pkg@3.0.0', 'bin'], { runner: 'yarn-dlx', packages: ['npm pkg exact 3.0.0'] }],
  ['cmd', ['/c', 'npx', '-y', 'pkg'], { runner: 'npx', wrappers: ['cmd'], packages: ['npm pkg none'] }],
  ['cmd.exe', ['/s', '/c', 'npx -y "@scope/x@^2"'], { runner: 'npx', wrappers: ['cmd'], packages: ['npm @scope/x range ^2'] }],
  ['C:\\Program Files\\nodejs\\npx.cmd', ['-y', 'pkg'], { runner: 'npx', packages: ['npm pkg none'] }],
  ['/usr/local/bin/npx', ['pkg@1.0.0'], { runner: 'npx', packages: ['npm pkg exact 1.0.0'] }],
  ['npx -y some-mcp', [], { runner: 'npx', packages: ['npm some-mcp none'] }],
  ['env', ['FOO=1', 'npx', 'pkg'], { runner: 'npx', wrappers: ['env'], packages: ['npm pkg none'] }],
  ['bash', ['-lc', 'exec npx -y pkg@1.2.3 && echo done'], { runner: 'npx', wrappers: ['shell'], packages: ['npm pkg exact 1.2.3'] }],
  ['uvx', ['mcp-server-git'], { runner: 'uvx', packages: ['pypi mcp-server-git none'] }],
  ['uvx', ['mcp-server-git==0.6.2', '--repository', '.'], { packages: ['pypi mcp-server-git exact ==0.6.2'], args: ['--repository', '.'] }],
  ['uvx', ['mcp-server-fetch@latest'], { packages: ['pypi mcp-server-fetch latest latest'] }],
  ['uvx', ['awslabs.aws-documentation-mcp-server@1.1.0'], { packages: ['pypi awslabs.aws-documentation-mcp-server exact 1.1.0'] }],
  ['uvx', ['--from', 'mcp[cli]>=1.2', 'mcp', 'run'], { packages: ['pypi mcp range >=1.2'], args: ['run'] }],
  [
    'uvx',
    ['--python', '3.12', '--from', 'git+https://github.com/oraios/serena', 'serena', 'start-mcp-server'],
    { packages: ['git git+https://github.com/oraios/serena none'] },
  ],
  ['uv', ['tool', 'run', 'pkg~=1.0'], { runner: 'uv-tool-run', packages: ['pypi pkg range ~=1.0'] }],
  [
    'uv',
    ['run', '--with', 'mcp-x==1.0', '--with', 'fastmcp', 'server.py'],
    { runner: 'uv-run', packages: ['pypi mcp-x exact ==1.0', 'pypi fastmcp none'], local: 'server.py' },
  ],
  ['uv', ['--directory', '/srv/app', 'run', 'server.py'], { runner: 'uv-run', packages: [], local: 'server.py' }],
  ['pipx', ['run', 'pkg==2.0'], { runner: 'pipx-run', packages: ['pypi pkg exact ==2.0'] }],
  ['pipx', ['run', '--spec', 'pkg>=2', 'app'], { runner: 'pipx-run', packages: ['pypi pkg range >=2'] }],
  [
    'docker',
    ['run', '-i', '--rm', '-e', 'TOKEN', 'ghcr.io/github/github-mcp-server'],
    { runner: 'docker', packages: ['oci ghcr.io/github/github-mcp-server none'], args: [] },
  ],
  [
    'docker',
    ['run', '-i', '--rm', '--network', 'host', '-v', '/a:/b', 'mcp/fetch:latest', '--flag'],
    { packages: ['oci mcp/fetch latest latest'], args: ['--flag'] },
  ],
  ['docker', ['run', '--name=x', '-p8080:80', '-it', 'mcp/fetch:1.0'], { packages: ['oci mcp/fetch tag 1.0'] }],
  ['docker', ['run', 'mcp/fetch:1.0@sha256:' + 'a'.repeat(64)], { packages: ['oci mcp/fetch digest 1.0'] }],
  ['docker', ['--context', 'remote', 'container', 'run', 'localhost:5000/team/srv'], { packages: ['oci localhost:5000/team/srv none'] }],
  ['podman', ['run', '--pull', 'always', '--userns', 'keep-id', 'quay.io/o/x:v2'], { runner: 'podman', packages: ['oci quay.io/o/x tag v2'] }],
  ['docker', ['build', '.'], { program: 'docker', packages: [] }],
  [
    'deno',
    ['run', '-A', 'npm:@modelcontextprotocol/server-filesystem@2025.1.0/dist', '/tmp'],
    { runner: 'deno', packages: ['npm @modelcontextprotocol/server-filesystem exact 2025.1.0'], args: ['/tmp'] },
  ],
  ['deno', ['run', '--allow-net', 'jsr:@std/http'], { packages: ['jsr @std/http none'] }],
  ['deno', ['run', '-A', './main.ts'], { local: './main.ts', packages: [] }],
  ['go', ['run', 'github.com/x/mcp-server/cmd/srv@latest'], { runner: 'go-run', packages: ['go github.com/x/mcp-server/cmd/srv latest latest'] }],
  ['go', ['run', '-trimpath', 'github.com/x/y@v1.2.3'], { packages: ['go github.com/x/y exact v1.2.3'] }],
  ['go', ['run', './cmd/server'], { local: './cmd/server', packages: [] }],
  ['node', ['--env-file', '.env', './server.js', '--stdio'], { program: 'node', local: './server.js', args: ['--stdio'] }],
  ['node', ['-e', 'console.log(1)'], { program: 'node', packages: [] }],
  ['python3', ['-m', 'my_server'], { program: 'python3', packages: [] }],
  ['python', ['server.py'], { local: 'server.py' }],
  ['./bin/server', ['--x'], { program: 'server', local: './bin/server', args: ['--x'] }],
  ['${workspaceFolder}/bin/server', [], { local: '${workspaceFolder}/bin/server' }],
  ['my-mcp-binary', ['--port', '1'], { program: 'my-mcp-binary', packages: [], args: ['--port', '1'] }],
];

for (const [command, args, want] of CASES) {
  test(`parseLaunch ${command} ${args.join(' ')}`, () => {
    const spec = parseLaunch(serverOf(command, args))!;
    if (want.runner !== undefined) assert.equal(spec.runner, want.runner);
    if (want.program !== undefined) assert.equal(spec.program, want.program);
    if (want.wrappers !== undefined) assert.deepEqual(spec.wrappers, want.wrappers);
    if (want.packages !== undefined)
      assert.deepEqual(
        spec.packages.map((p) => [p.ecosystem, p.name, p.pin, p.version].filter((x) => x !== undefined).join(' ')),
        want.packages,
      );
    if (want.local !== undefined) assert.equal(spec.localTarget?.text, want.local);
    else if (want.packages !== undefined && want.packages.length > 0) assert.equal(spec.localTarget, undefined);
    if (want.args !== undefined)
      assert.deepEqual(
        spec.programArgs.map((t) => t.text),
        want.args,
      );
  });
}

test('parseLaunch is undefined for a remote server', () => {
  const s = serverOf('x');
  delete s.command;
  assert.equal(parseLaunch(s), undefined);
});
