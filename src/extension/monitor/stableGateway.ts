import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';

const FILE = 'gateway.js';
const STAMP = 'gateway.version';

/**
 * The gateway a routed config entry runs: a copy of the extension's `dist/gateway.js` in its global storage, whose
 * path does not change when the extension is updated (the extension's own folder is versioned and is removed by the
 * next update, which would leave every routed server unable to start). The copy is refreshed when the extension's
 * version changes; `refresh` only compares a stamp, so calling it at activation costs one small read.
 */
export function stableGatewayPath(context: Pick<vscode.ExtensionContext, 'extensionUri' | 'globalStorageUri' | 'extension'>): string {
  const folder = context.globalStorageUri.fsPath;
  const target = path.join(folder, FILE);
  const version = String(context.extension.packageJSON.version ?? '');
  const stamp = path.join(folder, STAMP);
  const current = fs.existsSync(target) && readStamp(stamp) === version;
  if (!current) {
    fs.mkdirSync(folder, { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    fs.copyFileSync(path.join(context.extensionUri.fsPath, 'dist', FILE), temporary);
    fs.renameSync(temporary, target);
    fs.writeFileSync(stamp, version);
  }
  return target;
}

/** Refreshes the copy only where one exists (a routed entry may be running it); never creates it. */
export function refreshStableGateway(context: Pick<vscode.ExtensionContext, 'extensionUri' | 'globalStorageUri' | 'extension'>): void {
  if (fs.existsSync(path.join(context.globalStorageUri.fsPath, FILE))) stableGatewayPath(context);
}

function readStamp(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
