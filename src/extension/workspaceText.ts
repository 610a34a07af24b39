import * as vscode from 'vscode';

/** A file's text as the user sees it: the open editor's (unsaved edits included), else the saved file. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : readSaved(uri);
}

/** The saved file only (what a watcher event is about); undefined when there is none. */
export async function readSaved(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
