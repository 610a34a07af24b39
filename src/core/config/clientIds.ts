export const CLIENT_IDS = [
  'vscode',
  'cursor',
  'claude-desktop',
  'claude-code',
  'windsurf',
  'cline',
  'roo-code',
  'kiro',
  'amazon-q',
  'gemini-cli',
  'zed',
  'codex',
  'continue',
  'goose',
  'lm-studio',
  'copilot-cli',
  'kilo-code',
  'firebase-studio',
  'opencode',
  'mcp-warden',
  'generic',
] as const;

export type ClientId = (typeof CLIENT_IDS)[number];

export function isClientId(value: string): value is ClientId {
  return (CLIENT_IDS as readonly string[]).includes(value);
}
