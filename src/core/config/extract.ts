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
      if (container.type !== 'object' || !container.children) continue;
      for (const prop of container.children) {
        const pair = prop.children;
        if (!pair || pair.length < 2 || pair[1]!.type !== 'object') continue;
        const key = String(pair[0]!.value);
        out.push(buildServer(key, pair[1]!, pair[0]!, [...containerJsonPath, key], spec, target, projectPath));
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
  /** The key `first` found. */
  foundKey = '';

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

  /** The first of several alternative keys that is present (its key is then `foundKey`). */
  first(keys: readonly string[]): DocNode | undefined {
    for (const key of keys) {
      const node = this.get(key);
      if (node) {
        this.foundKey = key;
        return node;
      }
    }
    return undefined;
  }
}

/**
 * A string field of an entry. Its JSON path is made only when asked for (a finding names it), from
 * the path of the object holding it, which the fields of one object share.
 */
class FieldAt implements StringField {
  constructor(
    readonly value: string,
    readonly node: DocNode,
    private readonly holder: JsonPath,
    private readonly key: string | number,
  ) {}

  get path(): JsonPath {
    return [...this.holder, this.key];
  }
}

/** An `env` or `headers` entry, with its path made when asked for, as `FieldAt`. */
class KeyValueAt implements KeyValueField {
  constructor(
    readonly key: string,
    readonly keyNode: DocNode,
    readonly value: string | undefined,
    readonly node: DocNode,
    private readonly holder: JsonPath,
  ) {}

  get path(): JsonPath {
    return [...this.holder, this.key];
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
  const zed = nested?.type === 'object';
  const launch = zed ? new Fields(nested, [...path, 'command']) : own;
  const commandNode = zed ? undefined : own.first(f.command);
  // OpenCode writes the program and its arguments as one array: `command: ["npx", "-y", "pkg"]`.
  const commandList = commandNode?.type === 'array' ? stringList(commandNode, [...path, own.foundKey]) : NO_FIELDS;
  const command = zed ? stringField(launch.get('path'), launch, 'path') : (commandList[0] ?? stringField(commandNode, own, own.foundKey));
  const urlNode = own.first(f.url);
  const urlKey = urlNode ? own.foundKey : undefined;
  const declaredType = stringValue(own.first(f.type));
  const argsNode = launch.first(f.args);
  const listedArgs = argsNode ? stringList(argsNode, [...launch.path, launch.foundKey]) : NO_FIELDS;
  const args = commandList.length > 1 ? [...commandList.slice(1), ...listedArgs] : listedArgs;
  const envNode = launch.first(f.env);
  const env = envNode ? keyValues(envNode, [...launch.path, launch.foundKey]) : NO_FIELDS;
  const headersNode = own.first(f.headers);
  const headers = headersNode ? keyValues(headersNode, [...path, own.foundKey]) : NO_FIELDS;
  const server: ServerEntry = {
    name,
    client: spec.id,
    file: target.file,
    scope: target.scope,
    node,
    nameNode: spec.serverList ? nameNode : (keyNodeOf(node) ?? nameNode),
    path,
    transport: inferTransport(declaredType, command !== undefined, urlKey, spec),
    args,
    env,
    headers,
    disabled: own.first(f.disabled)?.value === true || own.first(f.enabled)?.value === false,
  };
  if (declaredType !== undefined) server.declaredType = declaredType;
  if (command) server.command = command;
  const urlField = urlKey === undefined ? undefined : stringField(urlNode, own, urlKey);
  if (urlField) server.url = urlField;
  const cwd = stringField(own.first(f.cwd), own, own.foundKey);
  if (cwd) server.cwd = cwd;
  const envFile = stringField(own.first(f.envFile), own, own.foundKey);
  if (envFile) server.envFile = envFile;
  if (projectPath !== undefined) server.projectPath = projectPath;
  return server;
}

/** The empty list of every entry without args, env or headers (never changed: lists are only read). */
const NO_FIELDS: never[] = Object.freeze([]) as never[];

/** A scalar field `key` found in `holder` (the server's object, or Zed's nested launch object). */
function stringField(node: DocNode | undefined, holder: Fields, key: string): StringField | undefined {
  const value = scalarText(node);
  return value === undefined || !node ? undefined : new FieldAt(value, node, holder.path, key);
}

function stringList(node: DocNode, path: JsonPath): StringField[] {
  if (node.type !== 'array' || !node.children || node.children.length === 0) return NO_FIELDS;
  const children = node.children;
  // Sized once (entries are kept for the whole lint; a list grown by push reserves room it never uses).
  let count = 0;
  for (let index = 0; index < children.length; index++) if (isScalar(children[index]!)) count++;
  const out = new Array<StringField>(count);
  count = 0;
  for (let index = 0; index < children.length; index++) {
    const item = children[index]!;
    const value = scalarText(item);
    if (value !== undefined) out[count++] = new FieldAt(value, item, path, index);
  }
  return out;
}

/** Whether `scalarText` reads the node (without making its text). */
function isScalar(node: DocNode): boolean {
  return node.type === 'string' || node.type === 'number' || node.type === 'boolean';
}

function keyValues(node: DocNode, path: JsonPath): KeyValueField[] {
  if (node.type !== 'object' || !node.children || node.children.length === 0) return NO_FIELDS;
  const props = node.children;
  let count = 0;
  for (let i = 0; i < props.length; i++) if (props[i]!.children?.[0] && props[i]!.children?.[1]) count++;
  const out = new Array<KeyValueField>(count);
  count = 0;
  for (let i = 0; i < props.length; i++) {
    const keyNode = props[i]!.children?.[0];
    const value = props[i]!.children?.[1];
    if (!keyNode || !value) continue;
    out[count++] = new KeyValueAt(String(keyNode.value), keyNode, scalarText(value), value, path);
  }
  return out;
}

const TRANSPORTS: Record<string, Transport> = {
  stdio: 'stdio',
  local: 'stdio',
  remote: 'http',
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
