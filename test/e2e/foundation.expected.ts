/** One finding the fixture is built to produce; line and column are 1-based, message is a substring. */
export interface ExpectedFinding {
  file: string;
  client: string;
  rule: string;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/** test/e2e/workspaces/foundation: one deliberate problem per client (two in .mcp.json), in position order. */
export const WORKSPACE_FINDINGS: readonly ExpectedFinding[] = [
  {
    file: '.amazonq/mcp.json',
    client: 'Amazon Q Developer',
    rule: 'invalid-server-entry',
    line: 3,
    column: 5,
    severity: 'error',
    message: 'Server "docs" has neither `command` nor `url`',
  },
  {
    file: '.codex/config.toml',
    client: 'OpenAI Codex CLI',
    rule: 'parse-error',
    line: 5,
    column: 8,
    severity: 'error',
    message: 'TOML syntax error: array opened on line 5 is not closed',
  },
  {
    file: '.continue/mcpServers/x.yaml',
    client: 'Continue',
    rule: 'invalid-server-entry',
    line: 11,
    column: 7,
    severity: 'error',
    message: '`env` of "browser" must be a map of names to strings, not an array',
  },
  {
    file: '.cursor/mcp.json',
    client: 'Cursor',
    rule: 'duplicate-server-name',
    line: 3,
    column: 5,
    severity: 'warning',
    message: 'Server "github" is also defined in the user scope (.cursor/mcp.json) of Cursor',
  },
  {
    file: '.gemini/settings.json',
    client: 'Gemini CLI',
    rule: 'invalid-server-entry',
    line: 5,
    column: 18,
    severity: 'error',
    message: 'Server "everything" has an empty command',
  },
  {
    file: '.kiro/settings/mcp.json',
    client: 'Kiro',
    rule: 'parse-error',
    line: 5,
    column: 7,
    severity: 'error',
    message: "JSON syntax error: Comma ',' expected",
  },
  { file: '.mcp.json', client: 'Claude Code', rule: 'parse-error', line: 2, column: 3, severity: 'error', message: 'Comment in a strict JSON file' },
  {
    file: '.mcp.json',
    client: 'Claude Code',
    rule: 'duplicate-server-name',
    line: 4,
    column: 5,
    severity: 'warning',
    message: 'Server "memory" is also defined in the user scope (home/.claude.json) of Claude Code: local scope wins over project, project over user',
  },
  {
    file: '.roo/mcp.json',
    client: 'Roo Code',
    rule: 'invalid-server-entry',
    line: 5,
    column: 15,
    severity: 'error',
    message: '`args` of "filesystem" must be a list of strings, not a string',
  },
  {
    file: '.vscode/mcp.json',
    client: 'VS Code',
    rule: 'misplaced-servers-key',
    line: 3,
    column: 3,
    severity: 'error',
    message: 'VS Code reads servers from `servers` or `mcp.servers`, not `mcpServers`',
  },
  {
    file: '.zed/settings.json',
    client: 'Zed',
    rule: 'invalid-server-entry',
    line: 7,
    column: 63,
    severity: 'error',
    message: 'An argument of "postgres" is an object, not a string',
  },
];

/** test/e2e/workspaces/foundation-home, copied as the editor's HOME; paths relative to it. */
export const USER_FINDINGS: readonly ExpectedFinding[] = [
  {
    file: '.claude.json',
    client: 'Claude Code',
    rule: 'duplicate-server-name',
    line: 4,
    column: 5,
    severity: 'warning',
    message: 'Server "memory" is also defined in the workspace scope (foundation/.mcp.json) of Claude Code',
  },
  {
    file: '.codeium/windsurf/mcp_config.json',
    client: 'Windsurf',
    rule: 'invalid-server-entry',
    line: 3,
    column: 5,
    severity: 'error',
    message: 'Server "remote-search" has neither `command` nor `serverUrl` or `url`',
  },
  {
    file: '.config/Claude/claude_desktop_config.json',
    client: 'Claude Desktop',
    rule: 'parse-error',
    line: 6,
    column: 5,
    severity: 'error',
    message: "Trailing comma before '}': this client reads plain JSON",
  },
  {
    file: '.config/goose/config.yaml',
    client: 'Goose',
    rule: 'invalid-server-entry',
    line: 6,
    column: 3,
    severity: 'error',
    message: 'Server "fetch" has neither `cmd` nor `uri` or `url`',
  },
  {
    file: '.copilot/mcp-config.json',
    client: 'GitHub Copilot CLI',
    rule: 'misplaced-servers-key',
    line: 2,
    column: 3,
    severity: 'error',
    message: 'GitHub Copilot CLI reads servers from `mcpServers`, not `servers`',
  },
  {
    file: '.cursor/mcp.json',
    client: 'Cursor',
    rule: 'duplicate-server-name',
    line: 3,
    column: 5,
    severity: 'warning',
    message: 'Server "github" is also defined in the workspace scope (.cursor/mcp.json) of Cursor',
  },
  {
    file: '.lmstudio/mcp.json',
    client: 'LM Studio',
    rule: 'duplicate-server-name',
    line: 3,
    column: 5,
    severity: 'warning',
    message: 'Server "memory" is defined again later in this file',
  },
  {
    file: '.lmstudio/mcp.json',
    client: 'LM Studio',
    rule: 'duplicate-server-name',
    line: 7,
    column: 5,
    severity: 'warning',
    message: 'Server "memory" is defined twice in this file: only this last definition is used',
  },
];
