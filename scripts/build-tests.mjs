// Transpiles src/, test/ and bench/ to CommonJS in out/ for `node --test` (type checking is `npm run typecheck`).
import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function tsFiles(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') continue;
    if (statSync(p).isDirectory()) out = out.concat(tsFiles(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const entryPoints = ['src', 'test', 'bench'].flatMap((d) => {
  try {
    return tsFiles(d);
  } catch {
    return [];
  }
});
await build({
  entryPoints,
  outdir: process.env.OUT_DIR ?? 'out',
  outbase: '.',
  bundle: false,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: 'inline',
  logLevel: 'warning',
});
