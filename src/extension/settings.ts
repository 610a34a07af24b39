import * as vscode from 'vscode';
import { DEFAULT_MAX_FILE_BYTES, mergeSettings, readSettings, type WardenSettings } from '../core/index';
import { SETTINGS_FILE } from '../core/workspace/locations';
import { readSettingsFileText } from '../core/workspace/settingsFile';
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
    flows: {
      kinds: explicit(config, 'flows.kinds'),
      builtinTools: explicit(config, 'flows.builtinTools'),
      minConfidence: explicit(config, 'flows.minConfidence'),
    },
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

/** `.mcp-warden.json` of the first workspace folder, where the CLI reads it too (watched: see `teamSettingsUri`). */
export function teamSettingsUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, SETTINGS_FILE) : undefined;
}

async function readTeamSettings(log: Log): Promise<WardenSettings> {
  const uri = teamSettingsUri();
  if (!uri) return { rules: {}, ignore: [] };
  // Regular files only, bounded: a committed link to a device file cannot stall the extension host.
  const text = await readSaved(uri);
  if (text === undefined) return { rules: {}, ignore: [] };
  const { settings, problems, unreadable } = readSettingsFileText(text);
  if (unreadable) log.warn(`${uri.fsPath} is ignored: ${problems.join('; ')}`);
  else for (const p of problems) log.warn(`${uri.fsPath}: ${p}`);
  return settings;
}

/** A setting's value only where the user set it, so that `.mcp-warden.json` keeps the say over defaults. */
function explicit(config: vscode.WorkspaceConfiguration, key: string): unknown {
  const i = config.inspect(key);
  return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
}
