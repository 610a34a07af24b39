import * as vscode from 'vscode';

/** A file's text as the user sees it: the open editor's (unsaved edits included), else the saved file. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : readSaved(uri);
}

/** Larger files (lockfile, policy, settings) are not read: a cloned repository could pad them to gigabytes. */
const MAX_SAVED_BYTES = 32 * 1024 * 1024;

/**
 * The saved file only (what a watcher event is about); undefined when there is none, or when it is not
 * a regular file (a committed symlink to /dev/zero, a FIFO) or is over 32 MB — nothing hostile is read.
 */
export async function readSaved(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (!(stat.type & vscode.FileType.File) || stat.size > MAX_SAVED_BYTES) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
