import * as vscode from 'vscode';
import type { FindingCounts } from './linter';

/** "$(shield) 3" in the status bar: MCP Warden's finding count; opens the Problems panel. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mcpWarden.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'MCP Warden';
    this.item.command = 'workbench.actions.view.problems';
  }

  update(counts: FindingCounts, filesLinted: number): void {
    const total = counts.error + counts.warning + counts.info;
    this.item.text = total === 0 ? '$(shield) MCP' : `$(shield) MCP ${total}`;
    this.item.tooltip =
      total === 0
        ? `MCP Warden: no findings in ${filesLinted} MCP config file${filesLinted === 1 ? '' : 's'}`
        : `MCP Warden: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info in ${counts.files} of ${filesLinted} MCP config files. Click to open the Problems panel.`;
    this.item.backgroundColor = counts.error > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : counts.warning > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    if (filesLinted > 0 || total > 0) this.item.show();
    else this.item.hide();
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
