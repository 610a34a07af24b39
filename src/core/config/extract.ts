import { child, items, keyNodeOf, pathOf, properties, scalarText, stringValue, type DocNode, type JsonPath } from '../model/docNode';
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
      const containerJsonPath = pathOf(container);
      if (spec.serverList) {
        items(container).forEach((item, index) => {
          const nameNode = child(item, 'name');
          const name = scalarText(nameNode);
          if (item.type !== 'object' || name === undefined || !nameNode) return;
          out.push(buildServer(name, item, nameNode, [...containerJsonPath, index], spec, target, projectPath));
        });
        continue;
      }
      for (const { key, keyNode, value } of properties(container)) {
        if (value.type !== 'object') continue;
        out.push(buildServer(key, value, keyNode, [...containerJsonPath, key], spec, target, projectPath));
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

/**
 * The fields of one object, looked up by key with the last duplicate winning (as in JSON.parse).
 * Server objects are small, so a scan beats building a map, and it allocates nothing.
 */
class Fields {
  constructor(
    private readonly node: DocNode,
    readonly path: JsonPath,
  ) {}

  get(key: string): DocNode | undefined {
    const props = this.node.children ?? [];
    for (let i = props.length - 1; i >= 0; i--) {
      const pair = props[i]!.children;
      if (pair && pair.length === 2 && pair[0]!.value === key) return pair[1];
    }
    return undefined;
  }

  /** The first of several alternative keys that is present. */
  first(keys: readonly string[]): { key: string; node: DocNode } | undefined {
    for (const key of keys) {
      const node = this.get(key);
      if (node) return { key, node };
    }
    return undefined;
  }
}

export function buildServer(
  name: string,
  node: DocNode,
  nameNode: DocNode,
  path: JsonPath,
  spec: ClientSpec,
  target: ExtractTarget,
  projectPath: string | undefined,
): ServerEntry {
  const f: FieldNames = spec.fields;
  const own = new Fields(node, path);
  // Zed's older form nests the launch under `command: {path, args, env}`.
  const nested = own.get('command');
  const launch = nested?.type === 'object' ? new Fields(nested, [...path, 'command']) : own;
  const commandAt = nested?.type === 'object' ? at(launch, 'path') : own.first(f.command);
  const command = stringField(commandAt, nested?.type === 'object' ? launch : own);
  const url = own.first(f.url);
  const declaredType = stringValue(own.first(f.type)?.node);
  const argsAt = launch.first(f.args);
  const envAt = launch.first(f.env);
  const headersAt = own.first(f.headers);
  const server: ServerEntry = {
    name,
    client: spec.id,
    file: target.file,
    scope: target.scope,
    node,
    nameNode: spec.serverList ? nameNode : (keyNodeOf(node) ?? nameNode),
    path,
    transport: inferTransport(declaredType, command !== undefined, url?.key, spec),
    args: argsAt ? stringList(argsAt.node, [...launch.path, argsAt.key]) : [],
    env: envAt ? keyValues(envAt.node, [...launch.path, envAt.key]) : [],
    headers: headersAt ? keyValues(headersAt.node, [...path, headersAt.key]) : [],
    disabled: own.first(f.disabled)?.node.value === true || own.first(f.enabled)?.node.value === false,
  };
  if (declaredType !== undefined) server.declaredType = declaredType;
  if (command) server.command = command;
  const urlField = stringField(url, own);
  if (urlField) server.url = urlField;
  const cwd = stringField(own.first(f.cwd), own);
  if (cwd) server.cwd = cwd;
  const envFile = stringField(own.first(f.envFile), own);
  if (envFile) server.envFile = envFile;
  if (projectPath !== undefined) server.projectPath = projectPath;
  return server;
}

function at(fields: Fields, key: string): { key: string; node: DocNode } | undefined {
  const node = fields.get(key);
  return node ? { key, node } : undefined;
}

/** A scalar field found in `holder` (the server's object, or Zed's nested launch object). */
function stringField(found: { key: string; node: DocNode } | undefined, holder: Fields): StringField | undefined {
  const value = scalarText(found?.node);
  return value === undefined || !found ? undefined : { value, node: found.node, path: [...holder.path, found.key] };
}

function stringList(node: DocNode, path: JsonPath): StringField[] {
  const out: StringField[] = [];
  items(node).forEach((item, index) => {
    const value = scalarText(item);
    if (value !== undefined) out.push({ value, node: item, path: [...path, index] });
  });
  return out;
}

function keyValues(node: DocNode, path: JsonPath): KeyValueField[] {
  const out: KeyValueField[] = [];
  for (const prop of node.type === 'object' ? (node.children ?? []) : []) {
    const keyNode = prop.children?.[0];
    const value = prop.children?.[1];
    if (!keyNode || !value) continue;
    const key = String(keyNode.value);
    out.push({ key, keyNode, value: scalarText(value), node: value, path: [...path, key] });
  }
  return out;
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
