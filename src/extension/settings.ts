import * as vscode from 'vscode';
import { DEFAULT_MAX_FILE_BYTES, mergeSettings, readSettings, type WardenSettings } from '../core/index';
import type { Log } from './log';
import { readSaved } from './workspaceText';

export const SECTION = 'mcpWarden';

/** Mirrors the `mcpWarden.*` settings of package.json. */
export interface ExtensionSettings {
  engine: WardenSettings;
  debounceMs: number;
  maxFileBytes: number;
  lintUserConfigs: boolean;
}

/**
 * Reads the settings: `.mcp-warden.json` of the first workspace folder (shared with the CLI), then
 * the editor's `mcpWarden.rules` / `mcpWarden.ignore`, which win per rule.
 */
export async function readExtensionSettings(log: Log): Promise<ExtensionSettings> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const fromEditor = readSettings({
    rules: config.get('rules', {}),
    ignore: config.get('ignore', []),
    flows: { kinds: explicit(config, 'flows.kinds'), builtinTools: explicit(config, 'flows.builtinTools'), minConfidence: explicit(config, 'flows.minConfidence') },
  });
  for (const p of fromEditor.problems) log.warn(`Setting mcpWarden: ${p}`);
  const fromFile = await readTeamSettings(log);
  return {
    engine: mergeSettings(fromFile, fromEditor.settings),
    debounceMs: clamp(config.get('lint.debounceMs', 300), 0, 5000),
    maxFileBytes: clamp(config.get('maxFileSizeMB', DEFAULT_MAX_FILE_BYTES / (1024 * 1024)), 0.1, 512) * 1024 * 1024,
    lintUserConfigs: config.get('lintUserConfigs', false),
  };
}

async function readTeamSettings(log: Log): Promise<WardenSettings> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return { rules: {}, ignore: [] };
  const uri = vscode.Uri.joinPath(folder.uri, '.mcp-warden.json');
  const text = await readSaved(uri);
  if (text === undefined) return { rules: {}, ignore: [] };
  try {
    const { settings, problems } = readSettings(JSON.parse(text));
    for (const p of problems) log.warn(`${uri.fsPath}: ${p}`);
    return settings;
  } catch (e) {
    log.warn(`${uri.fsPath} is not valid JSON and is ignored: ${(e as Error).message}`);
    return { rules: {}, ignore: [] };
  }
}

/** A setting's value only where the user set it, so that `.mcp-warden.json` keeps the say over defaults. */
function explicit(config: vscode.WorkspaceConfiguration, key: string): unknown {
  const i = config.inspect(key);
  return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
}
