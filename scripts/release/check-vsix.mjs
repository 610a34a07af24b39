// What the VS Code Marketplace and MCP Warden's own release rules ask of the packaged VSIX, checked on the file itself.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { zipEntries } from './zip.mjs';

const MARKETPLACE_CATEGORIES = new Set([
  'AI',
  'Azure',
  'Chat',
  'Data Science',
  'Debuggers',
  'Education',
  'Extension Packs',
  'Formatters',
  'Keymaps',
  'Language Packs',
  'Linters',
  'Machine Learning',
  'Notebooks',
  'Other',
  'Programming Languages',
  'SCM Providers',
  'Snippets',
  'Testing',
  'Themes',
  'Visualization',
]);
// The size budget of the packaged VSIX: the one number the release checks and test/e2e/package.e2e.test.ts use.
// The VSIX ships the extension and dist/gateway.js (the gateway alone); the whole CLI, dist/cli.js, is published on
// its own. Measured 917,811 bytes with the recorded tool listings of 142 servers in the extension's bundle.
export const MAX_VSIX_BYTES = 1024 * 1024;
/** The files of dist/ the installed extension runs (scripts/build.mjs builds them; .vscodeignore lets them in). */
export const RUNTIME_BUNDLES = ['dist/extension.js', 'dist/live.js', 'dist/gateway.js'];
const EXACT_VERSION = /^\d+\.\d+\.\d+$/;

/** Problems with the VSIX at `path` (sentences), given the repository it was built from; empty when it is ready. */
export function vsixIssues(buffer, repoRoot) {
  const issues = [];
  const entries = zipEntries(buffer);
  const manifest = JSON.parse(entries.get('extension/package.json').toString('utf8'));
  const need = (ok, problem) => ok || issues.push(problem);

  need(buffer.length <= MAX_VSIX_BYTES, `The VSIX is ${buffer.length} bytes; the budget is ${MAX_VSIX_BYTES}.`);
  need(EXACT_VERSION.test(manifest.version ?? ''), `version '${manifest.version}' is not MAJOR.MINOR.PATCH`);
  for (const field of ['publisher', 'name', 'displayName', 'description', 'license', 'homepage']) need(manifest[field], `package.json has no ${field}`);
  need(manifest.repository?.url, 'package.json has no repository.url (the Marketplace links to it and rewrites README links from it)');
  need(manifest.bugs?.url, 'package.json has no bugs.url');
  need(manifest.galleryBanner?.color && manifest.galleryBanner?.theme, 'package.json has no galleryBanner (color and theme)');
  need(manifest.engines?.vscode, 'package.json has no engines.vscode');
  need(Array.isArray(manifest.categories) && manifest.categories.length > 0, 'package.json has no categories');
  for (const category of manifest.categories ?? []) need(MARKETPLACE_CATEGORIES.has(category), `'${category}' is not a Marketplace category`);
  need(Array.isArray(manifest.keywords) && manifest.keywords.length > 0 && manifest.keywords.length <= 30, 'keywords: between 1 and 30');
  need(!(manifest.activationEvents ?? []).includes('*'), 'activation on * is not allowed');
  need(manifest.icon && /\.png$/i.test(manifest.icon) && entries.has(`extension/${manifest.icon}`), 'the icon must be a PNG inside the VSIX');

  const names = [...entries.keys()];
  for (const required of ['extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt']) need(entries.has(required), `the VSIX has no ${required}`);
  // The bundles the extension loads: itself, the live client it requires on the first connect, the gateway and analysis worker.
  for (const bundle of RUNTIME_BUNDLES) need(entries.has(`extension/${bundle}`), `the VSIX has no ${bundle}: the extension loads it at run time`);
  need(!names.some((n) => n.startsWith('extension/docs/images/')), 'screenshots (docs/images) are in the VSIX');
  need(!names.some((n) => /^extension\/(src|test|scripts|bench|node_modules|out)\//.test(n)), 'sources, tests or node_modules are in the VSIX');
  need(
    names.some((n) => n.startsWith('extension/docs/rules/')),
    'the rule pages (docs/rules) are missing: diagnostics link to them',
  );

  const readme = entries.get('extension/readme.md')?.toString('utf8') ?? '';
  const base = (manifest.repository?.url ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
  for (const [, target] of readme.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (target.startsWith('#') || target.startsWith('mailto:')) continue;
    if (!/^https:\/\//.test(target)) {
      issues.push(`README link '${target}' is relative or not https: it breaks on the Marketplace and Open VSX pages`);
      continue;
    }
    const inRepo = new RegExp(`^${escapeRegExp(base)}/(?:blob|raw)/HEAD/([^#?]+)`).exec(target);
    if (inRepo && !existsSync(join(repoRoot, decodeURIComponent(inRepo[1])))) issues.push(`README links to ${inRepo[1]}, which is not in the repository`);
  }
  return issues;
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
