import { filesystemRoot } from '../../../src/core/rules/filesystem-root';
import { ruleTable } from '../helpers/ruleTester';

const FS = '@modelcontextprotocol/server-filesystem@2025.8.21';
const cursor = (command: string, args: string[]) => JSON.stringify({ mcpServers: { fs: { command, args } } }, null, 2);

ruleTable(filesystemRoot, {
  valid: [
    { name: 'project folders', path: '/p/.cursor/mcp.json', text: cursor('npx', ['-y', FS, '/home/u/projects/app', '/tmp/scratch']) },
    {
      name: 'workspace variable',
      path: '/p/.vscode/mcp.json',
      text: JSON.stringify({ servers: { fs: { command: 'npx', args: ['-y', FS, '${workspaceFolder}'] } } }),
    },
    { name: 'relative folder', path: '/p/.cursor/mcp.json', text: cursor('npx', [FS, '.']) },
    { name: 'not a filesystem server', path: '/p/.cursor/mcp.json', text: cursor('npx', ['-y', 'some-other-server@1.0.0', '/']) },
    { name: 'container: left to docker-privileged', path: '/p/.cursor/mcp.json', text: cursor('docker', ['run', '-v', '/:/projects', 'mcp/filesystem', '/']) },
    { name: 'the package name itself is not an allowed folder', path: '/p/.cursor/mcp.json', text: cursor('npx', ['-y', FS]) },
  ],
  invalid: [
    {
      name: 'root',
      path: '/p/.cursor/mcp.json',
      text: cursor('npx', ['-y', FS, '/']),
      errors: [{ text: '/', severity: 'error', message: 'the whole filesystem' }],
    },
    {
      name: 'home by ~',
      path: '/p/.cursor/mcp.json',
      text: cursor('npx', ['-y', FS, '~']),
      errors: [{ text: '~', severity: 'warning', message: 'your whole home folder' }],
    },
    { name: '$HOME and a good folder', path: '/p/.cursor/mcp.json', text: cursor('npx', ['-y', FS, '/srv/data', '$HOME']), errors: [{ text: '$HOME' }] },
    {
      name: '${userHome}',
      path: '/p/.vscode/mcp.json',
      text: JSON.stringify({ servers: { fs: { command: 'npx', args: [FS, '${userHome}'] } } }),
      errors: [{ text: '${userHome}' }],
    },
    { name: 'C:\\', path: '/p/.cursor/mcp.json', text: cursor('npx', [FS, 'C:\\']), errors: [{ severity: 'error' }] },
    { name: '/Users/<name>', path: '/p/.cursor/mcp.json', text: cursor('npx', [FS, '/Users/alice/']), errors: [{ message: 'home folder' }] },
    { name: 'all homes', path: '/p/.cursor/mcp.json', text: cursor('npx', [FS, '/home']), errors: [{ message: "every user's home folder" }] },
    {
      name: 'behind cmd /c',
      path: '/p/.cursor/mcp.json',
      text: cursor('cmd', ['/c', 'npx', '-y', FS, 'C:\\Users\\alice']),
      errors: [{ message: 'home folder' }],
    },
    { name: 'installed binary', path: '/p/.cursor/mcp.json', text: cursor('mcp-server-filesystem', ['/']), errors: [{ text: '/' }] },
    {
      name: 'Go filesystem server',
      path: '/p/.cursor/mcp.json',
      text: cursor('go', ['run', 'github.com/mark3labs/mcp-filesystem-server@v0.11.1', '/']),
      errors: [{ text: '/' }],
    },
    {
      name: 'Goose YAML',
      path: '/home/u/.config/goose/config.yaml',
      text: `extensions:\n  fs:\n    cmd: npx\n    args: ["-y", "${FS}", "~"]\n`,
      errors: [{ line: 4, text: '~' }],
    },
    {
      name: 'Continue YAML',
      path: '/p/.continue/mcpServers/a.yaml',
      text: `mcpServers:\n  - name: fs\n    command: npx\n    args:\n      - ${FS}\n      - /\n`,
      errors: [{ line: 6 }],
    },
    {
      name: 'Codex TOML',
      path: '/home/u/.codex/config.toml',
      text: `[mcp_servers.fs]\ncommand = "npx"\nargs = [\n  "-y",\n  "${FS}",\n  "/",\n]\n`,
      errors: [{ line: 6, text: '/', severity: 'error' }],
    },
  ],
});
