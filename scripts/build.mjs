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

// The tool-text analyzer runs in a worker thread (dist/gateway.js, src/node/toolAnalysis), so the extension's
// bundle needs only the few src/core/tools modules it renders with. Marking that folder free of side effects
// lets esbuild drop the rest (the detectors and their tables, reached through the src/core/index barrel),
// which activation would otherwise load and set up for nothing.
const toolsWithoutSideEffects = {
  name: 'tools-without-side-effects',
  setup(b) {
    b.onResolve({ filter: /tools\// }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'resolving' });
      return resolved.path.replace(/\\/g, '/').includes('/src/core/tools/') ? { ...resolved, sideEffects: false } : resolved;
    });
  },
};

// The live client (src/live: the MCP SDK, ajv, zod) is its own file, dist/live.js, which the extension requires on
// the first connect (src/extension/live/liveModule.ts) instead of loading it at activation.
const liveOnDemand = {
  name: 'live-on-demand',
  setup(b) {
    b.onResolve({ filter: /live\/index$/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'resolving' });
      if (!resolved.path.replace(/\\/g, '/').endsWith('/src/live/index.ts')) return resolved;
      if (!args.importer.replace(/\\/g, '/').endsWith('/src/extension/live/liveModule.ts')) {
        return { errors: [{ text: `${args.importer} loads the live client at activation: import it through src/extension/live/liveModule.ts` }] };
      }
      return { path: './live.js', external: true };
    });
  },
};

await Promise.all([
  build({
    ...common,
    entryPoints: [testBuild ? 'src/extension/testBuild.ts' : 'src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [toolsWithoutSideEffects, liveOnDemand],
  }),
  build({ ...common, entryPoints: ['src/live/index.ts'], outfile: 'dist/live.js' }),
  // What the VSIX ships besides the extension: the gateway the editor routes servers through, which is also
  // the worker thread of the tool-text analysis for large definitions (see src/gateway/main.ts).
  build({ ...common, entryPoints: ['src/gateway/main.ts'], outfile: 'dist/gateway.js' }),
  build({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
