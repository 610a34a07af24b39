import { child, properties, type DocNode } from '../model/docNode';
import type { ConfigFormat } from '../parse/problem';
import type { ClientId } from './clientIds';
import { isClaudeCodeSettingsPath } from './claudeCodeSettings';

const SERVER_KEYS = ['command', 'url', 'type', 'args', 'serverUrl', 'httpUrl', 'cmd', 'uri'];

function looksLikeServerMap(node: DocNode | undefined): boolean {
  if (!node || node.type !== 'object') return false;
  const entries = [...properties(node)];
  if (entries.length === 0) return true;
  return entries.some(({ value }) => value.type === 'object' && SERVER_KEYS.some((k) => child(value, k)));
}

/** The client a file belongs to, judged from its content (for files whose name does not say). */
export function clientFromContent(root: DocNode | undefined, format: ConfigFormat): ClientId | undefined {
  if (!root || root.type !== 'object') return undefined;
  if (format === 'toml') return child(root, 'mcp_servers') ? 'codex' : undefined;
  const mcpServers = child(root, 'mcpServers');
  if (format === 'yaml') {
    if (mcpServers?.type === 'array') return 'continue';
    const extensions = child(root, 'extensions');
    if (extensions && looksLikeServerMap(extensions)) return 'goose';
    if (mcpServers && looksLikeServerMap(mcpServers)) return 'generic';
    return undefined;
  }
  if (child(root, 'context_servers')) return 'zed';
  if (child(root, 'projects') && (mcpServers || hasProjectServers(child(root, 'projects')))) return 'claude-code';
  if (mcpServers && looksLikeServerMap(mcpServers)) return 'generic';
  const servers = child(root, 'servers');
  if (servers && (child(root, 'inputs') || looksLikeServerMap(servers))) return 'vscode';
  if (child(child(root, 'mcp'), 'servers')) return 'vscode';
  const schema = child(root, '$schema')?.value;
  if (typeof schema === 'string' && /opencode\.ai\//i.test(schema)) return 'opencode';
  return undefined;
}

function hasProjectServers(projects: DocNode | undefined): boolean {
  for (const { value } of properties(projects)) if (child(value, 'mcpServers')) return true;
  return false;
}

/** Files known to hold other settings too: finding no MCP servers there is normal, not an unknown format. */
export function isSharedSettingsFile(client: ClientId, path: string): boolean {
  if (client === 'gemini-cli' || client === 'zed' || client === 'codex' || client === 'goose' || client === 'opencode') return true;
  if (client === 'claude-code' && /\.claude\.json$/i.test(path)) return true;
  if (client === 'claude-code' && isClaudeCodeSettingsPath(path)) return true;
  if (client === 'continue' && /config\.ya?ml$/i.test(path)) return true;
  if (client === 'vscode' && /(settings\.json|\.code-workspace)$/i.test(path)) return true;
  return false;
}
