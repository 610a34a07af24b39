// Bundles the extension and the CLI with esbuild. `--production` minifies and drops source maps.
// `--test` builds the extension from src/extension/testBuild.ts instead: the same activation plus the
// end-to-end test hooks, which the production bundle (src/extension/extension.ts) never contains.
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const testBuild = process.argv.includes('--test');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    entryPoints: [testBuild ? 'src/extension/testBuild.ts' : 'src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
  }),
  // What the VSIX ships besides the extension: the gateway the editor routes servers through, which is also
  // the worker thread of the tool-text analysis for large definitions (see src/gateway/main.ts).
  build({ ...common, entryPoints: ['src/gateway/main.ts'], outfile: 'dist/gateway.js' }),
  build({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
