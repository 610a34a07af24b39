// `npm run bench`: runs every benchmark module compiled next to this file, `lint` first.
//
// Convention: a benchmark is `bench/<name>.ts` exporting `export async function run(): Promise<void>`,
// which prints its own report to standard output. Modules that are missing are simply not run; a
// module without `run` is reported and skipped. Timing happens only here, never in tests.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Benchmarks that run first, in this order; any other module in bench/ follows, sorted by name. */
const PREFERRED_ORDER = ['lint', 'secrets', 'tools', 'live'];

export interface BenchModule {
  run(): Promise<void>;
}

function benchModules(dir: string): string[] {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.js') && !f.startsWith('_'))
    .map((f) => f.slice(0, -3))
    .filter((name) => name !== 'run' && !name.startsWith('helpers'));
  const rank = (name: string) => {
    const i = PREFERRED_ORDER.indexOf(name);
    return i === -1 ? PREFERRED_ORDER.length : i;
  };
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

async function main(): Promise<void> {
  let failed = false;
  for (const name of benchModules(__dirname)) {
    const mod = (await import(join(__dirname, `${name}.js`))) as Partial<BenchModule>;
    if (typeof mod.run !== 'function') {
      console.log(`bench/${name}: no exported run(), skipped\n`);
      continue;
    }
    console.log(`=== bench/${name}`);
    try {
      await mod.run();
    } catch (e) {
      failed = true;
      console.error(`bench/${name} failed: ${(e as Error).stack ?? e}`);
    }
    console.log('');
  }
  if (failed) process.exitCode = 1;
}

void main();
