import { child, childOf, items, keyNodeOf, pathOf, properties, scalarText, stringValue, type DocNode } from '../model/docNode';
import type { KeyValueField, ServerEntry, StringField, Transport } from '../model/server';
import type { ClientSpec, FieldNames, Scope } from './clients';

export interface ExtractTarget {
  file: string;
  scope: Scope;
}

/** Every server entry of a parsed file, in the one model, for the given client's layout. */
export function extractServers(root: DocNode | undefined, spec: ClientSpec, target: ExtractTarget): ServerEntry[] {
  const out: ServerEntry[] = [];
  for (const containerPath of spec.serverContainers) {
    for (const { node: container, projectPath } of resolveContainers(root, containerPath)) {
      if (spec.serverList) {
        for (const item of items(container)) {
          const nameNode = child(item, 'name');
          const name = scalarText(nameNode);
          if (item.type !== 'object' || name === undefined || !nameNode) continue;
          out.push(buildServer(name, item, nameNode, spec, target, projectPath));
        }
        continue;
      }
      for (const { key, keyNode, value } of properties(container)) {
        if (value.type !== 'object') continue;
        out.push(buildServer(key, value, keyNode, spec, target, projectPath));
      }
    }
  }
  return out;
}

function resolveContainers(root: DocNode | undefined, path: readonly string[]): { node: DocNode; projectPath?: string }[] {
  let current: { node: DocNode; projectPath?: string }[] = root ? [{ node: root }] : [];
  for (const segment of path) {
    const next: { node: DocNode; projectPath?: string }[] = [];
    for (const entry of current) {
      if (segment === '*') {
        for (const { key, value } of properties(entry.node)) next.push({ node: value, projectPath: key });
      } else {
        const found = child(entry.node, segment);
        if (found) next.push(entry.projectPath === undefined ? { node: found } : { node: found, projectPath: entry.projectPath });
      }
    }
    current = next;
  }
  return current;
}

function buildServer(name: string, node: DocNode, nameNode: DocNode, spec: ClientSpec, target: ExtractTarget, projectPath: string | undefined): ServerEntry {
  const f: FieldNames = spec.fields;
  // Zed's older form nests the launch under `command: {path, args, env}`.
  const nested = child(node, 'command');
  const launch = nested?.type === 'object' ? nested : node;
  const command = stringField(nested?.type === 'object' ? child(nested, 'path') : childOf(node, f.command)?.node);
  const url = childOf(node, f.url);
  const typeNode = childOf(node, f.type);
  const declaredType = stringValue(typeNode?.node);
  const server: ServerEntry = {
    name,
    client: spec.id,
    file: target.file,
    scope: target.scope,
    node,
    nameNode: keyNodeOf(node) ?? nameNode,
    path: pathOf(node),
    transport: inferTransport(declaredType, command !== undefined, url?.key, spec),
    args: items(childOf(launch, f.args)?.node).flatMap((item) => stringFieldList(item)),
    env: keyValues(childOf(launch, f.env)?.node),
    headers: keyValues(childOf(node, f.headers)?.node),
    disabled: isDisabled(node, f),
  };
  if (spec.serverList) server.nameNode = nameNode;
  if (declaredType !== undefined) server.declaredType = declaredType;
  if (command) server.command = command;
  const urlField = stringField(url?.node);
  if (urlField) server.url = urlField;
  const cwd = stringField(childOf(node, f.cwd)?.node);
  if (cwd) server.cwd = cwd;
  const envFile = stringField(childOf(node, f.envFile)?.node);
  if (envFile) server.envFile = envFile;
  if (projectPath !== undefined) server.projectPath = projectPath;
  return server;
}

function stringField(node: DocNode | undefined): StringField | undefined {
  const value = scalarText(node);
  return value === undefined || !node ? undefined : { value, node, path: pathOf(node) };
}

function stringFieldList(node: DocNode): StringField[] {
  const field = stringField(node);
  return field ? [field] : [];
}

function keyValues(node: DocNode | undefined): KeyValueField[] {
  const out: KeyValueField[] = [];
  for (const { key, keyNode, value } of properties(node)) {
    out.push({ key, keyNode, value: scalarText(value), node: value, path: pathOf(value) });
  }
  return out;
}

function isDisabled(node: DocNode, f: FieldNames): boolean {
  if (childOf(node, f.disabled)?.node.value === true) return true;
  return childOf(node, f.enabled)?.node.value === false;
}

const TRANSPORTS: Record<string, Transport> = {
  stdio: 'stdio',
  local: 'stdio',
  http: 'http',
  'streamable-http': 'http',
  streamablehttp: 'http',
  streamable_http: 'http',
  sse: 'sse',
};

function inferTransport(declared: string | undefined, hasCommand: boolean, urlKey: string | undefined, spec: ClientSpec): Transport {
  if (declared !== undefined) {
    const known = TRANSPORTS[declared.toLowerCase()];
    if (known) return known;
  }
  if (hasCommand) return 'stdio';
  if (urlKey !== undefined) {
    if (spec.id === 'gemini-cli') return urlKey === 'httpUrl' ? 'http' : 'sse';
    return 'http';
  }
  return 'unknown';
}
