import * as vscode from 'vscode';

export type Log = Pick<vscode.LogOutputChannel, 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'show'> & vscode.Disposable;

/** The "MCP Warden" output channel, as a log channel (levels set from the channel's gear menu). */
export function createLog(): Log {
  return vscode.window.createOutputChannel('MCP Warden', { log: true });
}
