import { minimatch } from 'minimatch';
import { readFlowSettings, type FlowOptions } from '../flows/options';
import type { SeveritySetting } from '../model/finding';

/** An entry that silences findings: any field left out matches everything. */
export interface IgnoreEntry {
  /** Glob on the file path (forward slashes; `**` allowed). */
  files?: string;
  rules?: string[];
  servers?: string[];
}

/** The options every adapter passes to the engine. Same shape as `.mcp-warden.json`. */
export interface WardenSettings {
  /** Per-rule severity, or `off`. */
  rules: Record<string, SeveritySetting>;
  ignore: IgnoreEntry[];
  /** Which toxic flows to report and which are accepted (see docs/toxic-flows.md). */
  flows?: FlowOptions;
}

export const DEFAULT_SETTINGS: WardenSettings = { rules: {}, ignore: [] };

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/** Validates a settings object from JSON (`.mcp-warden.json`, VS Code settings); returns the problems found. */
export function readSettings(value: unknown): { settings: WardenSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: WardenSettings = { rules: {}, ignore: [] };
  if (value === undefined || value === null) return { settings, problems };
  if (typeof value !== 'object' || Array.isArray(value)) return { settings, problems: ['settings must be an object'] };
  const v = value as Record<string, unknown>;
  if (v.rules !== undefined) {
    if (typeof v.rules !== 'object' || v.rules === null || Array.isArray(v.rules)) problems.push('"rules" must be an object of rule id to severity');
    else {
      for (const [id, sev] of Object.entries(v.rules)) {
        if (typeof sev === 'string' && SEVERITIES.has(sev)) settings.rules[id] = sev as SeveritySetting;
        else problems.push(`"rules.${id}": severity must be one of off, info, warning, error`);
      }
    }
  }
  if (v.ignore !== undefined) {
    if (!Array.isArray(v.ignore)) problems.push('"ignore" must be an array');
    else {
      v.ignore.forEach((entry, i) => {
        const parsed = readIgnore(entry);
        if (typeof parsed === 'string') problems.push(`"ignore[${i}]": ${parsed}`);
        else settings.ignore.push(parsed);
      });
    }
  }
  if (v.flows !== undefined) {
    const flows = readFlowSettings(v.flows);
    problems.push(...flows.problems.map((p) => `"flows": ${p}`));
    settings.flows = flows.options;
  }
  return { settings, problems };
}

function readIgnore(entry: unknown): IgnoreEntry | string {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'must be an object with files, rules and/or servers';
  const e = entry as Record<string, unknown>;
  const out: IgnoreEntry = {};
  if (e.files !== undefined) {
    if (typeof e.files !== 'string') return '"files" must be a glob string';
    out.files = e.files;
  }
  for (const key of ['rules', 'servers'] as const) {
    if (e[key] === undefined) continue;
    if (!Array.isArray(e[key]) || !(e[key] as unknown[]).every((x) => typeof x === 'string')) return `"${key}" must be an array of strings`;
    out[key] = e[key] as string[];
  }
  return out;
}

/** Merges settings; later ones win per rule, ignore lists add up. */
export function mergeSettings(...all: WardenSettings[]): WardenSettings {
  const merged: WardenSettings = { rules: Object.assign({}, ...all.map((s) => s.rules)), ignore: all.flatMap((s) => s.ignore) };
  const flows = all.map((s) => s.flows).filter((f) => f !== undefined);
  if (flows.length > 0) merged.flows = { ...flows[flows.length - 1]!, acceptedFlows: flows.flatMap((f) => f!.acceptedFlows) };
  return merged;
}

export function isIgnored(settings: WardenSettings, file: string, ruleId: string, server: string | undefined): boolean {
  const path = file.replace(/\\/g, '/');
  return settings.ignore.some(
    (e) =>
      (!e.rules || e.rules.includes(ruleId)) &&
      (!e.servers || (server !== undefined && e.servers.includes(server))) &&
      (!e.files || minimatch(path, e.files, { dot: true, matchBase: !e.files.includes('/') })),
  );
}
