import { CLIENTS } from '../config/clients';
import { child, childOf, items, type DocNode } from '../model/docNode';
import type { ServerEntry } from '../model/server';
import type { Rule, RuleContext } from './rule';
import { disabledBy } from '../config/disabledBy';

/**
 * A server entry its client cannot start: no command and no URL, an empty command, or fields of
 * the wrong type (args not a list of strings, env/headers not a map).
 */
export const invalidServerEntry: Rule = {
  meta: {
    id: 'invalid-server-entry',
    category: 'config',
    defaultSeverity: 'error',
    description: 'A server entry is missing what its client needs to start it, or has fields of the wrong type.',
  },
  check(file, context) {
    if (!file.client) return;
    const fields = (file.client === 'continue' && file.format !== 'yaml' ? CLIENTS.generic : CLIENTS[file.client]).fields;
    const syntaxErrors = file.problems.filter((p) => p.kind === 'syntax');
    const starts = file.servers.map((s) => s.node.offset).sort((a, b) => a - b);
    for (const server of file.servers) {
      if (disabledBy(server, file, context.project)) continue;
      // parse-error already speaks for a server with a syntax error inside; its fields are guesses.
      const end = extentEnd(file.format, server.node.offset + server.node.length, starts, file.text.length);
      if (syntaxErrors.some((p) => p.offset >= server.node.offset && p.offset < end)) continue;
      if (server.command && server.command.value.trim() === '') {
        context.report({ server, node: server.command.node, message: `Server "${server.name}" has an empty command.` });
      }
      if (!server.command && !server.url && !child(server.node, 'command')) {
        if (isBuiltIn(server)) continue;
        const url = fields.url.map((k) => '`' + k + '`').join(' or ');
        context.report({
          server,
          node: server.nameNode,
          message: `Server "${server.name}" has neither \`${fields.command[0]}\` nor ${url}: the client cannot start or reach it.`,
        });
      }
      checkType(context, server, childOf(server.node, fields.args)?.node, 'array', 'args', 'a list of strings');
      checkType(context, server, childOf(server.node, fields.env)?.node, 'object', fields.env[0]!, 'a map of names to strings');
      checkType(context, server, childOf(server.node, fields.headers)?.node, 'object', fields.headers[0]!, 'a map of header names to strings');
      for (const item of items(childOf(server.node, fields.args)?.node)) {
        if (item.type === 'object' || item.type === 'array' || item.type === 'null') {
          context.report({
            server,
            node: item,
            message: `An argument of "${server.name}" is ${article(item.type)}, not a string: the client will reject or mangle it.`,
          });
        }
      }
    }
  },
};

/**
 * Where a server's text ends. A TOML table runs on to the next table, but its node ends at the last
 * key that parsed, so a broken line right after it would fall outside.
 */
function extentEnd(format: string, nodeEnd: number, serverStarts: number[], textEnd: number): number {
  if (format !== 'toml') return nodeEnd;
  const next = serverStarts.find((start) => start >= nodeEnd);
  return next ?? textEnd;
}

/** Goose's built-in extensions and Zed's extension-provided servers need no command. */
function isBuiltIn(server: ServerEntry): boolean {
  if (server.client === 'goose') return ['builtin', 'platform', 'frontend', 'inline_python'].includes(String(child(server.node, 'type')?.value ?? ''));
  if (server.client === 'zed') return child(server.node, 'source')?.value === 'extension' || !child(server.node, 'command');
  return false;
}

function checkType(context: RuleContext, server: ServerEntry, node: DocNode | undefined, want: 'array' | 'object', key: string, expected: string): void {
  if (!node || node.type === want || node.type === 'null') return;
  context.report({ server, node, message: `\`${key}\` of "${server.name}" must be ${expected}, not ${article(node.type)}.` });
}

function article(type: string): string {
  return type === 'array' || type === 'object' ? `an ${type}` : `a ${type}`;
}
