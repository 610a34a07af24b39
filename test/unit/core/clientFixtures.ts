import type { ClientId } from '../../../src/core/config/clientIds';
import type { Scope } from '../../../src/core/config/clients';
import type { JsonPath } from '../../../src/core/model/docNode';
import type { Transport } from '../../../src/core/model/server';
import type { ConfigFormat } from '../../../src/core/parse/problem';

export interface ExpectedServer {
  name: string;
  path: JsonPath;
  transport: Transport;
  command?: string;
  args?: string[];
  env?: Record<string, string>;
  headers?: Record<string, string>;
  url?: string;
  cwd?: string;
  envFile?: string;
  disabled?: boolean;
  projectPath?: string;
}

/** One sample config of test/fixtures/clients and everything loading it must yield. */
export interface ClientFixture {
  /** Relative to test/fixtures/clients: `<client>/<scope>/<path below the project or home folder>`. */
  file: string;
  client: ClientId;
  scope: Scope;
  format: ConfigFormat;
  /** The client its content alone points to, when the same text sits in a file with an unrelated name. */
  contentClient: ClientId;
  servers: ExpectedServer[];
  /** Exact source text at chosen paths. */
  slices: { path: JsonPath; text: string }[];
}

const npx = (pkg: string, ...rest: string[]) => ['-y', pkg, ...rest];

export const CLIENT_FIXTURE_TABLE: ClientFixture[] = [
  {
    file: 'vscode/workspace/.vscode/mcp.json',
    client: 'vscode',
    scope: 'workspace',
    format: 'jsonc',
    contentClient: 'vscode',
    servers: [
      {
        name: 'github',
        path: ['servers', 'github'],
        transport: 'http',
        url: 'https://api.githubcopilot.com/mcp/',
        headers: { Authorization: 'Bearer ${input:github-token}' },
      },
      {
        name: 'perplexity',
        path: ['servers', 'perplexity'],
        transport: 'stdio',
        command: 'npx',
        args: npx('server-perplexity-ask@0.1.3'),
        env: { PERPLEXITY_API_KEY: '${input:perplexity-key}' },
      },
      {
        name: 'fetch',
        path: ['servers', 'fetch'],
        transport: 'stdio',
        command: 'uvx',
        args: ['mcp-server-fetch==2025.4.7', '--ignore-robots-txt'],
        cwd: '${workspaceFolder}',
        envFile: '${workspaceFolder}/.env',
      },
    ],
    slices: [
      { path: ['servers', 'perplexity', 'args', 1], text: '"server-perplexity-ask@0.1.3"' },
      { path: ['servers', 'github', 'headers', 'Authorization'], text: '"Bearer ${input:github-token}"' },
      { path: ['inputs', 0, 'id'], text: '"github-token"' },
    ],
  },
  {
    file: 'vscode/user/.config/Code/User/mcp.json',
    client: 'vscode',
    scope: 'user',
    format: 'jsonc',
    contentClient: 'vscode',
    servers: [
      {
        name: 'memory',
        path: ['servers', 'memory'],
        transport: 'stdio',
        command: 'npx',
        args: npx('@modelcontextprotocol/server-memory@2025.8.4'),
        env: { MEMORY_FILE_PATH: '${userHome}/.local/share/mcp/memory.jsonl' },
      },
      {
        name: 'context7',
        path: ['servers', 'context7'],
        transport: 'sse',
        url: 'https://mcp.context7.com/sse',
        headers: { CONTEXT7_API_KEY: '${env:CONTEXT7_API_KEY}' },
      },
    ],
    slices: [{ path: ['servers', 'context7', 'url'], text: '"https://mcp.context7.com/sse"' }],
  },
  {
    file: 'vscode/user/.config/Code/User/settings.json',
    client: 'vscode',
    scope: 'user',
    format: 'jsonc',
    contentClient: 'vscode',
    servers: [
      {
        name: 'sqlite',
        path: ['mcp', 'servers', 'sqlite'],
        transport: 'stdio',
        command: 'uvx',
        args: ['mcp-server-sqlite', '--db-path', '${userHome}/data/app.db'],
      },
      { name: 'time', path: ['mcp', 'servers', 'time'], transport: 'stdio', command: 'uvx', args: ['mcp-server-time', '--local-timezone=Europe/Berlin'] },
    ],
    slices: [{ path: ['mcp', 'servers', 'sqlite', 'args', 2], text: '"${userHome}/data/app.db"' }],
  },
  {
    file: 'cursor/workspace/.cursor/mcp.json',
    client: 'cursor',
    scope: 'workspace',
    format: 'json',
    contentClient: 'generic',
    servers: [
      {
        name: 'github',
        path: ['mcpServers', 'github'],
        transport: 'stdio',
        command: 'npx',
        args: npx('@modelcontextprotocol/server-github@2025.4.8'),
        env: { GITHUB_TOKEN: '${env:GITHUB_TOKEN}' },
      },
      {
        name: 'postgres',
        path: ['mcpServers', 'postgres'],
        transport: 'stdio',
        command: 'docker',
        args: ['run', '-i', '--rm', '-e', 'DATABASE_URI', 'crystaldba/postgres-mcp:0.3.0', '--access-mode=restricted'],
        env: { DATABASE_URI: 'postgresql://app:${env:PGPASSWORD}@localhost:5432/app' },
        envFile: '${workspaceFolder}/.env.local',
      },
      {
        name: 'linear',
        path: ['mcpServers', 'linear'],
        transport: 'http',
        url: 'https://mcp.linear.app/sse',
        headers: { Authorization: 'Bearer ${env:LINEAR_API_KEY}' },
      },
    ],
    slices: [
      { path: ['mcpServers', 'github', 'env', 'GITHUB_TOKEN'], text: '"${env:GITHUB_TOKEN}"' },
      { path: ['mcpServers', 'postgres', 'args', 5], text: '"crystaldba/postgres-mcp:0.3.0"' },
    ],
  },
  {
    file: 'cursor/user/.cursor/mcp.json',
    client: 'cursor',
    scope: 'user',
    format: 'json',
    contentClient: 'generic',
    servers: [
      { name: 'browser-tools', path: ['mcpServers', 'browser-tools'], transport: 'stdio', command: 'npx', args: npx('@agentdeskai/browser-tools-mcp@1.2.0') },
      {
        name: 'sentry',
        path: ['mcpServers', 'sentry'],
        transport: 'http',
        url: 'https://mcp.sentry.dev/mcp',
        headers: { Authorization: 'Bearer ${env:SENTRY_TOKEN}', 'X-Sentry-Org': 'example-org' },
      },
    ],
    slices: [{ path: ['mcpServers', 'sentry', 'headers', 'X-Sentry-Org'], text: '"example-org"' }],
  },
  {
    file: 'claude-desktop/user/.config/Claude/claude_desktop_config.json',
    client: 'claude-desktop',
    scope: 'user',
    format: 'json',
    contentClient: 'generic',
    servers: [
      {
        name: 'filesystem',
        path: ['mcpServers', 'filesystem'],
        transport: 'stdio',
        command: 'npx',
        args: npx('@modelcontextprotocol/server-filesystem@2025.8.21', '/home/dev/Documents', '/home/dev/Downloads'),
      },
      {
        name: 'brave-search',
        path: ['mcpServers', 'brave-search'],
        transport: 'stdio',
        command: 'npx',
        args: npx('@modelcontextprotocol/server-brave-search@0.6.2'),
        env: { BRAVE_API_KEY: 'BSA-FAKE-0000-EXAMPLE-KEY' },
      },
      { name: 'git', path: ['mcpServers', 'git'], transport: 'stdio', command: 'uvx', args: ['mcp-server-git', '--repository', '/home/dev/src/app'] },
    ],
    slices: [
      { path: ['mcpServers', 'filesystem', 'args', 3], text: '"/home/dev/Downloads"' },
      { path: ['mcpServers', 'brave-search', 'env', 'BRAVE_API_KEY'], text: '"BSA-FAKE-0000-EXAMPLE-KEY"' },
    ],
  },
  {
    file: 'claude-code/workspace/.mcp.json',
    client: 'claude-code',
    scope: 'workspace',
    format: 'json',
    contentClient: 'generic',
    servers: [
      {
        name: 'api-server',
        path: ['mcpServers', 'api-server'],
        transport: 'http',
        url: '${API_BASE_URL:-https://api.example.com}/mcp',
        headers: { Authorization: 'Bearer ${API_KEY}' },
      },
      {
        name: 'playwright',
        path: ['mcpServers', 'playwright'],
        transport: 'stdio',
        command: 'npx',
        args: npx('@playwright/mcp@0.0.41', '--headless'),
        env: {},
      },
      { name: 'asana', path: ['mcpServers', 'asana'], transport: 'sse', url: 'https://mcp.asana.com/sse' },
    ],
    slices: [{ path: ['mcpServers', 'api-server', 'url'], text: '"${API_BASE_URL:-https://api.example.com}/mcp"' }],
  },
  {
    file: 'claude-code/user/.claude.json',
    client: 'claude-code',
    scope: 'user',
    format: 'json',
    contentClient: 'claude-code',
    servers: [
      {
        name: 'sequential-thinking',
        path: ['mcpServers', 'sequential-thinking'],
        transport: 'stdio',
        command: 'npx',
        args: npx('@modelcontextprotocol/server-sequential-thinking@2025.7.1'),
        env: {},
      },
      { name: 'notion', path: ['mcpServers', 'notion'], transport: 'http', url: 'https://mcp.notion.com/mcp' },
      {
        name: 'stripe',
        path: ['projects', '/home/dev/src/app', 'mcpServers', 'stripe'],
        transport: 'stdio',
        command: 'npx',
        args: npx('@stripe/mcp@0.2.4', '--tools=all'),
        env: { STRIPE_SECRET_KEY: '${STRIPE_SECRET_KEY}' },
        projectPath: '/home/dev/src/app',
      },
      {
        name: 'aws-docs',
        path: ['projects', '/home/dev/src/infra', 'mcpServers', 'aws-docs'],
        transport: 'stdio',
        command: 'uvx',
        args: ['awslabs.aws-documentation-mcp-server@1.1.2'],
        env: { FASTMCP_LOG_LEVEL: 'ERROR' },
        projectPath: '/home/dev/src/infra',
      },
    ],
    slices: [
      { path: ['projects', '/home/dev/src/app', 'mcpServers', 'stripe', 'env', 'STRIPE_SECRET_KEY'], text: '"${STRIPE_SECRET_KEY}"' },
      { path: ['projects', '/home/dev/src/infra', 'mcpServers', 'aws-docs', 'args', 0], text: '"awslabs.aws-documentation-mcp-server@1.1.2"' },
    ],
  },
  {
    file: 'claude-code/managed/etc/claude-code/managed-mcp.json',
    client: 'claude-code',
    scope: 'managed',
    format: 'json',
    contentClient: 'generic',
    servers: [
      {
        name: 'company-internal',
        path: ['mcpServers', 'company-internal'],
        transport: 'http',
        url: 'https://mcp.internal.example.com/mcp',
        headers: { 'X-Team': 'platform' },
      },
      {
        name: 'approved-github',
        path: ['mcpServers', 'approved-github'],
        transport: 'stdio',
        command: '/opt/company/bin/github-mcp-server',
        args: ['stdio', '--read-only'],
      },
    ],
    slices: [{ path: ['mcpServers', 'approved-github', 'command'], text: '"/opt/company/bin/github-mcp-server"' }],
  },
  {
    file: 'windsurf/user/.codeium/windsurf/mcp_config.json',
    client: 'windsurf',
    scope: 'user',
    format: 'json',
    contentClient: 'generic',
    servers: [
      {
        name: 'github',
        path: ['mcpServers', 'github'],
        transport: 'stdio',
        command: 'npx',
        args: npx('@modelcontextprotocol/server-github@2025.4.8'),
        env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${env:GITHUB_PERSONAL_ACCESS_TOKEN}' },
      },
      {
        name: 'figma',
        path: ['mcpServers', 'figma'],
        transport: 'http',
        url: 'https://mcp.figma.com/mcp',
        headers: { Authorization: 'Bearer ${env:FIGMA_TOKEN}' },
      },
      {
        name: 'puppeteer',
        path: ['mcpServers', 'puppeteer'],
        transport: 'stdio',
        command: 'npx',
        args: npx('@modelcontextprotocol/server-puppeteer@2025.5.12'),
        disabled: true,
      },
    ],
    slices: [{ path: ['mcpServers', 'figma', 'serverUrl'], text: '"https://mcp.figma.com/mcp"' }],
  },
  {
    file: 'cline/user/.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
    client: 'cline',
    scope: 'user',
    format: 'json',
    contentClient: 'generic',
    servers: [
      {
        name: 'weather',
        path: ['mcpServers', 'weather'],
        transport: 'stdio',
        command: 'node',
        args: ['/home/dev/Documents/Cline/MCP/weather-server/build/index.js'],
        env: { OPENWEATHER_API_KEY: 'owm-FAKE-0000-EXAMPLE' },
        disabled: false,
      },
      {
        name: 'remote-docs',
        path: ['mcpServers', 'remote-docs'],
        transport: 'http',
        url: 'https://docs.example.com/mcp',
        headers: { 'X-Api-Key': 'docs-FAKE-0000-EXAMPLE' },
      },
      { name: 'legacy-sse', path: ['mcpServers', 'legacy-sse'], transport: 'sse', url: 'https://legacy.example.com/sse', disabled: true },
    ],
    slices: [{ path: ['mcpServers', 'weather', 'env', 'OPENWEATHER_API_KEY'], text: '"owm-FAKE-0000-EXAMPLE"' }],
  },
  {
    file: 'roo-code/workspace/.roo/mcp.json',
    client: 'roo-code',
    scope: 'workspace',
    format: 'json',
    contentClient: 'generic',
    servers: [
      {
        name: 'project-db',
        path: ['mcpServers', 'project-db'],
        transport: 'stdio',
        command: 'uvx',
        args: ['mcp-server-sqlite', '--db-path', './data/dev.db'],
        cwd: '${workspaceFolder}',
      },
      {
        name: 'docs-search',
        path: ['mcpServers', 'docs-search'],
        transport: 'http',
        url: 'https://search.example.com/mcp',
        headers: { Authorization: 'Bearer ${env:DOCS_SEARCH_TOKEN}' },
      },
    ],
    slices: [{ path: ['mcpServers', 'project-db', 'cwd'], text: '"${workspaceFolder}"' }],
  },
  {
    file: 'roo-code/user/.config/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json',
    client: 'roo-code',
    scope: 'user',
    format: 'json',
    contentClient: 'generic',
    servers: [
      { name: 'context7', path: ['mcpServers', 'context7'], transport: 'stdio', command: 'npx', args: npx('@upstash/context7-mcp@1.0.14') },
      { name: 'events', path: ['mcpServers', 'events'], transport: 'sse', url: 'https://events.example.com/sse', headers: { 'X-Client': 'roo' } },
    ],
    slices: [{ path: ['mcpServers', 'context7', 'args', 1], text: '"@upstash/context7-mcp@1.0.14"' }],
  },
  {
    file: 'kiro/workspace/.kiro/settings/mcp.json',
    client: 'kiro',
    scope: 'workspace',
    format: 'json',
    contentClient: 'generic',
    servers: [
      {
        name: 'aws-docs',
        path: ['mcpServers', 'aws-docs'],
        transport: 'stdio',
        command: 'uvx',
        args: ['awslabs.aws-documentation-mcp-server@1.1.2'],
        env: { FASTMCP_LOG_LEVEL: 'ERROR' },
      },
      { name: 'fetch', path: ['mcpServers', 'fetch'], transport: 'stdio', command: 'uvx', args: ['mcp-server-fetch==2025.4.7'], disabled: true },
    ],
    slices: [{ path: ['mcpServers', 'fetch', 'disabled'], text: 'true' }],
  },
  {
    file: 'kiro/user/.kiro/settings/mcp.json',
    client: 'kiro',
    scope: 'user',
    format: 'json',
    contentClient: 'generic',
    servers: [
      {
        name: 'github',
        path: ['mcpServers', 'github'],
        transport: 'stdio',
        command: 'docker',
        args: ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN', 'ghcr.io/github/github-mcp-server:v0.13.0'],
        env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${GITHUB_TOKEN}' },
      },
      {
        name: 'remote-tools',
        path: ['mcpServers', 'remote-tools'],
        transport: 'http',
        url: 'https://tools.example.com/mcp',
        headers: { Authorization: 'Bearer ${TOOLS_TOKEN}' },
      },
    ],
    slices: [{ path: ['mcpServers', 'github', 'args', 5], text: '"ghcr.io/github/github-mcp-server:v0.13.0"' }],
  },
  {
    file: 'amazon-q/workspace/.amazonq/mcp.json',
    client: 'amazon-q',
    scope: 'workspace',
    format: 'json',
    contentClient: 'generic',
    servers: [
      { name: 'git', path: ['mcpServers', 'git'], transport: 'stdio', command: 'uvx', args: ['mcp-server-git', '--repository', '.'] },
      {
        name: 'jira',
        path: ['mcpServers', 'jira'],
        transport: 'stdio',
        command: 'npx',
        args: npx('mcp-atlassian-jira@2.1.0'),
        env: { JIRA_URL: 'https://example.atlassian.net', JIRA_API_TOKEN: 'jira-FAKE-0000-EXAMPLE' },
      },
    ],
    slices: [{ path: ['mcpServers', 'jira', 'env', 'JIRA_API_TOKEN'], text: '"jira-FAKE-0000-EXAMPLE"' }],
  },
  {
    file: 'amazon-q/user/.aws/amazonq/default.json',
    client: 'amazon-q',
    scope: 'user',
    format: 'json',
    contentClient: 'generic',
    servers: [
      {
        name: 'aws-knowledge',
        path: ['mcpServers', 'aws-knowledge'],
        transport: 'stdio',
        command: 'uvx',
        args: ['awslabs.aws-documentation-mcp-server@1.1.2'],
        env: { AWS_PROFILE: 'dev', AWS_REGION: 'eu-west-1' },
      },
      {
        name: 'terraform',
        path: ['mcpServers', 'terraform'],
        transport: 'stdio',
        command: 'docker',
        args: ['run', '-i', '--rm', 'hashicorp/terraform-mcp-server:0.2.0'],
      },
    ],
    slices: [{ path: ['mcpServers', 'aws-knowledge', 'env', 'AWS_REGION'], text: '"eu-west-1"' }],
  },
  {
    file: 'gemini-cli/workspace/.gemini/settings.json',
    client: 'gemini-cli',
    scope: 'workspace',
    format: 'json',
    contentClient: 'generic',
    servers: [
      {
        name: 'pythonTools',
        path: ['mcpServers', 'pythonTools'],
        transport: 'stdio',
        command: 'python',
        args: ['-m', 'my_mcp_server', '--port', '8080'],
        env: { DATABASE_URL: '$DB_CONNECTION_STRING', API_KEY: '${EXTERNAL_API_KEY}' },
        cwd: './mcp-servers/python',
      },
      { name: 'httpServer', path: ['mcpServers', 'httpServer'], transport: 'http', url: 'http://localhost:3000/mcp' },
      {
        name: 'sseServer',
        path: ['mcpServers', 'sseServer'],
        transport: 'sse',
        url: 'https://tools.example.com/sse',
        headers: { Authorization: 'Bearer $SSE_TOKEN' },
      },
    ],
    slices: [
      { path: ['mcpServers', 'httpServer', 'httpUrl'], text: '"http://localhost:3000/mcp"' },
      { path: ['mcpServers', 'pythonTools', 'args', 3], text: '"8080"' },
    ],
  },
  {
    file: 'gemini-cli/user/.gemini/settings.json',
    client: 'gemini-cli',
    scope: 'user',
    format: 'json',
    contentClient: 'generic',
    servers: [
      {
        name: 'github',
        path: ['mcpServers', 'github'],
        transport: 'http',
        url: 'https://api.githubcopilot.com/mcp/',
        headers: { Authorization: 'Bearer $GITHUB_MCP_PAT' },
      },
      { name: 'docs', path: ['mcpServers', 'docs'], transport: 'stdio', command: 'npx', args: npx('@upstash/context7-mcp@1.0.14') },
    ],
    slices: [{ path: ['mcp', 'allowed', 1], text: '"docs"' }],
  },
  {
    file: 'zed/workspace/.zed/settings.json',
    client: 'zed',
    scope: 'workspace',
    format: 'jsonc',
    contentClient: 'zed',
    servers: [
      {
        name: 'postgres-context-server',
        path: ['context_servers', 'postgres-context-server'],
        transport: 'stdio',
        command: 'npx',
        args: npx('@zeddotdev/postgres-context-server@0.1.4'),
        env: { DATABASE_URL: 'postgresql://localhost:5432/dev' },
      },
      {
        name: 'linear',
        path: ['context_servers', 'linear'],
        transport: 'http',
        url: 'https://mcp.linear.app/mcp',
        headers: { Authorization: 'Bearer lin-FAKE-0000-EXAMPLE' },
      },
    ],
    slices: [{ path: ['context_servers', 'postgres-context-server', 'env', 'DATABASE_URL'], text: '"postgresql://localhost:5432/dev"' }],
  },
  {
    file: 'zed/user/.config/zed/settings.json',
    client: 'zed',
    scope: 'user',
    format: 'jsonc',
    contentClient: 'zed',
    servers: [
      {
        name: 'mcp-server-github',
        path: ['context_servers', 'mcp-server-github'],
        transport: 'stdio',
        command: '/usr/local/bin/github-mcp-server',
        args: ['stdio', '--toolsets', 'repos,issues'],
        env: { GITHUB_PERSONAL_ACCESS_TOKEN: 'github_pat_FAKE_0000_EXAMPLE' },
      },
      { name: 'mcp-server-time', path: ['context_servers', 'mcp-server-time'], transport: 'stdio', command: 'uvx', args: ['mcp-server-time'], env: {} },
      { name: 'mcp-server-context7', path: ['context_servers', 'mcp-server-context7'], transport: 'unknown' },
    ],
    slices: [
      { path: ['context_servers', 'mcp-server-github', 'command', 'path'], text: '"/usr/local/bin/github-mcp-server"' },
      { path: ['context_servers', 'mcp-server-github', 'command', 'args', 2], text: '"repos,issues"' },
      { path: ['context_servers', 'mcp-server-github', 'command', 'env', 'GITHUB_PERSONAL_ACCESS_TOKEN'], text: '"github_pat_FAKE_0000_EXAMPLE"' },
    ],
  },
  {
    file: 'codex/user/.codex/config.toml',
    client: 'codex',
    scope: 'user',
    format: 'toml',
    contentClient: 'codex',
    servers: [
      {
        name: 'github',
        path: ['mcp_servers', 'github'],
        transport: 'stdio',
        command: 'npx',
        args: npx('@modelcontextprotocol/server-github@2025.4.8'),
        env: { GITHUB_PERSONAL_ACCESS_TOKEN: 'ghp-FAKE-0000-EXAMPLE', GITHUB_API_URL: 'https://api.github.com' },
      },
      { name: 'figma', path: ['mcp_servers', 'figma'], transport: 'http', url: 'https://mcp.figma.com/mcp', headers: { 'X-Figma-Region': 'us-east-1' } },
      { name: 'docs', path: ['mcp_servers', 'docs'], transport: 'stdio', command: 'uvx', args: ['mcp-server-fetch==2025.4.7'], disabled: true },
    ],
    slices: [
      { path: ['mcp_servers', 'github', 'env', 'GITHUB_PERSONAL_ACCESS_TOKEN'], text: '"ghp-FAKE-0000-EXAMPLE"' },
      { path: ['mcp_servers', 'github', 'args', 1], text: '"@modelcontextprotocol/server-github@2025.4.8"' },
      { path: ['mcp_servers', 'figma', 'bearer_token_env_var'], text: '"FIGMA_OAUTH_TOKEN"' },
    ],
  },
  {
    file: 'codex/workspace/.codex/config.toml',
    client: 'codex',
    scope: 'workspace',
    format: 'toml',
    contentClient: 'codex',
    servers: [
      {
        name: 'repo-tools',
        path: ['mcp_servers', 'repo-tools'],
        transport: 'stdio',
        command: 'node',
        args: ['./tools/mcp/server.js', '--root', '.'],
        env: { LOG_LEVEL: 'debug', REPO_NAME: 'app' },
        cwd: '.',
      },
      { name: 'search', path: ['mcp_servers', 'search'], transport: 'http', url: 'https://search.example.com/mcp' },
    ],
    slices: [
      { path: ['mcp_servers', 'repo-tools', 'env', 'REPO_NAME'], text: '"app"' },
      { path: ['mcp_servers', 'search', 'url'], text: '"https://search.example.com/mcp"' },
    ],
  },
  {
    file: 'codex/managed/etc/codex/managed_config.toml',
    client: 'codex',
    scope: 'managed',
    format: 'toml',
    contentClient: 'codex',
    servers: [
      {
        name: 'company-kb',
        path: ['mcp_servers', 'company-kb'],
        transport: 'http',
        url: 'https://kb.internal.example.com/mcp',
        headers: { 'X-Team': 'platform' },
      },
      { name: 'audit', path: ['mcp_servers', 'audit'], transport: 'stdio', command: '/opt/company/bin/audit-mcp', args: ['--stdio'] },
    ],
    slices: [{ path: ['mcp_servers', 'audit', 'args', 0], text: '"--stdio"' }],
  },
  {
    file: 'continue/workspace/.continue/mcpServers/github.yaml',
    client: 'continue',
    scope: 'workspace',
    format: 'yaml',
    contentClient: 'continue',
    servers: [
      {
        name: 'GitHub',
        path: ['mcpServers', 0],
        transport: 'stdio',
        command: 'npx',
        args: npx('@modelcontextprotocol/server-github@2025.4.8'),
        env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${{ secrets.GITHUB_PERSONAL_ACCESS_TOKEN }}' },
      },
      { name: 'Linear', path: ['mcpServers', 1], transport: 'http', url: 'https://mcp.linear.app/mcp' },
    ],
    slices: [
      { path: ['mcpServers', 0, 'args', 1], text: '"@modelcontextprotocol/server-github@2025.4.8"' },
      { path: ['mcpServers', 0, 'env', 'GITHUB_PERSONAL_ACCESS_TOKEN'], text: '${{ secrets.GITHUB_PERSONAL_ACCESS_TOKEN }}' },
      { path: ['mcpServers', 1, 'name'], text: 'Linear' },
    ],
  },
  {
    file: 'continue/workspace/.continue/mcpServers/claude-style.json',
    client: 'continue',
    scope: 'workspace',
    format: 'json',
    contentClient: 'generic',
    servers: [
      { name: 'sqlite', path: ['mcpServers', 'sqlite'], transport: 'stdio', command: 'uvx', args: ['mcp-server-sqlite', '--db-path', './test.db'] },
      {
        name: 'remote-search',
        path: ['mcpServers', 'remote-search'],
        transport: 'http',
        url: 'https://search.example.com/sse',
        headers: { 'X-Api-Key': 'search-FAKE-0000-EXAMPLE' },
      },
    ],
    slices: [{ path: ['mcpServers', 'sqlite', 'args', 2], text: '"./test.db"' }],
  },
  {
    file: 'continue/user/.continue/config.yaml',
    client: 'continue',
    scope: 'user',
    format: 'yaml',
    contentClient: 'continue',
    servers: [
      { name: 'Memory', path: ['mcpServers', 0], transport: 'stdio', command: 'npx', args: npx('@modelcontextprotocol/server-memory@2025.8.4') },
      { name: 'Docs', path: ['mcpServers', 1], transport: 'sse', url: 'https://docs.example.com/sse' },
      {
        name: 'Browser',
        path: ['mcpServers', 2],
        transport: 'stdio',
        command: 'npx',
        args: npx('@playwright/mcp@0.0.41'),
        env: { PLAYWRIGHT_BROWSERS_PATH: '/home/dev/.cache/ms-playwright' },
        cwd: '/home/dev',
      },
    ],
    slices: [
      { path: ['mcpServers', 0, 'args', 1], text: '"@modelcontextprotocol/server-memory@2025.8.4"' },
      { path: ['mcpServers', 2, 'args', 0], text: '-y' },
      { path: ['models', 0, 'model'], text: 'llama3.1:8b' },
    ],
  },
  {
    file: 'goose/user/.config/goose/config.yaml',
    client: 'goose',
    scope: 'user',
    format: 'yaml',
    contentClient: 'goose',
    servers: [
      { name: 'developer', path: ['extensions', 'developer'], transport: 'unknown' },
      {
        name: 'github',
        path: ['extensions', 'github'],
        transport: 'stdio',
        command: 'npx',
        args: npx('@modelcontextprotocol/server-github@2025.4.8'),
        env: { GITHUB_API_URL: 'https://api.github.com' },
      },
      {
        name: 'tavily',
        path: ['extensions', 'tavily'],
        transport: 'http',
        url: 'https://mcp.tavily.com/mcp',
        headers: { Authorization: 'Bearer tvly-FAKE-0000-EXAMPLE' },
        env: {},
        disabled: true,
      },
      { name: 'events', path: ['extensions', 'events'], transport: 'sse', url: 'http://localhost:8931/sse' },
    ],
    slices: [
      { path: ['extensions', 'github', 'cmd'], text: 'npx' },
      { path: ['extensions', 'github', 'args', 1], text: "'@modelcontextprotocol/server-github@2025.4.8'" },
      { path: ['extensions', 'github', 'envs', 'GITHUB_API_URL'], text: 'https://api.github.com' },
      { path: ['extensions', 'tavily', 'uri'], text: 'https://mcp.tavily.com/mcp' },
    ],
  },
  {
    file: 'lm-studio/user/.lmstudio/mcp.json',
    client: 'lm-studio',
    scope: 'user',
    format: 'json',
    contentClient: 'generic',
    servers: [
      {
        name: 'hf-mcp-server',
        path: ['mcpServers', 'hf-mcp-server'],
        transport: 'http',
        url: 'https://huggingface.co/mcp',
        headers: { Authorization: 'Bearer hf_FAKE_0000_EXAMPLE' },
      },
      {
        name: 'filesystem',
        path: ['mcpServers', 'filesystem'],
        transport: 'stdio',
        command: 'npx',
        args: npx('@modelcontextprotocol/server-filesystem@2025.8.21', '/home/dev/models'),
      },
    ],
    slices: [{ path: ['mcpServers', 'filesystem', 'args', 2], text: '"/home/dev/models"' }],
  },
  {
    file: 'copilot-cli/user/.copilot/mcp-config.json',
    client: 'copilot-cli',
    scope: 'user',
    format: 'json',
    contentClient: 'generic',
    servers: [
      { name: 'playwright', path: ['mcpServers', 'playwright'], transport: 'stdio', command: 'npx', args: npx('@playwright/mcp@0.0.41'), env: {} },
      {
        name: 'github-remote',
        path: ['mcpServers', 'github-remote'],
        transport: 'http',
        url: 'https://api.githubcopilot.com/mcp/readonly',
        headers: { 'X-MCP-Toolsets': 'repos,issues' },
      },
    ],
    slices: [{ path: ['mcpServers', 'playwright', 'type'], text: '"local"' }],
  },
  {
    file: 'mcp-warden/workspace/.vscode/mcp-warden.json',
    client: 'mcp-warden',
    scope: 'workspace',
    format: 'jsonc',
    contentClient: 'vscode',
    servers: [
      {
        name: 'github',
        path: ['servers', 'github'],
        transport: 'stdio',
        command: 'npx',
        args: npx('@modelcontextprotocol/server-github@2025.4.8'),
        env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${secret:github.GITHUB_PERSONAL_ACCESS_TOKEN}' },
      },
      {
        name: 'notion',
        path: ['servers', 'notion'],
        transport: 'http',
        url: 'https://mcp.notion.com/mcp',
        headers: { Authorization: 'Bearer ${secret:notion.Authorization}' },
      },
    ],
    slices: [{ path: ['servers', 'github', 'env', 'GITHUB_PERSONAL_ACCESS_TOKEN'], text: '"${secret:github.GITHUB_PERSONAL_ACCESS_TOKEN}"' }],
  },
];
