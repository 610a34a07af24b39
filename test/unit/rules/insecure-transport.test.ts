import { insecureTransport } from '../../../src/core/rules/insecure-transport';
import { ruleTable } from '../helpers/ruleTester';

const vscode = (url: string) => JSON.stringify({ servers: { r: { type: 'http', url } } }, null, 2);
const FAKE = 'FAKE0000EXAMPLE0000';

ruleTable(insecureTransport, {
  valid: [
    { name: 'https', path: '/p/.vscode/mcp.json', text: vscode('https://mcp.example.com/mcp') },
    { name: 'http to localhost', path: '/p/.vscode/mcp.json', text: vscode('http://localhost:3000/mcp') },
    { name: 'http to 127.0.0.1', path: '/p/.vscode/mcp.json', text: vscode('http://127.0.0.1:8080/sse') },
    { name: 'http to [::1]', path: '/p/.vscode/mcp.json', text: vscode('http://[::1]:8080/mcp') },
    { name: 'http to *.localhost', path: '/p/.vscode/mcp.json', text: vscode('http://mcp.localhost/mcp') },
    { name: 'harmless query', path: '/p/.vscode/mcp.json', text: vscode('https://mcp.example.com/mcp?region=eu&sessionId=1') },
    { name: 'variable host', path: '/p/.vscode/mcp.json', text: vscode('http://${env:MCP_HOST}/mcp') },
    { name: 'unix socket', path: '/p/.vscode/mcp.json', text: vscode('unix:///tmp/mcp.sock#/mcp') },
    {
      name: 'http argument of a non-bridge server',
      path: '/p/.cursor/mcp.json',
      text: JSON.stringify({ mcpServers: { s: { command: 'npx', args: ['fetch-server@1.0.0', 'http://example.com'] } } }),
    },
    {
      name: 'mcp-remote over https',
      path: '/p/.cursor/mcp.json',
      text: JSON.stringify({ mcpServers: { s: { command: 'npx', args: ['mcp-remote@0.1.0', 'https://mcp.example.com/sse'] } } }),
    },
  ],
  invalid: [
    {
      name: 'http to a remote host',
      path: '/p/.vscode/mcp.json',
      text: vscode('http://mcp.example.com/mcp'),
      errors: [{ text: 'http://mcp.example.com/mcp', message: 'plain http:// at mcp.example.com', severity: 'warning', path: ['servers', 'r', 'url'] }],
    },
    { name: 'http to a LAN address', path: '/p/.vscode/mcp.json', text: vscode('http://192.168.1.20:8000/sse'), errors: [{ message: 'plain http://' }] },
    {
      name: 'token in the query',
      path: '/p/.vscode/mcp.json',
      text: vscode(`https://mcp.example.com/sse?api_key=${FAKE}`),
      errors: [{ message: 'api_key=FAKE…' }],
    },
    {
      name: 'the whole secret is never shown',
      path: '/p/.cursor/mcp.json',
      text: JSON.stringify({ mcpServers: { r: { url: `https://x.example/mcp?token=${FAKE}` } } }),
      errors: [{ message: /token=FAKE…\)/ }],
    },
    {
      name: 'reference in the query is still a URL credential',
      path: '/p/.vscode/mcp.json',
      text: vscode('https://x.example/mcp?access_token=${input:tok}'),
      errors: [{ message: 'access_token=${input:tok}' }],
    },
    {
      name: 'user-info',
      path: '/p/.vscode/mcp.json',
      text: vscode(`https://user:${FAKE}@x.example/mcp`),
      errors: [{ message: 'carries credentials before the host' }],
    },
    {
      name: 'http and query token',
      path: '/p/.cursor/mcp.json',
      text: JSON.stringify({ mcpServers: { r: { url: `http://x.example/sse?key=${FAKE}` } } }),
      errors: [{ message: 'plain http://' }, { message: 'key=FAKE…' }],
    },
    {
      name: 'Windsurf serverUrl',
      path: '/home/u/.codeium/windsurf/mcp_config.json',
      text: JSON.stringify({ mcpServers: { r: { serverUrl: 'http://x.example/mcp' } } }),
      errors: [{ message: 'plain http://' }],
    },
    {
      name: 'Gemini httpUrl',
      path: '/p/.gemini/settings.json',
      text: JSON.stringify({ mcpServers: { r: { httpUrl: 'http://x.example/mcp' } } }),
      errors: [{ message: 'plain http://' }],
    },
    {
      name: 'mcp-remote to http',
      path: '/p/.cursor/mcp.json',
      text: JSON.stringify({ mcpServers: { s: { command: 'npx', args: ['-y', 'mcp-remote@0.1.0', 'http://mcp.example.com/sse'] } } }),
      errors: [{ text: 'http://mcp.example.com/sse' }],
    },
    {
      name: 'token in an argument URL',
      path: '/p/.cursor/mcp.json',
      text: JSON.stringify({ mcpServers: { s: { command: 'npx', args: ['x@1.0.0', `https://x.example/?token=${FAKE}`] } } }),
      errors: [{ message: 'token=FAKE…' }],
    },
    {
      name: 'Continue YAML',
      path: '/p/.continue/mcpServers/a.yaml',
      text: 'mcpServers:\n  - name: r\n    type: sse\n    url: http://mcp.example.com/sse\n',
      errors: [{ line: 4, text: 'http://mcp.example.com/sse' }],
    },
    {
      name: 'Codex TOML',
      path: '/home/u/.codex/config.toml',
      text: '[mcp_servers.r]\nurl = "http://mcp.example.com/mcp"\n',
      errors: [{ line: 2, text: 'http://mcp.example.com/mcp', server: 'r' }],
    },
  ],
});
