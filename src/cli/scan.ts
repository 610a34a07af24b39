import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ALL_RULES,
  createProject,
  formatJson,
  formatSarif,
  formatText,
  lintProject,
  mergeSettings,
  SEVERITY_ORDER,
  type ClientId,
  type ConfigFile,
  type FileReport,
  type Project,
  type WardenSettings,
} from '../core/index';
import type { Policy } from '../core/policy/model';
import { readPolicy } from '../core/policy/read';
import { codeWorkspaceFolders } from '../core/config/codeWorkspace';
import { isCodeWorkspacePath } from '../core/config/locations';
import { policyPathIn, SETTINGS_FILE } from '../core/workspace/locations';
import { readSettingsFileText } from '../core/workspace/settingsFile';
import { readBoundedText, readFailure, READ_CAPS } from '../node/boundedRead';
import { existingUserConfigs, findConfigFiles } from '../node/discovery';
import { currentMachineEnv } from '../node/machineEnv';
import { readEnvFiles } from '../node/envFiles';
import { readConfigFile } from '../node/readConfig';
import { ruleDocReader } from '../node/ruleDocs';
import type { ScanArgs } from './args';
import { visibleText } from '../core/text/visible';
import { writeReport } from './writeReport';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  packageRoot: string;
  version: string;
}

/** What `scan`, `scan --fix` and `inventory` all start from. */
export interface LoadedProject {
  project: Project;
  settings: WardenSettings;
  /** Something could not be read (exit code 2 at the end), but the rest was loaded. */
  ioError: boolean;
}

export interface LoadOptions {
  paths: string[];
  client?: ClientId;
  user: boolean;
  config?: string;
  policy?: string;
  rules?: WardenSettings['rules'];
  maxFileBytes?: number;
}

/** Settings, config files (given paths, or the current folder plus the user's configs) and policy; undefined on a fatal error (already reported). */
export function loadProject(options: LoadOptions, io: CliIo): LoadedProject | undefined {
  let ioError = false;
  const fail = (message: string) => {
    io.stderr(`mcp-warden: ${message}\n`);
    ioError = true;
  };
  const settings = loadSettings(options, io, fail);
  if (!settings) return undefined;
  const machine = currentMachineEnv(io.env);
  const files: ConfigFile[] = [];
  const roots: string[] = [];
  // --client names the dialect of the files you name; discovered files keep the client their location says.
  const load = (path: string, explicit: boolean, scope?: ConfigFile['scope'], known?: ClientId): ConfigFile | undefined => {
    const forced = known ?? (explicit ? options.client : undefined);
    try {
      const file = readConfigFile({
        path,
        explicit,
        home: machine.home,
        ...(forced ? { client: forced } : {}),
        ...(scope ? { scope } : {}),
        ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
      });
      files.push(file);
      return file;
    } catch (e) {
      fail(`cannot read ${path}: ${readFailure(e)}`);
      return undefined;
    }
  };
  const searchFolder = (dir: string) => {
    roots.push(dir);
    const found = findConfigFiles(dir);
    if (found.truncated) io.stderr(`mcp-warden: ${dir}: search stopped at its depth or folder limit; name deeper folders explicitly\n`);
    for (const u of found.unreadable) fail(`cannot read folder ${u.path}: ${u.reason}`);
    for (const f of found.files) load(f, false);
    if (found.files.length === 0 && found.unreadable.length === 0)
      io.stderr(
        `mcp-warden: ${visibleText(dir, { singleLine: true })} holds no config file of a known MCP client (the names are in docs/clients.md); name a file to lint it anyway\n`,
      );
  };
  // A `.code-workspace` file is one VS Code window: its folders are searched, and their servers form one session with its own.
  let window: Project['window'];
  const openWindow = (file: ConfigFile | undefined, path: string) => {
    if (!file || window) return;
    const folders = codeWorkspaceFolders(file).filter((f) => existsSync(f) && statSync(f).isDirectory());
    for (const f of folders) searchFolder(f);
    window = { folders, workspaceFile: path };
  };
  if (options.paths.length === 0) {
    searchFolder(io.cwd);
    if (options.user) for (const loc of existingUserConfigs(machine)) load(loc.path, false, loc.scope, loc.client);
  }
  for (const p of options.paths) {
    const abs = resolve(io.cwd, p);
    if (!existsSync(abs)) {
      fail(`no such file or folder: ${visibleText(p, { singleLine: true })}`);
      continue;
    }
    if (statSync(abs).isDirectory()) searchFolder(abs);
    else {
      const file = load(abs, true);
      if (isCodeWorkspacePath(abs)) openWindow(file, abs);
    }
  }
  const project = createProject(dedupe(files), roots.length > 0 ? roots : [io.cwd]);
  if (window) project.window = window;
  const policy = loadPolicy(options.policy, roots.length > 0 ? roots : [io.cwd], io);
  if (policy === 'error') return undefined;
  if (policy) project.policy = policy;
  const envFiles = readEnvFiles(project);
  if (envFiles.size > 0) project.envFiles = envFiles;
  return { project, settings, ioError };
}

/** `--policy FILE`, else the default policy of the first scanned folder that has one. Problems go to stderr; an unreadable policy is fatal. */
export function loadPolicy(explicit: string | undefined, roots: readonly string[], io: CliIo): Policy | undefined | 'error' {
  const path = explicit !== undefined ? resolve(io.cwd, explicit) : roots.map((r) => policyPathIn(r, undefined)).find((p) => existsSync(p));
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readBoundedText(path, { maxBytes: READ_CAPS.policy, explicit: explicit !== undefined });
  } catch (e) {
    io.stderr(`mcp-warden: cannot read policy ${path}: ${readFailure(e)}\n`);
    return 'error';
  }
  const source = path.replace(/\\/g, '/').startsWith(io.cwd.replace(/\\/g, '/') + '/') ? path.slice(io.cwd.length + 1).replace(/\\/g, '/') : path;
  const { policy, problems } = readPolicy(text, source);
  for (const p of problems) io.stderr(`mcp-warden: ${source}: ${p.message}\n`);
  return policy ?? 'error';
}

/** `mcp-warden scan` without `--fix` (main.ts sends `--fix` to `runFix`): returns the exit code. */
export function runScan(args: ScanArgs, io: CliIo): number {
  const loaded = loadProject(args, io);
  if (!loaded) return 2;
  const results = lintProject(loaded.project, { settings: loaded.settings });
  return reportResults(results, args, io, loaded.ioError);
}

/** Prints (or writes) the report in the chosen format and returns the exit code. */
export function reportResults(results: FileReport[], args: ScanArgs, io: CliIo, ioError: boolean): number {
  const input = { files: results, cwd: io.cwd, toolVersion: io.version };
  const report =
    args.format === 'json'
      ? formatJson(input) + '\n'
      : args.format === 'sarif'
        ? formatSarif(input, { rules: ALL_RULES, ruleHelp: ruleDocReader(io.packageRoot) }) + '\n'
        : formatText(input, { color: args.color && !args.output, verbose: args.verbose });
  // After an I/O error with nothing read, "No findings in 0 config files" would read as a clean result.
  const nothingToSay = ioError && results.length === 0 && args.format === 'text';
  if (!nothingToSay && !writeReport(io, args.output, report)) return 2;
  if (ioError) return 2;
  if (args.failOn === 'never') return 0;
  const threshold = SEVERITY_ORDER[args.failOn];
  return results.some((r) => r.findings.some((f) => SEVERITY_ORDER[f.severity] >= threshold)) ? 1 : 0;
}

export function loadSettings(options: { config?: string; rules?: WardenSettings['rules'] }, io: CliIo, fail: (m: string) => void): WardenSettings | undefined {
  const path = resolve(io.cwd, options.config ?? SETTINGS_FILE);
  let fromFile: WardenSettings = { rules: {}, ignore: [] };
  if (options.config || existsSync(path)) {
    let text: string;
    try {
      text = readBoundedText(path, { maxBytes: READ_CAPS.settings, explicit: options.config !== undefined });
    } catch (e) {
      fail(`cannot read settings ${path}: ${readFailure(e)}`);
      return undefined;
    }
    const { settings, problems, unreadable } = readSettingsFileText(text);
    if (unreadable) {
      fail(`cannot read settings ${path}: ${problems.join('; ')}`);
      return undefined;
    }
    if (problems.length > 0) {
      fail(`invalid settings in ${path}: ${problems.join('; ')}`);
      return undefined;
    }
    fromFile = settings;
  }
  return mergeSettings(fromFile, { rules: options.rules ?? {}, ignore: [] });
}

function dedupe(files: ConfigFile[]): ConfigFile[] {
  const seen = new Map<string, ConfigFile>();
  for (const f of files) {
    const key = f.path.replace(/\\/g, '/');
    const existing = seen.get(key);
    if (!existing || (f.explicit && !existing.explicit)) seen.set(key, f);
  }
  return [...seen.values()];
}
