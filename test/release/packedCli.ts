// Packs the CLI package (scripts/release/pack-cli.mjs) and installs the tarball into an empty project, offline.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../unit/live/lab';

export interface PackedCli {
  /** The installed package, `<consumer>/node_modules/mcp-warden`. */
  packageDir: string;
  /** What `npm install` printed. */
  installLog: string;
  run(args: string[], cwd: string, env?: Record<string, string>): { code: number | null; stdout: string; stderr: string };
}

function check(what: string, result: SpawnSyncReturns<string>): string {
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${what} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Builds and packs the CLI into `outDir`; returns the tarball's path. */
export function packCli(outDir: string): string {
  const stdout = check(
    'pack-cli',
    spawnSync(process.execPath, [join(REPO, 'scripts/release/pack-cli.mjs'), '--out', outDir], { cwd: REPO, encoding: 'utf8', timeout: 180_000 }),
  );
  return stdout.trim().split('\n').pop()!;
}

/**
 * Installs the tarball into a new, empty project at `consumer`. The registry is pointed at a closed loopback port
 * and npm is told to stay offline, so the install proves the package needs nothing from the network.
 */
export function installPackedCli(tarball: string, consumer: string): PackedCli {
  mkdirSync(consumer, { recursive: true });
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  const npmEnv = {
    ...process.env,
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const installLog = check(
    'npm install',
    spawnSync('npm', ['install', '--no-save', tarball], { cwd: consumer, env: npmEnv, encoding: 'utf8', timeout: 180_000 }),
  );
  const bin = join(consumer, 'node_modules', '.bin', 'mcp-warden');
  return {
    packageDir: join(consumer, 'node_modules', 'mcp-warden'),
    installLog,
    run(args, cwd, env = {}) {
      const home = join(consumer, 'home');
      mkdirSync(home, { recursive: true });
      const r = spawnSync(bin, args, {
        cwd,
        encoding: 'utf8',
        timeout: 120_000,
        env: { PATH: process.env.PATH ?? '', HOME: home, USERPROFILE: home, NO_COLOR: '1', ...env },
      });
      if (r.error) throw r.error;
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
  };
}
