import * as vscode from 'vscode';
import { ALL_RULES } from '../../core/index';
import type { Warden } from '../warden';

/** Opens a rule's documentation page (the copy packaged with the extension) as a Markdown preview. */
export async function showRuleDocsCommand(warden: Warden, ruleId?: string): Promise<void> {
  const id =
    ruleId ??
    (
      await vscode.window.showQuickPick(
        ALL_RULES.map((r) => ({ label: r.meta.id, description: r.meta.category, detail: r.meta.description })),
        { placeHolder: 'Which rule?' },
      )
    )?.label;
  if (!id) return;
  await vscode.commands.executeCommand('markdown.showPreview', warden.docsUri(id));
}
