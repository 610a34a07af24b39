import type { ConfigFormat } from '../parse/problem';
import type { ClientId } from './clientIds';

export type Scope = 'workspace' | 'user' | 'managed';

/** Where a client keeps the fields of one server. Alternatives are tried in order. */
export interface FieldNames {
  type: readonly string[];
  command: readonly string[];
  args: readonly string[];
  env: readonly string[];
  url: readonly string[];
  headers: readonly string[];
  cwd: readonly string[];
  envFile: readonly string[];
  /** `disabled: true` turns the server off. */
  disabled: readonly string[];
  /** `enabled: false` turns the server off. */
  enabled: readonly string[];
}

export interface ClientSpec {
  id: ClientId;
  name: string;
  format: ConfigFormat;
  /**
   * Whether the client's reader accepts comments and trailing commas: `false` makes them errors,
   * `'unknown'` stays silent (no false alarm on a guess).
   */
  allowsComments: boolean | 'unknown';
  /** Paths of the maps (or lists, see `serverList`) holding the servers; `*` matches any key. */
  serverContainers: readonly (readonly string[])[];
  /** Servers are a list of objects with a `name` (Continue) instead of a map from name to object. */
  serverList?: boolean;
  fields: FieldNames;
  /** How the client lets a file refer to a value kept elsewhere, for the docs and the secret fix. */
  interpolation: string;
  /** Facts about this client's format that are not verified from its own source or docs. */
  uncertain?: string;
}

const BASE: FieldNames = {
  type: ['type', 'transportType'],
  command: ['command'],
  args: ['args'],
  env: ['env'],
  url: ['url'],
  headers: ['headers'],
  cwd: ['cwd'],
  envFile: ['envFile'],
  disabled: ['disabled'],
  enabled: ['enabled'],
};

const mcpServers = [['mcpServers']] as const;

export const CLIENTS: Record<ClientId, ClientSpec> = {
  vscode: {
    id: 'vscode',
    name: 'VS Code',
    format: 'jsonc',
    allowsComments: true,
    serverContainers: [['servers'], ['mcp', 'servers']],
    fields: BASE,
    interpolation: '`${input:id}` (with an `inputs` entry, `password: true`), `${env:NAME}`, `${workspaceFolder}`, `${userHome}`',
    uncertain: 'User-profile files of non-default profiles (`User/profiles/<id>/mcp.json`) are read when found but their location is not documented.',
  },
  cursor: {
    id: 'cursor',
    name: 'Cursor',
    format: 'json',
    allowsComments: 'unknown',
    serverContainers: mcpServers,
    fields: BASE,
    interpolation: '`${env:NAME}`, `${userHome}`, `${workspaceFolder}` in command, args, env, url and headers',
    uncertain: 'Whether Cursor accepts comments in mcp.json, and whether it has a per-server `disabled` flag, is not documented.',
  },
  'claude-desktop': {
    id: 'claude-desktop',
    name: 'Claude Desktop',
    format: 'json',
    allowsComments: false,
    serverContainers: mcpServers,
    fields: BASE,
    interpolation: 'none documented',
    uncertain: 'No documented interpolation; the Linux path is unofficial (no official Linux build).',
  },
  'claude-code': {
    id: 'claude-code',
    name: 'Claude Code',
    format: 'json',
    allowsComments: false,
    serverContainers: [['mcpServers'], ['projects', '*', 'mcpServers']],
    fields: BASE,
    interpolation: '`${VAR}` and `${VAR:-default}` in command, args, env, url and headers',
  },
  windsurf: {
    id: 'windsurf',
    name: 'Windsurf',
    format: 'json',
    allowsComments: 'unknown',
    serverContainers: mcpServers,
    fields: { ...BASE, url: ['serverUrl', 'url'] },
    interpolation: '`${env:NAME}` in command, args, env, serverUrl, url and headers',
    uncertain: '`disabled`/`disabledTools` and comment support are not documented.',
  },
  cline: {
    id: 'cline',
    name: 'Cline',
    format: 'json',
    allowsComments: false,
    serverContainers: mcpServers,
    fields: BASE,
    interpolation: 'none',
  },
  'roo-code': {
    id: 'roo-code',
    name: 'Roo Code',
    format: 'json',
    allowsComments: false,
    serverContainers: mcpServers,
    fields: BASE,
    interpolation: '`${env:NAME}` in env values',
    uncertain: 'Field list taken from third-party quotes of the Roo Code schema.',
  },
  kiro: {
    id: 'kiro',
    name: 'Kiro',
    format: 'json',
    allowsComments: 'unknown',
    serverContainers: mcpServers,
    fields: BASE,
    interpolation: '`${NAME}` (unverified)',
    uncertain: "Kiro's format is inferred from peer scanners (same `mcpServers` shape as Claude); not verified against its docs.",
  },
  'amazon-q': {
    id: 'amazon-q',
    name: 'Amazon Q Developer',
    format: 'json',
    allowsComments: 'unknown',
    serverContainers: mcpServers,
    fields: BASE,
    interpolation: 'none documented',
    uncertain: 'Remote `url`/`headers` fields and interpolation are not documented.',
  },
  'gemini-cli': {
    id: 'gemini-cli',
    name: 'Gemini CLI',
    format: 'json',
    allowsComments: 'unknown',
    serverContainers: mcpServers,
    fields: { ...BASE, url: ['httpUrl', 'url'] },
    interpolation: '`$VAR` or `${VAR}` in env values',
    uncertain: 'Whether comments are tolerated in settings.json is not documented.',
  },
  zed: {
    id: 'zed',
    name: 'Zed',
    format: 'jsonc',
    allowsComments: true,
    serverContainers: [['context_servers']],
    fields: BASE,
    interpolation: 'none documented',
    uncertain:
      'Remote `url`/`headers`, the Windows path, the project file `.zed/settings.json` and the older nested `command: {path, args, env}` form are not verified.',
  },
  codex: {
    id: 'codex',
    name: 'OpenAI Codex CLI',
    format: 'toml',
    allowsComments: true,
    serverContainers: [['mcp_servers']],
    fields: { ...BASE, headers: ['http_headers'], type: [] },
    interpolation: 'none; secrets by indirection: `env_vars`, `bearer_token_env_var`, `env_http_headers`',
  },
  continue: {
    id: 'continue',
    name: 'Continue',
    format: 'yaml',
    allowsComments: true,
    serverContainers: mcpServers,
    serverList: true,
    fields: BASE,
    interpolation: '`${{ secrets.NAME }}`, `${{ inputs.NAME }}`',
  },
  goose: {
    id: 'goose',
    name: 'Goose',
    format: 'yaml',
    allowsComments: true,
    serverContainers: [['extensions']],
    fields: { ...BASE, command: ['cmd', 'command'], env: ['envs', 'env'], url: ['uri', 'url'] },
    interpolation: 'none; secrets go to the OS keyring (`env_keys`)',
    uncertain: 'The Windows path differs between sources.',
  },
  'lm-studio': {
    id: 'lm-studio',
    name: 'LM Studio',
    format: 'json',
    allowsComments: 'unknown',
    serverContainers: mcpServers,
    fields: BASE,
    interpolation: 'none documented',
    uncertain: 'The on-disk location `~/.lmstudio/mcp.json` is common but not documented.',
  },
  'kilo-code': {
    id: 'kilo-code',
    name: 'Kilo Code',
    format: 'json',
    allowsComments: false,
    serverContainers: mcpServers,
    fields: BASE,
    interpolation: '`${env:NAME}` in env values',
    uncertain:
      'Kilo Code began as a fork of Roo Code and documents the same fields (alwaysAllow, disabled, type, url, headers) for `.kilocode/mcp.json`; its newer releases also read an OpenCode-style `kilo.jsonc`, which is not linted.',
  },
  'firebase-studio': {
    id: 'firebase-studio',
    name: 'Firebase Studio',
    format: 'json',
    allowsComments: 'unknown',
    serverContainers: mcpServers,
    fields: BASE,
    interpolation: 'none documented (values come from the workspace `.env` file)',
    uncertain: 'Only the `mcpServers` map of `.idx/mcp.json` is documented; which fields beyond command, args, env, url and headers it reads is not.',
  },
  opencode: {
    id: 'opencode',
    name: 'OpenCode',
    format: 'jsonc',
    allowsComments: true,
    serverContainers: [['mcp']],
    fields: { ...BASE, env: ['environment'] },
    interpolation: '`{env:NAME}` and `{file:path}` anywhere in the file',
    uncertain:
      "Fields are from OpenCode's config docs and schema (`type` local/remote, `command` as one array, `environment`, `headers`, `enabled`); its `permission` and `tools` settings are not linted.",
  },
  'copilot-cli': {
    id: 'copilot-cli',
    name: 'GitHub Copilot CLI',
    format: 'json',
    allowsComments: 'unknown',
    serverContainers: mcpServers,
    fields: BASE,
    interpolation: 'not documented',
    uncertain: "Field set assumed to match Claude's.",
  },
  'mcp-warden': {
    id: 'mcp-warden',
    name: 'MCP Warden (served to VS Code)',
    format: 'jsonc',
    allowsComments: true,
    serverContainers: [['servers']],
    fields: BASE,
    interpolation: '`${secret:NAME}` (SecretStorage), `${workspaceFolder}`, `${userHome}`, `${env:NAME}`',
  },
  generic: {
    id: 'generic',
    name: 'MCP config (mcpServers)',
    format: 'json',
    allowsComments: 'unknown',
    serverContainers: mcpServers,
    fields: { ...BASE, url: ['url', 'serverUrl', 'httpUrl'] },
    interpolation: 'depends on the client that reads it',
  },
};
