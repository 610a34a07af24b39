import * as vscode from 'vscode';
import { plural } from '../core/text/plural';
import type { FindingCounts } from './linter';

/**
 * "$(shield) 3" in the status bar: MCP Warden's finding count. A click opens (and focuses) the Problems panel; unlike
 * View: Toggle Problems it never closes it. The editor API cannot set the panel's filter, so the tooltip says which
 * source to filter on.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mcpWarden.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'MCP Warden';
    this.item.command = { title: 'Show Problems', command: 'workbench.panel.markers.view.focus' };
  }

  update(counts: FindingCounts, filesLinted: number): void {
    const total = counts.error + counts.warning + counts.info;
    this.item.text = total === 0 ? '$(shield) MCP' : `$(shield) MCP ${total}`;
    this.item.tooltip =
      total === 0
        ? `MCP Warden: no findings in ${plural(filesLinted, 'MCP config file')}`
        : `MCP Warden: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info in ${counts.files} of ${plural(filesLinted, 'MCP config file')}. Click to open the Problems panel (filter it on "MCP Warden" to see only these).`;
    this.item.backgroundColor =
      counts.error > 0
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : counts.warning > 0
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
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
