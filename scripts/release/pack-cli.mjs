// Builds the publishable CLI package (packages/cli) from this repository's sources and packs it with `npm pack`.
//
//   node scripts/release/pack-cli.mjs [--out DIR]     → DIR/mcp-warden-<version>.tgz (default DIR: release/)
//
// The package is one self-contained bundle (no runtime dependencies, so it installs with no network), the rule
// pages that SARIF output embeds, the licence, the changelog and the notices of the bundled third-party code.
// Prints the tarball's path on the last line of standard output.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkgDir = join(root, 'packages/cli');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const extensionVersion = readJson(join(root, 'package.json')).version;
const cli = readJson(join(pkgDir, 'package.json'));
if (cli.version !== extensionVersion) {
  console.error(`pack-cli: packages/cli/package.json has version ${cli.version} but the extension has ${extensionVersion}; release them together.`);
  process.exit(1);
}

for (const generated of ['dist', 'docs', 'LICENSE', 'CHANGELOG.md']) rmSync(join(pkgDir, generated), { recursive: true, force: true });

const result = await build({
  entryPoints: [join(root, 'src/cli/bin.ts')],
  outfile: join(pkgDir, 'dist/cli.js'),
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  mainFields: ['module', 'main'],
  banner: { js: '#!/usr/bin/env node' },
  metafile: true,
  logLevel: 'warning',
});
chmodSync(join(pkgDir, 'dist/cli.js'), 0o755);
writeFileSync(join(pkgDir, 'dist/THIRD-PARTY-NOTICES.txt'), thirdPartyNotices(Object.keys(result.metafile.inputs)));

mkdirSync(join(pkgDir, 'docs'), { recursive: true });
cpSync(join(root, 'docs/rules'), join(pkgDir, 'docs/rules'), { recursive: true });
cpSync(join(root, 'LICENSE'), join(pkgDir, 'LICENSE'));
cpSync(join(root, 'CHANGELOG.md'), join(pkgDir, 'CHANGELOG.md'));

const out = resolve(option('--out', join(root, 'release')));
mkdirSync(out, { recursive: true });
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: pkgDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
);
const tarball = join(out, packed[0].filename);
console.log(`pack-cli: ${packed[0].entryCount} files, ${packed[0].size} bytes packed, ${packed[0].unpackedSize} unpacked`);
console.log(tarball);

/** One section per npm package the bundle took code from: name, version, licence and the licence text it ships. */
function thirdPartyNotices(inputs) {
  const packages = new Map();
  for (const input of inputs) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (!match) continue;
    const dir = join(root, input.slice(0, match.index + match[0].length));
    if (!packages.has(match[1])) packages.set(match[1], dir);
  }
  const sections = [...packages]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, dir]) => {
      const meta = readJson(join(dir, 'package.json'));
      const licenceFile = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'LICENCE'].map((f) => join(dir, f)).find((f) => existsSync(f));
      const text = licenceFile ? readFileSync(licenceFile, 'utf8').trim() : `(no licence file shipped; package.json says ${meta.license})`;
      return `${name}@${meta.version} (${meta.license})\n\n${text}\n`;
    });
  return `MCP Warden's CLI bundle contains code from these npm packages:\n\n${sections.join('\n' + '-'.repeat(72) + '\n\n')}`;
}
