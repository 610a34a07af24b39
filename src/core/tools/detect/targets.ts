/** Files and values that hold credentials or private data, with what each one is. */
export interface TargetPattern {
  re: RegExp;
  what: string;
}

const B = String.raw`(?<![a-z0-9])`;
const E = String.raw`(?![a-z0-9])`;

export const TARGETS: TargetPattern[] = [
  { re: new RegExp(String.raw`${B}id_(?:rsa|dsa|ecdsa|ed25519)${E}(?!\.pub)`, 'g'), what: 'an SSH private key' },
  { re: new RegExp(String.raw`~?/?\.ssh(?:/(?:config|known_hosts|authorized_keys)${E}|/?${E})?`, 'g'), what: 'the SSH folder (keys, hosts)' },
  {
    re: new RegExp(
      String.raw`(?:^|[\s'"\x60(/])\.env(?:\.(?:local|production|prod|development|dev|staging|test))?${E}(?!\.(?:example|sample|template|dist))`,
      'g',
    ),
    what: 'a .env file (application secrets)',
  },
  {
    re: new RegExp(String.raw`(?:~/)?\.aws/(?:credentials|config|sso)${E}|~/\.aws${E}|${B}aws_(?:secret_access_key|access_key_id|session_token)${E}`, 'g'),
    what: 'AWS credentials',
  },
  { re: /\.kube\/config\b|\bkubeconfig\b/g, what: 'a Kubernetes config with cluster credentials' },
  { re: /\.docker\/config\.json\b/g, what: 'Docker registry credentials' },
  { re: new RegExp(String.raw`${B}\.(?:netrc|pgpass|npmrc|pypirc|git-credentials|my\.cnf)${E}`, 'g'), what: 'a credentials file' },
  { re: /\.gitconfig\b/g, what: 'the git user config' },
  {
    re: /\.config\/gh\/hosts\.yml\b|\.config\/gcloud\b|application_default_credentials\.json\b|\bservice[-_]?account(?:[-_]key)?\.json\b|\bcredentials\.json\b|\.azure\/(?:credentials|accesstokens\.json)\b/g,
    what: 'cloud CLI credentials',
  },
  { re: /\/etc\/(?:passwd|shadow|sudoers)\b/g, what: 'system account files' },
  {
    re: new RegExp(
      String.raw`${B}(?:claude_desktop_config\.json|\.claude\.json|mcp_config\.json|cline_mcp_settings\.json|mcp_settings\.json|(?:\.cursor/|\.vscode/)?mcp\.json)${E}|\bmcp configuration\b`,
      'g',
    ),
    what: "an MCP client config (it holds every server's tokens)",
  },
  {
    re: /\blogin data\b|\blogins\.json\b|\bkey[34]\.db\b|\bcookies\.sqlite\b|\b(?:chrome|chromium|edge|brave|firefox|mozilla)\b[^\n]{0,80}?\b(?:cookies|local state|web data)\b/g,
    what: 'saved browser passwords or cookies',
  },
  {
    re: /\blogin\.keychain(?:-db)?\b|\.gnupg\b|\bsecring\.gpg\b|\bwallet\.dat\b|\.bitcoin\/|\.ethereum\/keystore\b|\bsolana\/id\.json\b|\.config\/solana\b|\bkeystore\/utc--/g,
    what: 'a keychain or crypto wallet',
  },
  // A CA bundle or certificate chain (global-bundle.pem, fullchain.pem, ca.pem) is public, not a key.
  {
    re: new RegExp(
      String.raw`(?<=[a-z0-9_~/-])(?<!bundle|chain|cert|certificate|(?:^|[^a-z0-9])ca|root|public|pub)\.pem${E}|(?<=[a-z0-9_~/-])\.(?:key|p12|pfx|jks|ppk|keystore)${E}`,
      'g',
    ),
    what: 'a private key or certificate store file',
  },
  { re: new RegExp(String.raw`${B}\.(?:bash|zsh|python|psql|mysql|node_repl)_history${E}`, 'g'), what: 'shell history (often holds pasted secrets)' },
  { re: /\bprivate (?:repositories|repos|repository)\b/g, what: 'private repositories' },
];

/** Environment variable names that hold secrets, matched on the original (upper-case) text. */
export const SECRET_ENV = /\b[A-Z][A-Z0-9_]{0,40}(?:SECRET|TOKEN|PASSWORD|PASSWD|API_KEY|APIKEY|PRIVATE_KEY|ACCESS_KEY)[A-Z0-9_]{0,40}\b/g;

/** The same targets as words of an identifier ("content_from_reading_ssh_id_rsa" → "… ssh id rsa"). */
export const TARGET_WORDS =
  /\b(?:ssh|id rsa|id ed25519|id ecdsa|aws credentials|aws secret|env file|dotenv|netrc|pgpass|npmrc|kube ?config|private key|keychain|wallet|cookies|login data|mcp json|mcp config|bash history|etc passwd)\b/;
