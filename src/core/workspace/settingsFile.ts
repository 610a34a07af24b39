import { readSettings, type WardenSettings } from '../engine/settings';

/**
 * Reads the text of `.mcp-warden.json` (the same for the CLI and the editor). `problems` name what
 * is wrong; with `unreadable` the file is not JSON and no setting of it applies.
 */
export function readSettingsFileText(text: string): { settings: WardenSettings; problems: string[]; unreadable: boolean } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { settings: { rules: {}, ignore: [] }, problems: [`not valid JSON: ${(e as Error).message}`], unreadable: true };
  }
  return { ...readSettings(json), unreadable: false };
}
