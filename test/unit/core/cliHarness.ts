// Runs the bundled CLI (dist/cli.js, made by `npm run build`) in a child process with a throwaway
// HOME, so no real user config of the machine running the tests is ever read.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from './fixtureHelpers';

export const CLI = join(repoRoot(), 'dist', 'cli.js');

export function assertCliBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` before the CLI tests`);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A scratch area with an empty HOME and a project folder; `dispose()` removes it. */
export class Sandbox {
  readonly root = mkdtempSync(join(tmpdir(), 'mcp-warden-cli-'));
  readonly home = join(this.root, 'home');
  readonly project = join(this.root, 'project');

  constructor() {
    mkdirSync(this.home);
    mkdirSync(this.project);
  }

  /** Writes a file below the project (or below any folder given as an absolute path). */
  write(relativePath: string, content: string | Uint8Array, base = this.project): string {
    const path = join(base, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return path;
  }

  copyTree(from: string, to: string): void {
    cpSync(from, to, { recursive: true });
  }

  run(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
    assertCliBuilt();
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: this.home,
      USERPROFILE: this.home,
      NO_COLOR: '1',
      ...options.env,
    };
    const result = spawnSync(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? this.project,
      env,
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.error) throw result.error;
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** `scan --format json`, parsed. */
  scanJson(args: string[], options: { cwd?: string } = {}): { code: number | null; report: JsonReport; stderr: string } {
    const r = this.run(['scan', '--format', 'json', ...args], options);
    let report: JsonReport;
    try {
      report = JSON.parse(r.stdout) as JsonReport;
    } catch {
      throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
    }
    return { code: r.code, report, stderr: r.stderr };
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

export interface JsonFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  server: string | null;
  path: (string | number)[];
  [extra: string]: unknown;
}

export interface JsonFile {
  path: string;
  client: string | null;
  servers: string[];
  findings: JsonFinding[];
  [extra: string]: unknown;
}

export interface JsonReport {
  version: number;
  files: JsonFile[];
}

/** The rules of the foundation: other rules may add findings to the same files, tests filter to these. */
export const FOUNDATION_RULES = new Set([
  'parse-error',
  'unreadable-file',
  'unknown-config-format',
  'misplaced-servers-key',
  'invalid-server-entry',
  'duplicate-server-name',
]);
