import type { ConfigFile } from '../model/configFile';
import { decodeConfigBytes } from '../parse/decode';
import { parseJson } from '../parse/json';
import type { ConfigFormat, ParseOutput, ParseProblem } from '../parse/problem';
import { parseToml } from '../parse/toml';
import { parseYaml } from '../parse/yaml';
import { LineIndex } from '../text/lineIndex';
import type { ClientId } from './clientIds';
import { CLIENTS, type ClientSpec, type Scope } from './clients';
import { claudeCodeSettingsProblems, isClaudeCodeSettingsPath } from './claudeCodeSettings';
import { clientFromContent, isSharedSettingsFile } from './detect';
import { extractServers } from './extract';
import { clientFromPath, isCodeWorkspacePath, scopeFromPath } from './locations';

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface LoadOptions {
  path: string;
  /** Forces the dialect (CLI `--client`). */
  client?: ClientId;
  /** Known scope (from discovery); otherwise inferred from the path. */
  scope?: Scope;
  home?: string;
  explicit?: boolean;
}

/** Reads a config from raw bytes: decoding problems (binary, size, encoding) become parse problems. */
export function loadConfigBytes(bytes: Uint8Array, options: LoadOptions & { maxFileBytes?: number; byteLength?: number }): ConfigFile {
  const decoded = decodeConfigBytes(bytes, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, options.byteLength);
  if (decoded.binary) return emptyConfig(options, decoded.problems);
  const file = loadConfigText(decoded.text, options);
  file.problems.unshift(...decoded.problems);
  return file;
}

/** Parses a config's text (as an editor holds it) into the common model. */
export function loadConfigText(text: string, options: LoadOptions): ConfigFile {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const byPath = clientFromPath(options.path);
  const format = chooseFormat(options.path, text, options.client ?? byPath?.client);
  const preliminary = options.client ?? byPath?.client;
  const strict = preliminary ? CLIENTS[preliminary].allowsComments === false && format === 'json' : false;
  const parsed = parse(text, format, strict);
  let client: ClientId | undefined = preliminary;
  let clientSource: ConfigFile['clientSource'] = options.client ? 'forced' : byPath ? 'path' : undefined;
  if (!client) {
    client = clientFromContent(parsed.root, format);
    if (client) clientSource = 'content';
  }
  const scope = options.scope ?? byPath?.scope ?? scopeFromPath(options.path, options.home);
  // Claude Code's settings files decide which project servers load but hold none (it ignores `mcpServers` there).
  const settingsOnly = client === 'claude-code' && isClaudeCodeSettingsPath(options.path);
  const spec = client && !settingsOnly ? specFor(client, format, options.path) : undefined;
  return {
    path: options.path,
    text,
    format,
    client,
    clientSource,
    scope,
    root: parsed.root,
    problems: settingsOnly ? [...parsed.problems, ...claudeCodeSettingsProblems({ path: options.path, root: parsed.root })] : parsed.problems,
    servers: spec ? extractServers(parsed.root, spec, { file: options.path, scope }) : [],
    sharedSettings: client ? isSharedSettingsFile(client, options.path) : false,
    explicit: options.explicit ?? true,
    lines: new LineIndex(text),
  };
}

function emptyConfig(options: LoadOptions, problems: ParseProblem[]): ConfigFile {
  const byPath = clientFromPath(options.path);
  const client = options.client ?? byPath?.client;
  return {
    path: options.path,
    text: '',
    format: chooseFormat(options.path, '', client),
    client,
    clientSource: options.client ? 'forced' : byPath ? 'path' : undefined,
    scope: options.scope ?? byPath?.scope ?? scopeFromPath(options.path, options.home),
    root: undefined,
    problems,
    servers: [],
    sharedSettings: false,
    explicit: options.explicit ?? true,
    lines: new LineIndex(''),
  };
}

/** Continue also reads Claude-style JSON files dropped into its folder: a map, not its YAML list. */
export function specFor(client: ClientId, format: ConfigFormat, path = ''): ClientSpec {
  if (client === 'vscode' && isCodeWorkspacePath(path)) return { ...CLIENTS.vscode, serverContainers: [['settings', 'mcp', 'servers']] };
  if (client === 'continue' && (format === 'json' || format === 'jsonc')) {
    return { ...CLIENTS.generic, id: 'continue', name: CLIENTS.continue.name };
  }
  return CLIENTS[client];
}

function chooseFormat(path: string, text: string, client: ClientId | undefined): ConfigFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.toml')) return 'toml';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.json') || lower.endsWith('.jsonc')) return client && CLIENTS[client].format === 'jsonc' ? 'jsonc' : 'json';
  if (client) return CLIENTS[client].format;
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('//') || start.startsWith('/*') || start === '') return 'jsonc';
  if (/^\s*\[mcp_servers[.\]]/m.test(text) || (/^\s*[A-Za-z0-9_."-]+\s*=\s*/m.test(text) && !/^\s*[A-Za-z0-9_-]+\s*:/m.test(text))) return 'toml';
  return 'yaml';
}

function parse(text: string, format: ConfigFormat, strict: boolean): ParseOutput {
  try {
    if (format === 'yaml') return parseYaml(text);
    if (format === 'toml') return parseToml(text);
    return parseJson(text, strict);
  } catch (e) {
    // The parsers' own guards should make this unreachable; a hostile file must still never crash a scan.
    const overflow = e instanceof RangeError;
    const message = overflow ? 'The file nests too deeply to be read.' : `The file could not be parsed: ${(e as Error).message}`;
    return { root: undefined, problems: [{ kind: overflow ? 'too-deep' : 'syntax', offset: 0, length: 1, message }] };
  }
}
