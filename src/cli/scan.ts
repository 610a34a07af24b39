import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ALL_RULES,
  createProject,
  formatJson,
  formatSarif,
  formatText,
  lintProject,
  mergeSettings,
  readSettings,
  SEVERITY_ORDER,
  type ConfigFile,
  type WardenSettings,
} from '../core/index';
import { existingUserConfigs, findConfigFiles } from '../node/discovery';
import { currentMachineEnv } from '../node/machineEnv';
import { readConfigFile } from '../node/readConfig';
import { ruleDocReader } from '../node/ruleDocs';
import type { ScanArgs } from './args';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  packageRoot: string;
  version: string;
}

/** `mcp-warden scan`: returns the exit code. */
export function runScan(args: ScanArgs, io: CliIo): number {
  let ioError = false;
  const fail = (message: string) => {
    io.stderr(`mcp-warden: ${message}\n`);
    ioError = true;
  };
  const settings = loadSettings(args, io, fail);
  if (!settings) return 2;
  const machine = currentMachineEnv(io.env);
  const files: ConfigFile[] = [];
  const roots: string[] = [];
  const load = (path: string, explicit: boolean, scope?: ConfigFile['scope']) => {
    try {
      files.push(readConfigFile({ path, explicit, home: machine.home, ...(args.client ? { client: args.client } : {}), ...(scope ? { scope } : {}) }));
    } catch (e) {
      fail(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  };
  const searchFolder = (dir: string) => {
    roots.push(dir);
    const found = findConfigFiles(dir);
    if (found.truncated) io.stderr(`mcp-warden: ${dir}: search stopped at its depth or folder limit; name deeper folders explicitly\n`);
    for (const f of found.files) load(f, false);
  };

  if (args.paths.length === 0) {
    searchFolder(io.cwd);
    if (args.user) for (const loc of existingUserConfigs(machine)) load(loc.path, false, loc.scope);
  }
  for (const p of args.paths) {
    const abs = resolve(io.cwd, p);
    if (!existsSync(abs)) {
      fail(`no such file or folder: ${p}`);
      continue;
    }
    if (statSync(abs).isDirectory()) searchFolder(abs);
    else load(abs, true);
  }
  const unique = dedupe(files);
  const results = lintProject(createProject(unique, roots.length > 0 ? roots : [io.cwd]), { settings });
  const input = { files: results, cwd: io.cwd, toolVersion: io.version };
  const report =
    args.format === 'json'
      ? formatJson(input) + '\n'
      : args.format === 'sarif'
        ? formatSarif(input, { rules: ALL_RULES, ruleHelp: ruleDocReader(io.packageRoot) }) + '\n'
        : formatText(input, { color: args.color && !args.output, verbose: args.verbose });
  if (args.output) {
    try {
      writeFileSync(resolve(io.cwd, args.output), report);
    } catch (e) {
      io.stderr(`mcp-warden: cannot write ${args.output}: ${(e as Error).message}\n`);
      return 2;
    }
  } else io.stdout(report);
  if (ioError) return 2;
  if (args.failOn === 'never') return 0;
  const threshold = SEVERITY_ORDER[args.failOn];
  return results.some((r) => r.findings.some((f) => SEVERITY_ORDER[f.severity] >= threshold)) ? 1 : 0;
}

function loadSettings(args: ScanArgs, io: CliIo, fail: (m: string) => void): WardenSettings | undefined {
  const path = args.config ? resolve(io.cwd, args.config) : resolve(io.cwd, '.mcp-warden.json');
  let fromFile: WardenSettings = { rules: {}, ignore: [] };
  if (args.config || existsSync(path)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      fail(`cannot read settings ${path}: ${(e as Error).message}`);
      return undefined;
    }
    const { settings, problems } = readSettings(json);
    if (problems.length > 0) {
      fail(`invalid settings in ${path}: ${problems.join('; ')}`);
      return undefined;
    }
    fromFile = settings;
  }
  return mergeSettings(fromFile, { rules: args.rules, ignore: [] });
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
