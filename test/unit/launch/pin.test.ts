import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { lintFile } from '../../../src/core/engine/lint';
import { createProject } from '../../../src/core/engine/project';
import { parseLaunch } from '../../../src/core/launch/parse';
import { pinEdit, pinnedSpec, pinRequestFor } from '../../../src/core/launch/pin';
import { unpinnedPackage } from '../../../src/core/rules/unpinned-package';
import { applyEdits } from '../helpers/ruleTester';

const DIGEST = 'sha256:' + 'ab'.repeat(32);

function pinned(path: string, text: string, version: string, index = 0): string {
  const file = loadConfigText(text, { path });
  const findings = lintFile(file, createProject([file]), { rules: [unpinnedPackage] });
  const finding = findings[index];
  assert.ok(finding, 'expected an unpinned-package finding');
  const out = applyEdits(text, pinEdit(file, finding, version));
  const again = loadConfigText(out, { path });
  assert.equal(lintFile(again, createProject([again]), { rules: [unpinnedPackage] }).length, findings.length - 1, 'the pinned package is no longer reported');
  return out;
}

const CASES: { name: string; path: string; text: string; version: string; want: string }[] = [
  {
    name: 'npm, no version',
    path: '/p/.cursor/mcp.json',
    text: '{"mcpServers": {"s": {"command": "npx", "args": ["-y", "@s/x"]}}}',
    version: '1.4.2',
    want: '{"mcpServers": {"s": {"command": "npx", "args": ["-y", "@s/x@1.4.2"]}}}',
  },
  {
    name: 'npm latest',
    path: '/p/.cursor/mcp.json',
    text: '{"mcpServers": {"s": {"command": "npx", "args": ["x@latest", "--a"]}}}',
    version: '2.0.0',
    want: '{"mcpServers": {"s": {"command": "npx", "args": ["x@2.0.0", "--a"]}}}',
  },
  {
    name: 'npm range',
    path: '/p/.cursor/mcp.json',
    text: '{"mcpServers": {"s": {"command": "npx", "args": ["x@^1.2.0"]}}}',
    version: '1.9.0',
    want: '{"mcpServers": {"s": {"command": "npx", "args": ["x@1.9.0"]}}}',
  },
  {
    name: '--package=',
    path: '/p/.cursor/mcp.json',
    text: '{"mcpServers": {"s": {"command": "npx", "args": ["--package=x", "bin"]}}}',
    version: '1.0.0',
    want: '{"mcpServers": {"s": {"command": "npx", "args": ["--package=x@1.0.0", "bin"]}}}',
  },
  {
    name: 'string with escapes is re-encoded',
    path: '/p/.cursor/mcp.json',
    text: '{"mcpServers": {"s": {"command": "npx", "args": ["\\u0078"]}}}',
    version: '1.0.0',
    want: '{"mcpServers": {"s": {"command": "npx", "args": ["x@1.0.0"]}}}',
  },
  {
    name: 'inside cmd /c string',
    path: '/p/.cursor/mcp.json',
    text: '{"mcpServers": {"s": {"command": "cmd", "args": ["/c", "npx -y \\"x\\" --flag"]}}}',
    version: '3.1.0',
    want: '{"mcpServers": {"s": {"command": "cmd", "args": ["/c", "npx -y \\"x@3.1.0\\" --flag"]}}}',
  },
  {
    name: 'JSONC keeps comments',
    path: '/p/.vscode/mcp.json',
    text: '{\n  // c\n  "servers": {"s": {"command": "npx", "args": ["x"]}} // d\n}',
    version: '1.0.0',
    want: '{\n  // c\n  "servers": {"s": {"command": "npx", "args": ["x@1.0.0"]}} // d\n}',
  },
  {
    name: 'PyPI',
    path: '/p/.cursor/mcp.json',
    text: '{"mcpServers": {"s": {"command": "uvx", "args": ["mcp-server-git"]}}}',
    version: '0.6.2',
    want: '{"mcpServers": {"s": {"command": "uvx", "args": ["mcp-server-git==0.6.2"]}}}',
  },
  {
    name: 'PyPI range with extras',
    path: '/p/.cursor/mcp.json',
    text: '{"mcpServers": {"s": {"command": "uvx", "args": ["--from", "mcp[cli]>=1.2,<2", "mcp"]}}}',
    version: '1.9.4',
    want: '{"mcpServers": {"s": {"command": "uvx", "args": ["--from", "mcp[cli]==1.9.4", "mcp"]}}}',
  },
  {
    name: 'uv @latest',
    path: '/p/.cursor/mcp.json',
    text: '{"mcpServers": {"s": {"command": "uvx", "args": ["x@latest"]}}}',
    version: '1.0',
    want: '{"mcpServers": {"s": {"command": "uvx", "args": ["x@1.0"]}}}',
  },
  {
    name: 'image digest after tag',
    path: '/p/.cursor/mcp.json',
    text: '{"mcpServers": {"s": {"command": "docker", "args": ["run", "-i", "mcp/fetch:latest"]}}}',
    version: DIGEST,
    want: `{"mcpServers": {"s": {"command": "docker", "args": ["run", "-i", "mcp/fetch:latest@${DIGEST}"]}}}`,
  },
  {
    name: 'go',
    path: '/p/.cursor/mcp.json',
    text: '{"mcpServers": {"s": {"command": "go", "args": ["run", "github.com/o/r@latest"]}}}',
    version: 'v1.2.3',
    want: '{"mcpServers": {"s": {"command": "go", "args": ["run", "github.com/o/r@v1.2.3"]}}}',
  },
  {
    name: 'YAML plain',
    path: '/p/.continue/mcpServers/a.yaml',
    text: 'mcpServers:\n  - name: s\n    command: npx\n    args:\n      - -y\n      - pkg # note\n',
    version: '1.0.0',
    want: 'mcpServers:\n  - name: s\n    command: npx\n    args:\n      - -y\n      - pkg@1.0.0 # note\n',
  },
  {
    name: 'YAML single-quoted',
    path: '/p/.continue/mcpServers/a.yaml',
    text: "mcpServers:\n  - name: s\n    command: npx\n    args: ['@s/x']\n",
    version: '1.0.0',
    want: "mcpServers:\n  - name: s\n    command: npx\n    args: ['@s/x@1.0.0']\n",
  },
  {
    name: 'YAML double-quoted',
    path: '/home/u/.config/goose/config.yaml',
    text: 'extensions:\n  f:\n    cmd: uvx\n    args: ["mcp-server-fetch"]\n',
    version: '2025.1.1',
    want: 'extensions:\n  f:\n    cmd: uvx\n    args: ["mcp-server-fetch==2025.1.1"]\n',
  },
  {
    name: 'TOML basic string',
    path: '/home/u/.codex/config.toml',
    text: '[mcp_servers.s]\ncommand = "npx"\nargs = ["-y", "@s/x"] # pinned later\n',
    version: '1.0.0',
    want: '[mcp_servers.s]\ncommand = "npx"\nargs = ["-y", "@s/x@1.0.0"] # pinned later\n',
  },
  {
    name: 'TOML literal string',
    path: '/home/u/.codex/config.toml',
    text: "[mcp_servers.s]\ncommand = 'uvx'\nargs = ['mcp-server-git']\n",
    version: '0.6.2',
    want: "[mcp_servers.s]\ncommand = 'uvx'\nargs = ['mcp-server-git==0.6.2']\n",
  },
  {
    name: 'TOML escaped string is re-encoded',
    path: '/home/u/.codex/config.toml',
    text: '[mcp_servers.s]\ncommand = "npx"\nargs = ["\\u0078"]\n',
    version: '1.0.0',
    want: '[mcp_servers.s]\ncommand = "npx"\nargs = ["x@1.0.0"]\n',
  },
];

for (const c of CASES) {
  test(`pinEdit ${c.name}`, () => assert.equal(pinned(c.path, c.text, c.version), c.want));
}

test('pinEdit refuses a version that is not exact', () => {
  const text = '{"mcpServers": {"s": {"command": "npx", "args": ["x"]}}}';
  const file = loadConfigText(text, { path: '/p/.cursor/mcp.json' });
  const [finding] = lintFile(file, createProject([file]), { rules: [unpinnedPackage] });
  assert.throws(() => pinEdit(file, finding!, '^1.0.0'), /not an exact version/);
  assert.throws(() => pinEdit(file, finding!, 'latest'), /not an exact version/);
});

test('pinEdit takes a package from parseLaunch too, and pinnedSpec shows the result', () => {
  const text = '{"mcpServers": {"s": {"command": "docker", "args": ["run", "mcp/fetch"]}}}';
  const file = loadConfigText(text, { path: '/p/.cursor/mcp.json' });
  const ref = parseLaunch(file.servers[0]!)!.packages[0]!;
  assert.equal(pinnedSpec(ref, DIGEST), `mcp/fetch@${DIGEST}`);
  assert.equal(applyEdits(text, pinEdit(file, ref, DIGEST)), text.replace('mcp/fetch', `mcp/fetch@${DIGEST}`));
});

test('pinRequestFor says what to resolve', () => {
  const text = '{"mcpServers": {"a": {"command": "npx", "args": ["--registry", "http://127.0.0.1:1/", "@s/x@^2"]}}, "b": {}}';
  const file = loadConfigText(text, { path: '/p/.cursor/mcp.json' });
  const [finding] = lintFile(file, createProject([file]), { rules: [unpinnedPackage] });
  assert.deepEqual(pinRequestFor(file, finding!), { ecosystem: 'npm', name: '@s/x', wanted: '^2', registry: 'http://127.0.0.1:1/' });
  assert.deepEqual((finding!.data as { request: unknown }).request, pinRequestFor(file, finding!));
  const image = loadConfigText('{"mcpServers": {"a": {"command": "docker", "args": ["run", "ghcr.io/o/x:1.2"]}}}', { path: '/p/.cursor/mcp.json' });
  const [f2] = lintFile(image, createProject([image]), { rules: [unpinnedPackage] });
  assert.deepEqual(pinRequestFor(image, f2!), { ecosystem: 'oci', name: 'ghcr.io/o/x', wanted: '1.2' });
  const git = loadConfigText('{"mcpServers": {"a": {"command": "npx", "args": ["github:o/r"]}}}', { path: '/p/.cursor/mcp.json' });
  const [f3] = lintFile(git, createProject([git]), { rules: [unpinnedPackage] });
  assert.equal(pinRequestFor(git, f3!), undefined);
});

test('pinEdit returns nothing once the file no longer holds the package', () => {
  const text = '{"mcpServers": {"s": {"command": "npx", "args": ["x"]}}}';
  const file = loadConfigText(text, { path: '/p/.cursor/mcp.json' });
  const [finding] = lintFile(file, createProject([file]), { rules: [unpinnedPackage] });
  const changed = loadConfigText(text.replace('"x"', '"y"'), { path: '/p/.cursor/mcp.json' });
  assert.deepEqual(pinEdit(changed, finding!, '1.0.0'), []);
});
