import { packageNameLookalike } from '../../../src/core/rules/package-name-lookalike';
import { ruleTable } from '../helpers/ruleTester';

const cursor = (command: string, args: string[]) => JSON.stringify({ mcpServers: { s: { command, args } } }, null, 2);
const P = '/p/.cursor/mcp.json';

ruleTable(packageNameLookalike, {
  valid: [
    { name: 'the popular package itself', path: P, text: cursor('npx', ['-y', 'firecrawl-mcp@1.0.0']) },
    { name: 'popular scoped package', path: P, text: cursor('npx', ['-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '/tmp']) },
    { name: 'a sibling under the official scope', path: P, text: cursor('npx', ['-y', '@modelcontextprotocol/server-gitlab']) },
    { name: 'a name several owners use under their scopes', path: P, text: cursor('npx', ['-y', '@acme/mcp-server']) },
    { name: 'short generic name', path: P, text: cursor('npx', ['-y', '@acme/mcp']) },
    { name: 'far from any popular name', path: P, text: cursor('npx', ['-y', 'my-weather-mcp@1.0.0']) },
    { name: 'PyPI name normalised', path: P, text: cursor('uvx', ['MCP_Server_Fetch==2025.1.1']) },
    { name: 'PyPI name compared with PyPI only', path: P, text: cursor('uvx', ['firecrawl-mpc==1.0.0']) },
    { name: 'popular unscoped name also published under a scope', path: P, text: cursor('npx', ['-y', 'slack-mcp-server']) },
    { name: 'local script', path: P, text: cursor('node', ['./firecrawl-mpc.js']) },
  ],
  invalid: [
    {
      name: 'typo of an unscoped name',
      path: P,
      text: cursor('npx', ['-y', 'firecrawl-mpc@1.0.0']),
      errors: [
        {
          text: 'firecrawl-mpc@1.0.0',
          severity: 'warning',
          server: 's',
          path: ['mcpServers', 's', 'args', 1],
          message: '"firecrawl-mpc" is one edit away from the popular MCP server package "firecrawl-mcp". Check that this is the package you meant.',
        },
      ],
    },
    {
      name: 'typo in the official scope',
      path: P,
      text: cursor('npx', ['-y', '@modelcontextprotocl/server-filesystem', '/tmp']),
      errors: [{ message: 'one edit away from the popular MCP server package "@modelcontextprotocol/server-filesystem"' }],
    },
    {
      name: 'two edits in a long name',
      path: P,
      text: cursor('npx', ['chrome-devtool-mpc']),
      errors: [{ message: '2 edits away from the popular MCP server package "chrome-devtools-mcp"' }],
    },
    {
      name: 'official name under another scope',
      path: P,
      text: cursor('npx', ['-y', '@mcp-official/server-filesystem@1.0.0']),
      errors: [
        {
          text: '@mcp-official/server-filesystem@1.0.0',
          message: 'is the name of the popular MCP server package "@modelcontextprotocol/server-filesystem" under another scope',
        },
      ],
    },
    { name: 'official name without its scope', path: P, text: cursor('npx', ['-y', 'server-sequential-thinking']), errors: [{ message: 'under no scope' }] },
    { name: 'PyPI typo', path: P, text: cursor('uvx', ['mcp-server-fecth']), errors: [{ text: 'mcp-server-fecth', message: '"mcp-server-fetch"' }] },
    {
      name: 'disabled: info',
      path: '/p/.roo/mcp.json',
      text: '{"mcpServers": {"s": {"command": "npx", "args": ["mcp-remot"], "disabled": true}}}',
      errors: [{ severity: 'info', message: '"mcp-remote"' }],
    },
  ],
});
