import { unpinnedPackage } from '../../../src/core/rules/unpinned-package';
import { ruleTable } from '../helpers/ruleTester';

const cursor = (args: string[]) => JSON.stringify({ mcpServers: { s: { command: 'npx', args } } }, null, 2);
const P = '/p/.cursor/mcp.json';

// Issue 13: an unpinned launch of a package with an open advisory (no fixed release) says so.
ruleTable(unpinnedPackage, {
  valid: [{ name: 'pinned to a clean release', path: P, text: cursor(['-y', 'postmark-mcp@1.0.15']) }],
  invalid: [
    {
      name: 'no version, open malicious record',
      path: P,
      text: cursor(['-y', 'postmark-mcp']),
      errors: [{ text: 'postmark-mcp', message: 'Pin an exact version. Newest: MAL-2025-47604 (malicious), unfixed.' }],
    },
    {
      name: 'advisories with a fix are not mentioned',
      path: P,
      text: cursor(['-y', 'mcp-remote', 'https://x.example/sse']),
      errors: [{ message: /Pin an exact version\.$/ }],
    },
  ],
});
