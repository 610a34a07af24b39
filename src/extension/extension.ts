import type * as vscode from 'vscode';
import { startWarden } from './activation/start';
import { loadedLive } from './live/liveModule';

// The production entry point. The test build (src/extension/testBuild.ts) wraps the same activation
// with the end-to-end test hooks; they never ship in the published bundle.

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  await startWarden(context);
}

/** Stops every server the sidebar started, with their process trees (the live layer keeps the registry). */
export async function deactivate(): Promise<void> {
  await loadedLive()?.killAllLiveProcesses();
}
