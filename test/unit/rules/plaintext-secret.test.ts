import { plaintextSecret } from '../../../src/core/rules/plaintext-secret';
import { ruleTable } from '../helpers/ruleTester';

// Fake values, assembled here so that no complete token sits in the repository.
const GH = 'ghp_' + 'FAKE0000aB3dE5fG7hJ9kL1mN2pQ4rS6tU8v';
const OPENAI = 'sk-proj-' + 'FAKE0000'.repeat(12);
const ANTHROPIC = 'sk-ant-api03-' + 'FAKE0000aB3-dE5_'.repeat(6) + 'AA';
const SLACK = 'xoxb-' + '10000000001-' + '100000000002-' + 'FAKE0000aB3dE5fG7hJ9kL1m';
const BRAVE = 'BSA' + 'FAKE0000aB3dE5fG7hJ9kL1m_pQ';
const RANDOM = 'Zq8aB3dE5fG7hJ9kL1mN2pQ4';
const PASSWORD = 'Tr0ub4dor-FAKE-3x';
const ADVICE = ': anyone with this file can use it. Move it to SecretStorage (quick fix).';

ruleTable(plaintextSecret, {
  valid: [
    {
      name: 'VS Code: inputs and env references',
      path: '/p/.vscode/mcp.json',
      text: `{
  // the token comes from an input
  "inputs": [{ "type": "promptString", "id": "gh", "password": true }],
  "servers": {
    "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": { "GITHUB_TOKEN": "\${input:gh}", "OTHER": "\${env:OTHER_TOKEN}" } },
    "remote": { "type": "http", "url": "https://api.example.com/mcp", "headers": { "Authorization": "Bearer \${input:gh}" } }
  }
}`,
    },
    {
      name: 'Cursor: placeholders a README would show',
      path: '/p/.cursor/mcp.json',
      text: JSON.stringify({
        mcpServers: {
          s: {
            command: 'npx',
            args: ['--api-key', 'YOUR_API_KEY'],
            env: {
              A_TOKEN: '<your-token>',
              B_KEY: 'sk-...',
              C_SECRET: 'changeme',
              D_TOKEN: 'xxxxxxxxxxxxxxxx',
              E_KEY: 'PASTE_KEY_HERE',
              F_TOKEN: '',
              G_PASSWORD: '***',
              H_KEY: '<redacted>',
              I_TOKEN: 'REPLACE_ME',
              J_KEY: 'your-api-key-here',
            },
          },
        },
      }),
    },
    {
      name: 'Claude Code: ${VAR} references, also inside a value',
      path: '/p/.mcp.json',
      text: JSON.stringify({
        mcpServers: {
          r: {
            type: 'http',
            url: 'https://api.example.com/mcp?api_key=${API_KEY}',
            headers: { Authorization: 'Bearer ${TOKEN}', 'X-Api-Key': '${API_KEY:-}' },
          },
          db: { command: 'uvx', args: ['mcp-server-postgres', 'postgresql://app:${DB_PASSWORD}@db.internal/app'] },
        },
      }),
    },
    {
      name: 'Gemini CLI: $VAR references',
      path: '/p/.gemini/settings.json',
      text: JSON.stringify({ mcpServers: { s: { command: 'node', args: ['server.js'], env: { API_KEY: '$MY_API_TOKEN' } } } }),
    },
    {
      name: 'Continue: ${{ secrets.X }}',
      path: '/p/.continue/mcpServers/s.yaml',
      text: 'name: s\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: s\n    command: npx\n    env:\n      API_KEY: ${{ secrets.API_KEY }}\n',
    },
    {
      name: 'hard negatives: ports, paths, ids, regions, models, digests, integrity, package names',
      path: '/p/.cursor/mcp.json',
      text: JSON.stringify({
        mcpServers: {
          s: {
            command: 'docker',
            args: [
              'run',
              '--rm',
              '-i',
              '--port=8080',
              '-e',
              'GITHUB_TOKEN',
              'ghcr.io/github/github-mcp-server@sha256:' + 'ab12'.repeat(16),
              '--model',
              'claude-3-5-sonnet-20241022',
            ],
            env: {
              AWS_REGION: 'us-east-1',
              WORKSPACE_ID: '00000000-1a2b-3c4d-5e6f-78091a2b3c4d',
              CONFIG_PATH: '/home/u/.config/app/config.json',
              INTEGRITY: 'sha512-' + 'Qm9v'.repeat(21) + 'YQ==',
              MAX_TOKENS: '4096',
              TOKEN_URL: 'https://auth.example.com/oauth/token',
              MODEL: 'gpt-4o-mini',
              REPO: 'some-org/a-very-long-repository-name-for-tests',
            },
          },
        },
      }),
    },
    {
      name: 'Codex: secrets by indirection only',
      path: '/home/u/.codex/config.toml',
      text: '[mcp_servers.gh]\nurl = "https://api.githubcopilot.com/mcp/"\nbearer_token_env_var = "GITHUB_PAT"\nenv_vars = ["GITHUB_TOKEN"]\n[mcp_servers.gh.env_http_headers]\n"X-Api-Key" = "SEARCH_API_KEY"\n',
    },
    {
      name: 'suppressed with a directive comment in JSONC',
      path: '/p/.vscode/mcp.json',
      text: `{"servers": {"s": {"command": "x", "env": {
  // mcp-warden-disable-next-line plaintext-secret
  "GITHUB_TOKEN": "${GH}"
}}}}`,
    },
    {
      name: 'suppressed with a directive comment in YAML',
      path: '/home/u/.continue/config.yaml',
      text: `mcpServers:\n  - name: gh\n    command: npx\n    env:\n      # mcp-warden-disable-next-line plaintext-secret\n      GITHUB_TOKEN: ${GH}\n`,
    },
    {
      name: 'suppressed with a directive comment in TOML',
      path: '/home/u/.codex/config.toml',
      text: `[mcp_servers.gh]\ncommand = "npx"\n# mcp-warden-disable-next-line plaintext-secret\nenv = { GITHUB_TOKEN = "${GH}" }\n`,
    },
    {
      name: 'silenced by an ignore entry in the settings',
      path: '/p/.cursor/mcp.json',
      text: JSON.stringify({ mcpServers: { lab: { command: 'x', env: { GITHUB_TOKEN: GH } } } }),
      settings: { rules: {}, ignore: [{ rules: ['plaintext-secret'], servers: ['lab'] }] },
    },
    {
      name: 'Supabase anon key is public by design',
      path: '/p/.cursor/mcp.json',
      text: JSON.stringify({
        mcpServers: {
          sb: {
            command: 'x',
            env: { SUPABASE_ANON_KEY: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiIsInJlZiI6IkZBS0UwMDAwIn0.FAKE0000aB3dE5fG7hJ9kL1mN2pQ4' },
          },
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'VS Code: env value, with the message the issue asks for',
      path: '/p/.vscode/mcp.json',
      text: `{
  "servers": {
    "github": {
      "command": "npx",
      "env": { "GITHUB_TOKEN": "${GH}" }
    }
  }
}`,
      errors: [
        {
          message: `Plaintext GitHub personal access token in env "GITHUB_TOKEN" (ghp_…)${ADVICE}`,
          line: 5,
          text: GH,
          severity: 'error',
          server: 'github',
          path: ['servers', 'github', 'env', 'GITHUB_TOKEN'],
        },
      ],
    },
    {
      name: 'VS Code: header token and an input default',
      path: '/p/.vscode/mcp.json',
      text: JSON.stringify(
        {
          inputs: [{ type: 'promptString', id: 'key', password: true, default: RANDOM }],
          servers: { r: { type: 'http', url: 'https://x.example.com/mcp', headers: { Authorization: `Bearer ${RANDOM}` } } },
        },
        null,
        2,
      ),
      errors: [
        { message: 'Possible plaintext secret in the default of input "key"', text: RANDOM, severity: 'warning' },
        { message: 'Plaintext bearer token in header "Authorization" (Zq8a…)', text: RANDOM, severity: 'error', server: 'r' },
      ],
    },
    {
      name: 'Cursor: arguments in every form',
      path: '/p/.cursor/mcp.json',
      text: JSON.stringify(
        {
          mcpServers: {
            s: {
              command: 'docker',
              args: [
                'run',
                '-e',
                `GITHUB_PERSONAL_ACCESS_TOKEN=${GH}`,
                'img',
                `--openai-key=${OPENAI}`,
                '--api-key',
                BRAVE,
                '-H',
                `Authorization: Bearer ${ANTHROPIC}`,
              ],
            },
          },
        },
        null,
        2,
      ),
      errors: [
        { message: 'GitHub personal access token in variable "GITHUB_PERSONAL_ACCESS_TOKEN" in the arguments (ghp_…)', text: GH },
        { message: 'OpenAI API key in argument "--openai-key" (sk-p…)', text: OPENAI },
        { message: 'Brave Search API key in argument "--api-key" (BSA…)', text: BRAVE },
        { message: 'Anthropic API key in header "Authorization" in the arguments (sk-ant-…)', text: ANTHROPIC },
      ],
    },
    {
      name: 'Claude Code: URL password and query parameter, positional connection string',
      path: '/p/.mcp.json',
      text: JSON.stringify(
        {
          mcpServers: {
            r: { type: 'http', url: `https://api.example.com/mcp?api_key=${RANDOM}` },
            db: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-postgres', `postgresql://app:${PASSWORD}@db.example.com:5432/app`] },
          },
        },
        null,
        2,
      ),
      errors: [
        { message: 'Possible plaintext secret in query parameter "api_key" of the URL', text: RANDOM, severity: 'warning', server: 'r' },
        { message: 'Plaintext PostgreSQL password in the URL in argument 3', text: PASSWORD, severity: 'error', server: 'db' },
      ],
    },
    {
      name: 'Claude Code local scope in ~/.claude.json',
      path: '/home/u/.claude.json',
      text: JSON.stringify({ numStartups: 3, projects: { '/p': { mcpServers: { slack: { command: 'npx', env: { SLACK_BOT_TOKEN: SLACK } } } } } }, null, 2),
      errors: [{ message: 'Slack bot token in env "SLACK_BOT_TOKEN"', text: SLACK }],
    },
    {
      name: 'Claude Desktop: JSON escapes inside the token are mapped to exact offsets',
      path: '/home/u/.config/Claude/claude_desktop_config.json',
      text: `{"mcpServers": {"gh": {"command": "npx", "env": {"GITHUB_TOKEN": "${GH.slice(0, 4)}\\u0046${GH.slice(5)}"}}}}`,
      errors: [{ text: `${GH.slice(0, 4)}\\u0046${GH.slice(5)}` }],
    },
    {
      name: 'Windsurf: serverUrl with user-info, Redis password in env',
      path: '/home/u/.codeium/windsurf/mcp_config.json',
      text: JSON.stringify(
        {
          mcpServers: {
            r: { serverUrl: `https://user:${PASSWORD}@mcp.example.com/sse` },
            cache: { command: 'uvx', args: ['redis-mcp'], env: { REDIS_URL: `redis://:${PASSWORD}@cache.example.com:6379` } },
          },
        },
        null,
        2,
      ),
      errors: [
        { message: 'Plaintext HTTPS password in the URL', text: PASSWORD, server: 'r' },
        { message: 'Plaintext Redis password in the URL in env "REDIS_URL"', text: PASSWORD, server: 'cache' },
      ],
    },
    {
      name: 'Gemini CLI: headers and other fields',
      path: '/p/.gemini/settings.json',
      text: JSON.stringify(
        { mcpServers: { r: { httpUrl: 'https://mcp.example.com', headers: { 'X-Api-Key': RANDOM }, oauth: { clientSecret: RANDOM } } } },
        null,
        2,
      ),
      errors: [
        { message: 'Possible plaintext secret in header "X-Api-Key"', severity: 'warning' },
        { message: 'Possible plaintext secret in field "oauth.clientSecret"', severity: 'warning', path: ['mcpServers', 'r', 'oauth', 'clientSecret'] },
      ],
    },
    {
      name: 'Kiro: a header secret can become a ${NAME} reference',
      path: '/p/.kiro/settings/mcp.json',
      text: JSON.stringify({ mcpServers: { r: { url: 'https://mcp.example.com/mcp', headers: { Authorization: `Bearer ${RANDOM}` } } } }, null, 2),
      errors: [{ message: 'Move it to SecretStorage via an env reference (quick fix).', text: RANDOM }],
    },
    {
      name: 'Zed: context_servers with a private key',
      path: '/home/u/.config/zed/settings.json',
      text: `{"context_servers": {"ssh": {"command": {"path": "mcp-ssh", "args": [], "env": {"SSH_KEY": "-----BEGIN OPENSSH PRIVATE KEY-----\\n${'FAKE0000aB3dE5fG7hJ9'.repeat(4)}\\n-----END OPENSSH PRIVATE KEY-----"}}}}}`,
      errors: [
        {
          message: 'Plaintext private key in env "SSH_KEY" (-----BEGIN…)',
          text: `-----BEGIN OPENSSH PRIVATE KEY-----\\n${'FAKE0000aB3dE5fG7hJ9'.repeat(4)}\\n-----END OPENSSH PRIVATE KEY-----`,
        },
      ],
    },
    {
      name: 'Codex TOML: env table and http headers',
      path: '/home/u/.codex/config.toml',
      text: `[mcp_servers.gh]\ncommand = "npx"\nargs = ["-y", "@modelcontextprotocol/server-github"]\nenv = { GITHUB_PERSONAL_ACCESS_TOKEN = "${GH}" }\n\n[mcp_servers.search]\nurl = "https://mcp.example.com"\nhttp_headers = { "Authorization" = "Bearer ${RANDOM}" }\n`,
      errors: [
        { message: 'GitHub personal access token in env "GITHUB_PERSONAL_ACCESS_TOKEN"', text: GH, line: 4 },
        { message: 'bearer token in header "Authorization"', text: RANDOM, line: 8 },
      ],
    },
    {
      name: 'Continue YAML: quoted, plain and folded values',
      path: '/home/u/.continue/config.yaml',
      text: `mcpServers:\n  - name: search\n    command: npx\n    args: ["-y", "brave-search-mcp"]\n    env:\n      BRAVE_API_KEY: "${BRAVE}"\n      OPENAI_API_KEY: ${OPENAI}\n      ANTHROPIC_API_KEY: '${ANTHROPIC}'\n`,
      errors: [
        { message: 'Brave Search API key', text: BRAVE, line: 6 },
        { message: 'OpenAI API key', text: OPENAI, line: 7 },
        { message: 'Anthropic API key', text: ANTHROPIC, line: 8 },
      ],
    },
    {
      name: 'Goose YAML: envs',
      path: '/home/u/.config/goose/config.yaml',
      text: `extensions:\n  github:\n    type: stdio\n    cmd: npx\n    args: [-y, "@modelcontextprotocol/server-github"]\n    envs:\n      GITHUB_PERSONAL_ACCESS_TOKEN: ${GH}\n`,
      errors: [{ text: GH, line: 7, server: 'github' }],
    },
    {
      name: 'Cline: a disabled server still leaks its token',
      path: '/home/u/.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
      text: JSON.stringify({ mcpServers: { gh: { command: 'npx', disabled: true, env: { GITHUB_TOKEN: GH } } } }, null, 2),
      errors: [{ text: GH }],
    },
    {
      name: 'generic secret-like name with a random value is a warning',
      path: '/p/.cursor/mcp.json',
      text: JSON.stringify({ mcpServers: { s: { command: 'x', env: { INTERNAL_SERVICE_TOKEN: RANDOM, DB_PASSWORD: PASSWORD } } } }, null, 2),
      errors: [
        { message: `Possible plaintext secret in env "INTERNAL_SERVICE_TOKEN" (Zq8a…)`, severity: 'warning' },
        { message: 'Possible plaintext secret in env "DB_PASSWORD" (Tr0u…)', severity: 'warning' },
      ],
    },
  ],
});
