import { isClaudeCodeSettingsPath } from '../config/claudeCodeSettings';
import { CLIENTS } from '../config/clients';
import { child, properties } from '../model/docNode';
import type { Rule } from './rule';

const KEYS_OF_OTHER_CLIENTS: { key: string; owner: string }[] = [
  { key: 'servers', owner: 'VS Code' },
  { key: 'mcpServers', owner: 'Claude, Cursor and most other clients' },
  { key: 'context_servers', owner: 'Zed' },
  { key: 'mcp_servers', owner: 'Codex' },
];

/**
 * A client's own file whose servers sit under another client's key (a Cursor file with `servers`,
 * a VS Code file with `mcpServers`): the client loads none of them.
 */
export const misplacedServersKey: Rule = {
  meta: {
    id: 'misplaced-servers-key',
    category: 'config',
    defaultSeverity: 'error',
    description: 'Servers are listed under a key this client does not read.',
  },
  check(file, context) {
    if (!file.client || file.client === 'generic' || file.clientSource === 'content' || file.servers.length > 0) return;
    if (file.client === 'claude-code' && isClaudeCodeSettingsPath(file.path)) {
      const container = child(file.root, 'mcpServers');
      if (!container || container.type !== 'object' || [...properties(container)].length === 0) return;
      context.report({
        node: container.parent?.children?.[0] ?? container,
        path: ['mcpServers'],
        message:
          'Claude Code reads no servers from its settings files: none of these is loaded. Put them in .mcp.json (project) or add them with `claude mcp add`.',
      });
      return;
    }
    const spec = CLIENTS[file.client];
    const ownKeys = new Set(spec.serverContainers.map((p) => p[0]));
    for (const { key, owner } of KEYS_OF_OTHER_CLIENTS) {
      if (ownKeys.has(key)) continue;
      const container = child(file.root, key);
      if (!container || container.type !== 'object' || [...properties(container)].length === 0) continue;
      const keyNode = container.parent?.children?.[0];
      const expected = spec.serverContainers.map((p) => '`' + p.join('.') + '`').join(' or ');
      context.report({
        node: keyNode ?? container,
        path: [key],
        message: `${spec.name} reads servers from ${expected}, not \`${key}\` (the key of ${owner}): none of these servers is loaded.`,
      });
    }
  },
};
