import * as vscode from 'vscode';
import { CodeActions } from '../codeActions';
import { moveAllAction, putBackActions, secretActions } from '../secrets/secretActions';
import { supplyActions, type KnownPins } from '../supply/supplyActions';
import type { Warden } from '../warden';

const SCHEMES = [{ scheme: 'file' }, { scheme: 'vscode-userdata' }, { scheme: 'vscode-remote' }, { scheme: 'untitled' }];

/** Quick fixes, `source.fixAll.mcpWarden` and the opt-in `source.mcpWarden.moveSecrets`. */
export function registerCodeActions(context: vscode.ExtensionContext, w: Warden, canServe: boolean, pins: KnownPins): void {
  const findingsOf = (uri: vscode.Uri) => w.linter.findingsFor(uri);
  const provider = new CodeActions(
    w.index,
    w.linter,
    [secretActions(canServe, findingsOf), supplyActions(pins)],
    [putBackActions],
    [
      (document, tracked, findings, kind) => {
        const action = moveAllAction(document, tracked, findings, canServe, kind);
        return action ? [action] : [];
      },
    ],
  );
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider(SCHEMES, provider, { providedCodeActionKinds: CodeActions.kinds }));
}
