// `npm run release:dry`: builds both artefacts of a release, checks them as the three registries would, and prints what
// would be published. Publishes nothing: the Open VSX upload goes to a loopback stand-in registry.
//
//   release/mcp-warden-<version>.vsix   the extension, for the VS Code Marketplace and Open VSX
//   release/mcp-warden-<version>.tgz    the CLI package `mcp-warden`, for the npm registry
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vsixIssues } from './check-vsix.mjs';
import { startOpenVsxStub } from './openvsx-stub.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'release');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const version = manifest.version;
const problems = [];
mkdirSync(out, { recursive: true });

step(`CHANGELOG.md has a section for ${version} or [Unreleased]`);
const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
if (!new RegExp(`^## \\[(${version.replace(/\./g, '\\.')}|Unreleased)\\]`, 'm').test(changelog)) problems.push(`CHANGELOG.md has no "## [${version}]" section`);

step('Packaging the extension (npm run package)');
execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const vsix = join(out, `mcp-warden-${version}.vsix`);
copyFileSync(join(root, 'mcp-warden.vsix'), vsix);
const vsixBytes = readFileSync(vsix);
problems.push(...vsixIssues(vsixBytes, root).map((p) => `VSIX: ${p}`));

step('Open VSX: ovsx publish to a loopback registry that applies Open VSX’s rules');
const stub = await startOpenVsxStub();
// Asynchronous: the stand-in registry answers from this process's event loop.
const ovsx = await promisify(execFile)(
  process.execPath,
  [join(root, 'node_modules/ovsx/bin/ovsx'), 'publish', vsix, '--registryUrl', stub.url, '--pat', 'release-dry-run'],
  { cwd: root, timeout: 120_000 },
).then(
  (r) => ({ ...r, code: 0 }),
  (e) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? String(e), code: e.code ?? 1 }),
);
await stub.close();
process.stdout.write(indent(`${ovsx.stdout}${ovsx.stderr}`));
if (ovsx.code !== 0 || stub.published.length !== 1) problems.push(`Open VSX: ovsx publish was refused (exit ${ovsx.code})`);

step('Packing the CLI (packages/cli)');
const packed = execFileSync(process.execPath, [join(root, 'scripts/release/pack-cli.mjs'), '--out', out], { cwd: root, encoding: 'utf8' });
const tarball = packed.trim().split('\n').pop();
const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
for (const required of [
  'package/package.json',
  'package/dist/cli.js',
  'package/README.md',
  'package/LICENSE',
  'package/CHANGELOG.md',
  'package/dist/THIRD-PARTY-NOTICES.txt',
]) {
  if (!files.includes(required)) problems.push(`CLI tarball: ${required} is missing`);
}
if (files.some((f) => /^package\/(src|test|node_modules)\//.test(f))) problems.push('CLI tarball: holds sources, tests or node_modules');

console.log('\nWould publish:');
console.log(`  VS Code Marketplace  ${manifest.publisher}.${manifest.name}@${version}   ${rel(vsix)} (${kb(statSync(vsix).size)})`);
console.log(
  `  Open VSX             ${manifest.publisher}.${manifest.name}@${version}   the same VSIX (namespace '${manifest.publisher}' must exist there first)`,
);
console.log(`  npm registry         mcp-warden@${version}   ${rel(tarball)} (${kb(statSync(tarball).size)}, ${files.length} files)`);
if (problems.length) {
  console.error(`\nNot ready to release (${problems.length} problem${problems.length === 1 ? '' : 's'}):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('\nAll checks passed. Nothing was published.');

function step(text) {
  console.log(`\n▸ ${text}`);
}
function indent(text) {
  return text.trim() ? text.trim().replace(/^/gm, '    ') + '\n' : '';
}
function rel(path) {
  return path.startsWith(root + '/') ? path.slice(root.length + 1) : path;
}
function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
