import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { AcceptedFlow, Policy, PolicyEntry } from './model';

export interface PolicyProblem {
  message: string;
  offset: number;
  length: number;
}

const MATCH_FIELDS = ['name', 'package', 'image', 'command', 'url', 'client'] as const;
const ENTRY_KEYS = new Set<string>([...MATCH_FIELDS, 'versions', 'reason']);
const TOP_KEYS = new Set(['$schema', 'version', 'allow', 'deny', 'acceptedFlows']);

/**
 * Reads a policy file (JSON with comments). Problems point at the offending text. A file with
 * syntax errors yields no policy (half a list would flag servers it does approve); entries with
 * other problems are left out.
 */
export function readPolicy(text: string, source: string): { policy: Policy | undefined; problems: PolicyProblem[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const problems: PolicyProblem[] = errors.map((e) => ({
    message: `JSON syntax error: ${printParseErrorCode(e.error)}`,
    offset: e.offset,
    length: Math.max(1, e.length),
  }));
  if (!root || root.type !== 'object' || problems.length > 0) {
    if (problems.length === 0) problems.push({ message: 'A policy file must hold a JSON object.', offset: 0, length: text.length });
    return { policy: undefined, problems };
  }
  const policy: Policy = { source, deny: [], acceptedFlows: [] };
  for (const prop of root.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) continue;
    const key = String(keyNode.value);
    if (!TOP_KEYS.has(key)) problems.push(at(keyNode, `Unknown key "${key}": a policy has allow, deny and acceptedFlows.`));
    else if (key === 'allow' || key === 'deny') {
      const entries = readEntries(value, key, problems);
      if (key === 'allow') policy.allow = entries;
      else policy.deny = entries;
    } else if (key === 'acceptedFlows') policy.acceptedFlows = readFlows(value, problems);
    else if (key === 'version' && value.value !== 1) problems.push(at(value, 'Unsupported policy version: this MCP Warden reads version 1.'));
  }
  return { policy, problems };
}

function at(node: Node, message: string): PolicyProblem {
  return { message, offset: node.offset, length: node.length };
}

function readEntries(node: Node, list: string, problems: PolicyProblem[]): PolicyEntry[] {
  if (node.type !== 'array') {
    problems.push(at(node, `"${list}" must be a list of entries.`));
    return [];
  }
  const out: PolicyEntry[] = [];
  for (const item of node.children ?? []) {
    const entry = readEntry(item, problems);
    if (entry) out.push(entry);
  }
  return out;
}

function readEntry(node: Node, problems: PolicyProblem[]): PolicyEntry | undefined {
  if (node.type !== 'object') {
    problems.push(at(node, 'An entry must be an object such as {"package": "@modelcontextprotocol/server-*"}.'));
    return undefined;
  }
  const entry: PolicyEntry = {};
  let ok = true;
  for (const prop of node.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) continue;
    const key = String(keyNode.value);
    if (!ENTRY_KEYS.has(key)) {
      problems.push(at(keyNode, `Unknown entry key "${key}": use name, package, image, command, url, client, versions or reason.`));
      ok = false;
    } else if (key === 'versions' || key === 'reason') {
      if (value.type !== 'string') {
        problems.push(at(value, `"${key}" must be a string.`));
        ok = false;
      } else entry[key] = value.value as string;
    } else {
      const patterns = stringList(value);
      if (!patterns) {
        problems.push(at(value, `"${key}" must be a pattern or a list of patterns.`));
        ok = false;
      } else entry[key as (typeof MATCH_FIELDS)[number]] = patterns;
    }
  }
  if (ok && !MATCH_FIELDS.some((f) => entry[f])) {
    problems.push(at(node, 'An entry needs at least one of name, package, image, command, url or client.'));
    return undefined;
  }
  return ok ? entry : undefined;
}

function stringList(node: Node): string[] | undefined {
  const value: unknown = getNodeValue(node);
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

function readFlows(node: Node, problems: PolicyProblem[]): AcceptedFlow[] {
  if (node.type !== 'array') {
    problems.push(at(node, '"acceptedFlows" must be a list of {"servers": [names…], "reason": "…"}.'));
    return [];
  }
  const out: AcceptedFlow[] = [];
  for (const item of node.children ?? []) {
    const value: unknown = getNodeValue(item);
    const f = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const strings = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');
    if (!strings(f.servers) || typeof f.reason !== 'string' || f.reason.trim() === '' || (f.kinds !== undefined && !strings(f.kinds))) {
      problems.push(at(item, 'An accepted flow needs "servers" (names or globs) and a "reason"; "kinds" is optional: ["data-leak", "destructive"].'));
      continue;
    }
    out.push({ servers: [...f.servers], ...(f.kinds !== undefined ? { kinds: [...(f.kinds as string[])] } : {}), reason: f.reason });
  }
  return out;
}
