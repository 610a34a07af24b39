import * as vscode from 'vscode';

const PREFIX = 'mcp-warden.secret/';
const INDEX_KEY = 'mcpWarden.secretNames';

/**
 * MCP Warden's secrets in the editor's SecretStorage (encrypted by the OS keychain where there is
 * one), under readable names like `github.GITHUB_TOKEN`. The list of names is kept beside them
 * (names only) because `SecretStorage.keys()` is missing on older editors.
 */
export class SecretStore {
  constructor(private readonly context: vscode.ExtensionContext) {}

  get onDidChange(): vscode.Event<vscode.SecretStorageChangeEvent> {
    return this.context.secrets.onDidChange;
  }

  async get(name: string): Promise<string | undefined> {
    return this.context.secrets.get(PREFIX + name);
  }

  /** Stores and reads back; throws unless the stored value is exactly the one given. */
  async storeVerified(name: string, value: string): Promise<void> {
    await this.context.secrets.store(PREFIX + name, value);
    const back = await this.context.secrets.get(PREFIX + name);
    if (back !== value) throw new Error(`SecretStorage did not keep "${name}" (read back ${back === undefined ? 'nothing' : 'a different value'})`);
    await this.remember(name);
  }

  async delete(name: string): Promise<void> {
    await this.context.secrets.delete(PREFIX + name);
    await this.context.globalState.update(
      INDEX_KEY,
      this.names().filter((n) => n !== name),
    );
  }

  names(): string[] {
    return [...(this.context.globalState.get<string[]>(INDEX_KEY) ?? [])].sort();
  }

  private async remember(name: string): Promise<void> {
    const names = new Set(this.names());
    if (!names.has(name)) await this.context.globalState.update(INDEX_KEY, [...names, name].sort());
  }
}
