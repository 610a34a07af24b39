import { unpinnedPackage } from '../../../src/core/rules/unpinned-package';
import { ruleTable } from '../helpers/ruleTester';

const cursor = (command: string, args: string[]) => JSON.stringify({ mcpServers: { s: { command, args } } }, null, 2);
const P = '/p/.cursor/mcp.json';

// Issue 13: a runner nested in a container command fetches an unpinned package as well.
ruleTable(unpinnedPackage, {
  valid: [
    { name: 'docker exec of a pinned package', path: P, text: cursor('docker', ['exec', '-i', 'box', 'npx', '-y', 'some-mcp@1.2.3']) },
    { name: 'docker exec of a program', path: P, text: cursor('docker', ['exec', '-i', 'box', 'node', '/srv/server.js']) },
    { name: 'docker exec without a command', path: P, text: cursor('docker', ['exec', '-i']) },
  ],
  invalid: [
    {
      name: 'docker exec … npx pkg',
      path: P,
      text: cursor('docker', ['exec', '-i', 'box', 'npx', '-y', 'some-mcp']),
      errors: [{ text: 'some-mcp', message: '"some-mcp" has no version: npx runs' }],
    },
    {
      name: 'podman container exec with options … uvx pkg',
      path: P,
      text: cursor('podman', ['container', 'exec', '-i', '-e', 'A=1', '--user', 'app', 'box', 'uvx', 'mcp-server-fetch']),
      errors: [{ text: 'mcp-server-fetch', message: 'uvx runs' }],
    },
    {
      name: 'docker exec … sh -c "npx pkg"',
      path: P,
      text: cursor('docker', ['exec', '-i', 'box', 'sh', '-c', 'npx -y some-mcp@latest']),
      errors: [{ text: 'some-mcp@latest', message: 'asks for the latest release' }],
    },
  ],
});
