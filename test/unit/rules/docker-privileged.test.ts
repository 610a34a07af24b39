import { dockerPrivileged } from '../../../src/core/rules/docker-privileged';
import { ruleTable } from '../helpers/ruleTester';

const IMG = 'mcp/x@sha256:' + '0'.repeat(64);
const cursor = (command: string, args: string[]) => JSON.stringify({ mcpServers: { s: { command, args } } }, null, 2);
const docker = (...flags: string[]) => cursor('docker', ['run', '-i', '--rm', ...flags, IMG]);

ruleTable(dockerPrivileged, {
  valid: [
    { name: 'plain run', path: '/p/.cursor/mcp.json', text: docker('-e', 'TOKEN') },
    {
      name: 'workspace mount',
      path: '/p/.vscode/mcp.json',
      text: JSON.stringify({ servers: { s: { command: 'docker', args: ['run', '-v', '${workspaceFolder}:/workspace', IMG] } } }),
    },
    { name: 'project folder under home', path: '/p/.cursor/mcp.json', text: docker('-v', '/home/u/projects/app:/app') },
    { name: 'named volume', path: '/p/.cursor/mcp.json', text: docker('-v', 'data:/data') },
    { name: 'bridge network', path: '/p/.cursor/mcp.json', text: docker('--network', 'bridge') },
    { name: 'harmless capability', path: '/p/.cursor/mcp.json', text: docker('--cap-add', 'NET_BIND_SERVICE', '--cap-drop', 'ALL') },
    { name: 'no-new-privileges', path: '/p/.cursor/mcp.json', text: docker('--security-opt', 'no-new-privileges') },
    { name: 'flags after the image go to the server', path: '/p/.cursor/mcp.json', text: cursor('docker', ['run', IMG, '--privileged', '-v', '/:/host']) },
    { name: 'not a container launch', path: '/p/.cursor/mcp.json', text: cursor('npx', ['pkg@1.0.0', '--privileged']) },
    { name: 'docker without run', path: '/p/.cursor/mcp.json', text: cursor('docker', ['exec', '--privileged', 'c', 'x']) },
  ],
  invalid: [
    {
      name: '--privileged',
      path: '/p/.cursor/mcp.json',
      text: docker('--privileged'),
      errors: [{ text: '--privileged', severity: 'error', message: 'escaping to the host is trivial' }],
    },
    {
      name: '--network host',
      path: '/p/.cursor/mcp.json',
      text: docker('--network', 'host'),
      errors: [{ text: 'host', message: "shares the host's network", severity: 'warning' }],
    },
    { name: '--net=host', path: '/p/.cursor/mcp.json', text: docker('--net=host'), errors: [{ text: 'host', message: '--net host' }] },
    { name: '--pid host', path: '/p/.cursor/mcp.json', text: docker('--pid', 'host'), errors: [{ message: 'every process on the host' }] },
    { name: '--cap-add SYS_ADMIN', path: '/p/.cursor/mcp.json', text: docker('--cap-add', 'SYS_ADMIN'), errors: [{ text: 'SYS_ADMIN' }] },
    { name: '--cap-add=ALL', path: '/p/.cursor/mcp.json', text: docker('--cap-add=ALL'), errors: [{ text: 'ALL' }] },
    {
      name: 'seccomp unconfined',
      path: '/p/.cursor/mcp.json',
      text: docker('--security-opt', 'seccomp=unconfined'),
      errors: [{ message: 'kernel protection' }],
    },
    {
      name: 'root mount',
      path: '/p/.cursor/mcp.json',
      text: docker('-v', '/:/host'),
      errors: [{ text: '/:/host', severity: 'error', message: 'the whole filesystem' }],
    },
    {
      name: 'docker socket',
      path: '/p/.cursor/mcp.json',
      text: docker('-v', '/var/run/docker.sock:/var/run/docker.sock'),
      errors: [{ severity: 'error', message: 'container engine socket' }],
    },
    { name: 'home via ~', path: '/p/.cursor/mcp.json', text: docker('-v', '~:/root'), errors: [{ message: 'your whole home folder', severity: 'warning' }] },
    {
      name: 'home via $HOME, read-only',
      path: '/p/.cursor/mcp.json',
      text: docker('--volume=$HOME:/h:ro'),
      errors: [{ message: 'read-only, still enough to steal secrets' }],
    },
    {
      name: 'home via ${userHome}',
      path: '/p/.vscode/mcp.json',
      text: JSON.stringify({ servers: { s: { command: 'docker', args: ['run', '-v', '${userHome}:/h', IMG] } } }),
      errors: [{ message: 'home folder' }],
    },
    { name: '/home/<user>', path: '/p/.cursor/mcp.json', text: docker('-v', '/home/alice/:/data'), errors: [{ message: 'home folder' }] },
    { name: 'Windows home', path: '/p/.cursor/mcp.json', text: docker('-v', 'C:\\Users\\alice:/data'), errors: [{ message: 'home folder' }] },
    { name: '~/.ssh', path: '/p/.cursor/mcp.json', text: docker('-v', '~/.ssh:/root/.ssh:ro'), errors: [{ message: 'a credentials folder' }] },
    {
      name: '--mount bind of /',
      path: '/p/.cursor/mcp.json',
      text: docker('--mount', 'type=bind,source=/,target=/host'),
      errors: [{ message: 'the whole filesystem' }],
    },
    { name: 'podman', path: '/p/.cursor/mcp.json', text: cursor('podman', ['run', '--privileged', IMG]), errors: [{ severity: 'error' }] },
    { name: 'bundled flags before a value flag', path: '/p/.cursor/mcp.json', text: docker('-itv', '/:/h'), errors: [{ text: '/:/h' }] },
    {
      name: 'Goose YAML',
      path: '/home/u/.config/goose/config.yaml',
      text: `extensions:\n  x:\n    cmd: docker\n    args: [run, --network=host, "${IMG}"]\n`,
      errors: [{ line: 4, text: 'host' }],
    },
    {
      name: 'Codex TOML',
      path: '/home/u/.codex/config.toml',
      text: `[mcp_servers.x]\ncommand = "docker"\nargs = ["run", "-v", "/var/run/docker.sock:/var/run/docker.sock", "${IMG}"]\n`,
      errors: [{ line: 3, text: '/var/run/docker.sock:/var/run/docker.sock', severity: 'error' }],
    },
  ],
});
