import { listenAllInterfaces } from '../../../src/core/rules/listen-all-interfaces';
import { ruleTable } from '../helpers/ruleTester';

const cursor = (command: string, args: string[], env: Record<string, string> = {}) => JSON.stringify({ mcpServers: { s: { command, args, env } } }, null, 2);
const IMG = 'mcp/x@sha256:' + '0'.repeat(64);

ruleTable(listenAllInterfaces, {
  valid: [
    { name: '--host 127.0.0.1', path: '/p/.cursor/mcp.json', text: cursor('uvx', ['srv==1.0', '--host', '127.0.0.1']) },
    { name: '--host localhost', path: '/p/.cursor/mcp.json', text: cursor('uvx', ['srv==1.0', '--host=localhost', '--port', '0']) },
    { name: 'HOST=127.0.0.1', path: '/p/.cursor/mcp.json', text: cursor('node', ['s.js'], { HOST: '127.0.0.1' }) },
    { name: 'published on loopback', path: '/p/.cursor/mcp.json', text: cursor('docker', ['run', '-p', '127.0.0.1:8080:8080', IMG]) },
    {
      name: 'container binding 0.0.0.0 inside (not published)',
      path: '/p/.cursor/mcp.json',
      text: cursor('docker', ['run', '-i', '-e', 'HOST=0.0.0.0', IMG, '--host', '0.0.0.0']),
    },
    { name: 'unrelated 0.0.0.0', path: '/p/.cursor/mcp.json', text: cursor('node', ['s.js', '--allow', '0.0.0.0/0']) },
    { name: 'remote URL', path: '/p/.vscode/mcp.json', text: JSON.stringify({ servers: { r: { type: 'http', url: 'http://0.0.0.0:8080/mcp' } } }) },
  ],
  invalid: [
    {
      name: '--host 0.0.0.0',
      path: '/p/.cursor/mcp.json',
      text: cursor('uvx', ['srv==1.0', '--host', '0.0.0.0']),
      errors: [{ text: '0.0.0.0', message: 'listen on 0.0.0.0 (--host)' }],
    },
    { name: '--bind=[::]:8080', path: '/p/.cursor/mcp.json', text: cursor('my-server', ['--bind=[::]:8080']), errors: [{ text: '[::]:8080' }] },
    {
      name: '--listen :8080 (Go)',
      path: '/p/.cursor/mcp.json',
      text: cursor('go', ['run', 'example.com/srv@v1.0.0', '--listen', ':8080']),
      errors: [{ text: ':8080' }],
    },
    {
      name: 'HOST=0.0.0.0',
      path: '/p/.cursor/mcp.json',
      text: cursor('node', ['s.js'], { HOST: '0.0.0.0' }),
      errors: [{ text: '"0.0.0.0"', message: '(HOST)' }],
    },
    { name: 'FASTMCP_HOST=::', path: '/p/.cursor/mcp.json', text: cursor('uvx', ['srv==1'], { FASTMCP_HOST: '::' }), errors: [{ message: 'FASTMCP_HOST' }] },
    {
      name: 'docker -p without address',
      path: '/p/.cursor/mcp.json',
      text: cursor('docker', ['run', '-p', '8080:8080', IMG]),
      errors: [{ text: '8080:8080', message: '127.0.0.1:8080:8080' }],
    },
    {
      name: 'docker -p 0.0.0.0',
      path: '/p/.cursor/mcp.json',
      text: cursor('docker', ['run', '--publish=0.0.0.0:9000:9000/tcp', IMG]),
      errors: [{ text: '0.0.0.0:9000:9000/tcp' }],
    },
    { name: 'docker -P', path: '/p/.cursor/mcp.json', text: cursor('podman', ['run', '-P', IMG]), errors: [{ message: 'every container port' }] },
    {
      name: 'Goose YAML envs',
      path: '/home/u/.config/goose/config.yaml',
      text: 'extensions:\n  x:\n    cmd: node\n    args: [s.js]\n    envs:\n      BIND_ADDRESS: 0.0.0.0\n',
      errors: [{ line: 6, text: '0.0.0.0' }],
    },
    {
      name: 'Codex TOML env',
      path: '/home/u/.codex/config.toml',
      text: '[mcp_servers.x]\ncommand = "node"\nargs = ["s.js"]\nenv = { HOST = "0.0.0.0" }\n',
      errors: [{ line: 4, text: '"0.0.0.0"' }],
    },
  ],
});
