import * as vscode from 'vscode';
import type { SecretStore } from './secretStore';

async function pickName(secrets: SecretStore, placeHolder: string, name?: string): Promise<string | undefined> {
  if (name) return name;
  const names = secrets.names();
  if (names.length === 0) {
    void vscode.window.showInformationMessage('MCP Warden has no stored secrets. "Move secret to SecretStorage" on a plaintext-secret finding stores one.');
    return undefined;
  }
  return vscode.window.showQuickPick(names, { placeHolder });
}

/** Lists stored secret names (never values) and offers what can be done with one. */
export async function manageSecretsCommand(secrets: SecretStore): Promise<void> {
  const name = await pickName(secrets, 'MCP Warden secrets (names only). Pick one to reveal, replace or delete.');
  if (!name) return;
  const action = await vscode.window.showQuickPick(['Reveal…', 'Replace…', 'Delete…'], { placeHolder: name });
  if (action === 'Reveal…') await revealSecretCommand(secrets, name);
  if (action === 'Replace…') await replaceSecretCommand(secrets, name);
  if (action === 'Delete…') await deleteSecretCommand(secrets, name);
}

export async function revealSecretCommand(secrets: SecretStore, name?: string): Promise<void> {
  const picked = await pickName(secrets, 'Which secret to reveal?', name);
  if (!picked) return;
  const ok = await vscode.window.showWarningMessage(`Reveal the value of "${picked}"? Anyone who can see your screen will see it.`, { modal: true }, 'Reveal');
  if (ok !== 'Reveal') return;
  const value = await secrets.get(picked);
  if (value === undefined) {
    void vscode.window.showWarningMessage(`"${picked}" has no value on this machine.`);
    return;
  }
  const copy = await vscode.window.showInformationMessage(`${picked} = ${value}`, { modal: true }, 'Copy to Clipboard');
  if (copy) await vscode.env.clipboard.writeText(value);
}

export async function replaceSecretCommand(secrets: SecretStore, name?: string): Promise<void> {
  const picked = await pickName(secrets, 'Which secret to replace?', name);
  if (!picked) return;
  const value = await vscode.window.showInputBox({
    title: `New value for ${picked}`,
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v ? undefined : 'The value cannot be empty'),
  });
  if (!value) return;
  await secrets.storeVerified(picked, value);
  void vscode.window.showInformationMessage(`MCP Warden replaced "${picked}". Restart the servers that use it to pick it up.`);
}

export async function deleteSecretCommand(secrets: SecretStore, name?: string): Promise<void> {
  const picked = await pickName(secrets, 'Which secret to delete?', name);
  if (!picked) return;
  const ok = await vscode.window.showWarningMessage(
    `Delete "${picked}" from SecretStorage? Servers that use it will ask for it again.`,
    { modal: true },
    'Delete',
  );
  if (ok !== 'Delete') return;
  await secrets.delete(picked);
}
