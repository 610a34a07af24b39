import type { ClientId } from '../config/clientIds';
import type { Scope } from '../config/clients';
import type { DocNode, JsonPath } from './docNode';

export type Transport = 'stdio' | 'http' | 'sse' | 'unknown';

/** A string the client passes on, with where it stands in the file. */
export interface StringField {
  value: string;
  node: DocNode;
  path: JsonPath;
}

/** An `env` or `headers` entry. `value` is undefined for non-scalar values. */
export interface KeyValueField {
  key: string;
  keyNode: DocNode;
  value: string | undefined;
  node: DocNode;
  path: JsonPath;
}

/** One MCP server as any client describes it. */
export interface ServerEntry {
  name: string;
  client: ClientId;
  file: string;
  scope: Scope;
  /** The server's object node. */
  node: DocNode;
  /** Where the name is written: the map key, or Continue's `name` value. */
  nameNode: DocNode;
  path: JsonPath;
  transport: Transport;
  /** The key under which the transport was set explicitly, if it was. */
  declaredType?: string;
  command?: StringField;
  args: StringField[];
  env: KeyValueField[];
  headers: KeyValueField[];
  url?: StringField;
  cwd?: StringField;
  envFile?: StringField;
  disabled: boolean;
  /** Claude Code's local scope: the project folder the entry belongs to. */
  projectPath?: string;
}
