/** Every command MCP Warden contributes (package.json `contributes.commands`). */
export const CommandId = {
  ScanWorkspace: 'mcpWarden.scanWorkspace',
  ScanUserConfigs: 'mcpWarden.scanUserConfigs',
  ShowLog: 'mcpWarden.showLog',
  ShowRuleDocs: 'mcpWarden.showRuleDocs',
  IgnoreFinding: 'mcpWarden.ignoreFinding',
  MoveSecret: 'mcpWarden.moveSecret',
  PutSecretBack: 'mcpWarden.putSecretBack',
  ManageSecrets: 'mcpWarden.manageSecrets',
  RevealSecret: 'mcpWarden.revealSecret',
  ReplaceSecret: 'mcpWarden.replaceSecret',
  DeleteSecret: 'mcpWarden.deleteSecret',
} as const;
