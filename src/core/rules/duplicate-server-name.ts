import { CLIENTS } from '../config/clients';
import { serversInEffect } from '../engine/project';
import type { ConfigFile } from '../model/configFile';
import { nodeRange } from '../model/docNode';
import type { ServerEntry } from '../model/server';
import type { Rule } from './rule';

/** Which scope wins a name clash, where the client documents it. */
const PRECEDENCE: Partial<Record<string, string>> = {
  'roo-code': 'the project file wins',
  'kilo-code': 'the project file wins',
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

interface Defined {
  file: ConfigFile;
  server: ServerEntry;
}
/** Per client, per name, per scope: every definition of the project. */
type NameIndex = Map<string, Map<string, Map<string, Defined[]>>>;

/** One index per project file list, built once for all of its files (not once per file: that was quadratic). */
const indexes = new WeakMap<readonly ConfigFile[], { size: number; index: NameIndex }>();

function nameIndex(project: Parameters<typeof duplicateServerName.check>[1]['project']): NameIndex {
  const cached = indexes.get(project.files);
  if (cached && cached.size === project.files.length) return cached.index;
  const index: NameIndex = new Map();
  for (const other of project.files) {
    if (!other.client) continue;
    const byName = index.get(other.client) ?? index.set(other.client, new Map()).get(other.client)!;
    for (const server of serversInEffect(other, project)) {
      const byScope = byName.get(server.name) ?? byName.set(server.name, new Map()).get(server.name)!;
      const scope = describeScope(server);
      (byScope.get(scope) ?? byScope.set(scope, []).get(scope)!).push({ file: other, server });
    }
  }
  indexes.set(project.files, { size: project.files.length, index });
  return index;
}

/** Definitions shown in one message and its related locations; the count says how many more. */
const MAX_CLASHES_SHOWN = 20;

function reportAcrossScopes(file: ConfigFile, mine: ServerEntry[], context: Parameters<typeof duplicateServerName.check>[1]): void {
  // The only file of its client, with no local-scope entry: every definition is in one scope, so none can clash across scopes.
  if (!context.project.files.some((f) => f !== file && f.client === file.client) && !mine.some((s) => s.projectPath !== undefined)) return;
  const byName = nameIndex(context.project).get(file.client!);
  const client = CLIENTS[file.client!];
  for (const server of mine) {
    const byScope = byName?.get(server.name);
    if (!byScope || byScope.size < 2) continue;
    const own = describeScope(server);
    const clashes: Defined[] = [];
    let total = 0;
    for (const [scope, defined] of byScope) {
      if (scope === own) continue;
      total += defined.length;
      for (const d of defined) if (clashes.length < MAX_CLASHES_SHOWN) clashes.push(d);
    }
    if (total === 0) continue;
    const more = total > clashes.length ? ` and ${total - clashes.length} more` : '';
    const where = clashes.map((c) => `${describeScope(c.server)} (${baseName(c.file.path)})`).join(', ') + more;
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
