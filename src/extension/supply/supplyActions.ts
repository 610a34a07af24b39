import * as vscode from 'vscode';
import type { ActionContributor } from '../codeActions';
import { isVulnerableData } from '../../core/advisories/configPackages';
import { isUnpinnedData } from '../../core/launch/pin';
import { approvalCanHelp } from '../../core/policy/approve';
import type { UnapprovedServerData } from '../../core/rules/unapproved-server';

/** Versions resolved so far, so the next quick-fix menu can name them ("Pin to x@1.2.3"). */
export class KnownPins {
  private readonly versions = new Map<string, string>();

  remember(key: string, version: string): void {
    this.versions.set(key, version);
  }

  get(key: string): string | undefined {
    return this.versions.get(key);
  }
}

export function pinKey(ecosystem: string, name: string, wanted?: string): string {
  return `${ecosystem}:${name}@${wanted ?? ''}`;
}

function isUnapprovedData(data: unknown): data is UnapprovedServerData {
  return typeof data === 'object' && data !== null && (data as UnapprovedServerData).kind === 'unapproved-server';
}

/** "Pin to …" on unpinned-package; "Approve this server" on unapproved-server unless a deny entry matches it (deny wins). */
export const supplyActions =
  (pins: KnownPins): ActionContributor =>
  (document, _tracked, finding, diagnostic) => {
    if (finding.ruleId === 'unpinned-package' && isUnpinnedData(finding.data) && finding.data.request) {
      const known = pins.get(pinKey(finding.data.request.ecosystem, finding.data.request.name, finding.data.request.wanted));
      const title = known ? `Pin to ${finding.data.name}@${known}` : `Pin ${finding.data.name} to its exact current version (asks the registry)`;
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.command = { title, command: 'mcpWarden.pinPackage', arguments: [document.uri, finding.range.start] };
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      return [action];
    }
    if (finding.ruleId === 'vulnerable-package' && isVulnerableData(finding.data) && finding.data.fixedVersion) {
      const title = `Move ${finding.data.name} to ${finding.data.fixedVersion} or the next fixed release (asks the registry)`;
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.command = { title, command: 'mcpWarden.moveToFixedVersion', arguments: [document.uri, finding.range.start] };
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      return [action];
    }
    if (finding.ruleId === 'unapproved-server' && finding.server && isUnapprovedData(finding.data) && approvalCanHelp(finding.data.approval)) {
      const title = `Approve server "${finding.server}" (add it to the policy)`;
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.command = { title, command: 'mcpWarden.approveInPolicy', arguments: [document.uri, finding.server] };
      action.diagnostics = [diagnostic];
      return [action];
    }
    return [];
  };
