import type { ClientId } from '../config/clientIds';
import { child, items, nodeRange, type DocNode } from '../model/docNode';
import type { Rule } from './rule';
import { disabledBy } from '../config/disabledBy';
import { plural } from '../text/plural';

/** From this many dangerous tools in one list, one finding names them all (each a related location) instead of one each. */
const GROUP_FROM = 3;

/** Per client, the keys that make tools run without asking (a client ignores the others' keys). */
const KEYS: Partial<Record<ClientId, readonly string[]>> = {
  cline: ['autoApprove'],
  kiro: ['autoApprove'],
  'roo-code': ['alwaysAllow'],
  'kilo-code': ['alwaysAllow'],
  'gemini-cli': ['trust'],
  generic: ['autoApprove', 'alwaysAllow', 'trust'],
};

/**
 * Keys a client ignores but a close fork reads: Roo Code began as a fork of Cline, and a
 * `cline_mcp_settings.json` holding `alwaysAllow` was most likely written for it (early Roo releases used
 * that file name). Reported as info, since the client the file name points to would still ask.
 */
const FORK_KEYS: Partial<Record<ClientId, { key: string; fork: string; client: string }>> = {
  cline: { key: 'alwaysAllow', fork: 'Roo Code', client: 'Cline' },
};

const KINDS: { words: RegExp; does: string }[] = [
  { words: /^(?:exec|execute|run|shell|command|cmd|terminal|bash|sh|powershell|eval|evaluate|invoke|spawn|script|subprocess)$/, does: 'runs commands or code' },
  {
    words: /^(?:delete|remove|rm|rmdir|drop|truncate|kill|destroy|purge|wipe|erase|reset|unlink|terminate|revoke|uninstall|overwrite)$/,
    does: 'deletes or overwrites data',
  },
  { words: /^(?:send|post|email|mail|message|notify|tweet|publish|share|webhook|sms|invite|upload|transfer|pay)$/, does: 'sends data out' },
  {
    words:
      /^(?:write|edit|update|create|move|rename|commit|push|merge|patch|put|set|install|deploy|insert|modify|append|replace|apply|save|mkdir|copy|approve|close|fork)$/,
    does: 'changes files or remote state',
  },
];

/** A name that starts with one of these reads what the rest names: `get_deploy` reports a deploy, `list_merge_requests` lists them. */
const READS = /^(?:get|list|read|search|find|describe|show|view|lookup|inspect|count|check|retrieve|preview|explain|status)$/;

/** What a tool does that should not happen unasked, judged from its name (`delete_file`, `runCommand` …). */
export function dangerOf(toolName: string): string | undefined {
  const words = toolName
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  // After a reading verb the other words name what is read, unless a second verb follows ("search_and_replace").
  const verbs = READS.test(words[0] ?? '') ? words.filter((_, i) => i > 0 && /^(?:and|then|or)$/.test(words[i - 1]!)) : words;
  return KINDS.find((k) => verbs.some((w) => k.words.test(w)))?.does;
}

/**
 * Tools that run without the user's confirmation: `trust: true` (Gemini CLI), `"*"` in an auto-approve
 * list, or a listed tool whose name says it executes, deletes, writes or sends. Read-only tools in the
 * list are fine.
 */
export const autoApprove: Rule = {
  meta: {
    id: 'auto-approve',
    category: 'launch',
    defaultSeverity: 'warning',
    description: 'Every tool, or a dangerous tool, of a server runs without asking the user.',
  },
  check(file, context) {
    const keys = file.client ? (KEYS[file.client] ?? []) : [];
    const forkKey = file.client ? FORK_KEYS[file.client] : undefined;
    for (const server of file.servers) {
      if (disabledBy(server, file, context.project)) continue;
      for (const key of forkKey ? [...keys, forkKey.key] : keys) {
        const value: DocNode | undefined = child(server.node, key);
        const fork = key === forkKey?.key ? forkKey : undefined;
        const severity = fork ? ('info' as const) : undefined;
        if (!value) continue;
        if (key === 'trust') {
          if (value.value === true)
            context.report({
              server,
              node: value,
              message: `"trust": true lets every tool of "${server.name}" run without confirmation: a prompt-injected model can use all of them without you seeing it.`,
            });
          continue;
        }
        const dangerous: { tool: string; does: string; item: DocNode }[] = [];
        for (const item of items(value)) {
          const tool = typeof item.value === 'string' ? item.value : undefined;
          if (tool === undefined) continue;
          if (tool.trim() === '*') {
            context.report({
              server,
              node: item,
              severity,
              message: fork
                ? `"*" in ${key} would let every tool of "${server.name}" run without confirmation in ${fork.fork} (${fork.client} ignores this key).`
                : `"*" in ${key} lets every tool of "${server.name}" run without confirmation: a prompt-injected model can use all of them without you seeing it.`,
            });
            continue;
          }
          const does = dangerOf(tool);
          if (does) dangerous.push({ tool, does, item });
        }
        const report = (at: DocNode, message: string, related?: { tool: string; does: string; item: DocNode }[]) =>
          context.report({
            server,
            node: at,
            severity,
            message,
            related: related?.map((d) => ({ file, range: nodeRange(d.item), message: `"${d.tool}" ${d.does}` })),
          });
        const unasked = fork
          ? `would run without confirmation in ${fork.fork} (${fork.client} ignores this key)`
          : `runs without confirmation (${key}): a prompt-injected model can call it without you seeing it`;
        if (dangerous.length < GROUP_FROM) {
          for (const d of dangerous) report(d.item, `Tool "${d.tool}" of "${server.name}" ${d.does} and ${unasked}.`);
          continue;
        }
        const names = dangerous
          .slice(0, 3)
          .map((d) => `"${d.tool}"`)
          .join(', ');
        report(
          dangerous[0]!.item,
          `${plural(dangerous.length, 'tool')} of "${server.name}" that run code, change, delete or send (${names}${dangerous.length > 3 ? ', …' : ''}) run without confirmation (${key})${fork ? ` in ${fork.fork}; ${fork.client} ignores this key` : ''}.`,
          dangerous,
        );
      }
    }
  },
};
