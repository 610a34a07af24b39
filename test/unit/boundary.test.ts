// src/core is the pure engine: text in, findings out. It must never reach the editor, processes,
// the network or the disk, so that the CLI, the extension and the tests can all trust its output.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { build } from 'esbuild';
import { repoRoot } from './core/fixtureHelpers';

const ROOT = repoRoot();
const CORE = join(ROOT, 'src', 'core');

const FORBIDDEN = [
  'vscode',
  'child_process',
  'node:child_process',
  'net',
  'http',
  'https',
  'node:net',
  'node:http',
  'node:https',
  'node:fs',
  'fs',
  '@modelcontextprotocol/sdk',
];

/** `fs/promises` counts as `fs`, `@modelcontextprotocol/sdk/client/index.js` as the SDK. */
function forbiddenModule(specifier: string): string | undefined {
  return FORBIDDEN.find((m) => specifier === m || specifier.startsWith(m + '/'));
}

/** Every module a TypeScript file names: static and dynamic imports, re-exports, require(). */
export function importedModules(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) found.push(m[1]!);
  return found;
}

function tsFilesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFilesBelow(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('src/core boundary', () => {
  test('the import scanner sees every form of import', () => {
    const sample = [
      "import { x } from 'vscode';",
      "import * as cp from 'node:child_process';",
      "import 'net';",
      "export { y } from 'fs/promises';",
      "const h = require('https');",
      "const s = await import('@modelcontextprotocol/sdk/client/index.js');",
      "import type {\n  Z,\n} from 'http';",
      "// import { no } from 'fs';",
      "/* require('node:fs') */",
      'const text = \'not an import: from "x"\';',
    ].join('\n');
    assert.deepEqual(
      importedModules(sample).map(forbiddenModule).sort(),
      ['@modelcontextprotocol/sdk', 'fs', 'http', 'https', 'net', 'node:child_process', 'vscode'].sort(),
    );
  });

  test('no file under src/core imports vscode, processes, the network, the file system or the MCP SDK', () => {
    const files = tsFilesBelow(CORE);
    assert.ok(files.length > 20, `only ${files.length} files found under ${CORE}`);
    const offenders: string[] = [];
    for (const file of files) {
      for (const specifier of importedModules(readFileSync(file, 'utf8'))) {
        if (forbiddenModule(specifier)) offenders.push(`${relative(ROOT, file).replace(/\\/g, '/')} imports '${specifier}'`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  test('the bundled engine (src/core/index.ts and everything it pulls in) requires none of them', async () => {
    const result = await build({
      entryPoints: [join(CORE, 'index.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      logLevel: 'silent',
      metafile: true,
      // Kept external so that a use shows up as a require() instead of being inlined.
      external: ['vscode', '@modelcontextprotocol/sdk', '@modelcontextprotocol/sdk/*'],
    });
    const output = result.outputFiles[0]!.text;
    const required = [...output.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
    const offenders = [...new Set(required.filter((r) => forbiddenModule(r)))];
    assert.deepEqual(offenders, [], 'the bundle requires forbidden modules');
    const fromSdk = Object.keys(result.metafile.inputs).filter((p) => p.includes('@modelcontextprotocol'));
    assert.deepEqual(fromSdk, []);
    const coreInputs = Object.keys(result.metafile.inputs).filter((p) => p.replace(/\\/g, '/').includes('src/'));
    const outside = coreInputs.filter((p) => !p.replace(/\\/g, '/').includes('src/core/'));
    assert.deepEqual(outside, [], 'src/core pulls in code from outside src/core');
  });
});
