import { CLIENTS } from '../config/clients';
import { serversInEffect } from '../engine/project';
import type { ConfigFile } from '../model/configFile';
import { nodeRange } from '../model/docNode';
import type { ServerEntry } from '../model/server';
import type { Rule } from './rule';

/** Which scope wins a name clash, where the client documents it. */
const PRECEDENCE: Partial<Record<string, string>> = {
  'roo-code': 'the project file wins',
  'claude-code': 'local scope wins over project, project over user',
};

function describeScope(server: ServerEntry): string {
  if (server.projectPath !== undefined) return 'local scope';
  return `${server.scope} scope`;
}

/**
 * A server name defined twice where one client reads both: twice in one map (only the last is
 * kept), or in two scopes of the same client (one shadows the other, silently).
 */
export const duplicateServerName: Rule = {
  meta: {
    id: 'duplicate-server-name',
    category: 'config',
    defaultSeverity: 'warning',
    description: 'The same server name is defined twice for one client.',
  },
  check(file, context) {
    if (!file.client) return;
    const mine = serversInEffect(file, context.project);
    const seen = new Map<string, ServerEntry>();
    for (const server of mine) {
      const key = `${server.projectPath ?? ''}\u0000${server.name}`;
      const earlier = seen.get(key);
      seen.set(key, server);
      if (!earlier) continue;
      context.report({
        server,
        node: server.nameNode,
        message: `Server "${server.name}" is defined twice in this file: only this last definition is used.`,
        related: [{ file, range: nodeRange(earlier.nameNode), message: 'Earlier definition, ignored by the client' }],
      });
      context.report({
        server: earlier,
        node: earlier.nameNode,
        message: `Server "${earlier.name}" is defined again later in this file, which replaces this definition.`,
        related: [{ file, range: nodeRange(server.nameNode), message: 'Later definition, the one used' }],
      });
    }
    reportAcrossScopes(file, mine, context);
  },
};

function reportAcrossScopes(file: ConfigFile, mine: ServerEntry[], context: Parameters<typeof duplicateServerName.check>[1]): void {
  const byName = new Map<string, { file: ConfigFile; server: ServerEntry }[]>();
  for (const other of context.project.files) {
    if (other.client !== file.client) continue;
    for (const server of serversInEffect(other, context.project)) {
      const list = byName.get(server.name);
      if (list) list.push({ file: other, server });
      else byName.set(server.name, [{ file: other, server }]);
    }
  }
  const client = CLIENTS[file.client!];
  for (const server of mine) {
    const sameName = byName.get(server.name) ?? [];
    if (sameName.length < 2) continue;
    const clashes = sameName.filter((o) => o.server !== server && describeScope(o.server) !== describeScope(server));
    if (clashes.length === 0) continue;
    const where = clashes.map((c) => `${describeScope(c.server)} (${baseName(c.file.path)})`).join(', ');
    const rule = PRECEDENCE[client.id];
    context.report({
      server,
      node: server.nameNode,
      message: `Server "${server.name}" is also defined in the ${where} of ${client.name}${rule ? `: ${rule}` : ''}. One definition silently shadows the other.`,
      related: clashes.map((c) => ({ file: c.file, range: nodeRange(c.server.nameNode), message: `Also defined here (${describeScope(c.server)})` })),
    });
  }
}

function baseName(path: string): string {
  return path.replace(/\\/g, '/').split('/').slice(-2).join('/');
}
