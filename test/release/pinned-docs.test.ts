// Every documented way to run MCP Warden from outside this repository names an exact version, and it is this release.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO } from '../unit/live/lab';

const version = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version as string;
const documents = [
  'README.md',
  'CHANGELOG.md',
  'action.yml',
  'packages/cli/README.md',
  ...readdirSync(join(REPO, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

test('the CLI package, the action and the extension have one version', () => {
  assert.equal(JSON.parse(readFileSync(join(REPO, 'packages/cli/package.json'), 'utf8')).version, version);
  assert.match(readFileSync(join(REPO, 'action.yml'), 'utf8'), new RegExp(`^ {4}default: ${version.replace(/\./g, '\\.')}$`, 'm'));
});

test('no document runs an unpinned or other-version mcp-warden', () => {
  const problems: string[] = [];
  for (const file of documents) {
    readFileSync(join(REPO, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const where = `${file}:${i + 1}: ${line.trim()}`;
        if (/\b(npx|pnpm dlx|bunx|yarn dlx)(\s+(-y|--yes))?\s+mcp-warden(?!@)/.test(line)) problems.push(`unpinned: ${where}`);
        if (/npm (install|i)\b[^\n]*\bmcp-warden(?![@\w-])/.test(line)) problems.push(`unpinned install: ${where}`);
        for (const m of line.matchAll(/\bmcp-warden@v?(\d+\.\d+\.\d+[\w.-]*)/g))
          if (m[1] !== version) problems.push(`mcp-warden@${m[1]} is not ${version}: ${where}`);
        for (const m of line.matchAll(/\buses: mcp-warden\/mcp-warden@(\S+)/g))
          if (m[1] !== `v${version}`) problems.push(`action ref ${m[1]} is not v${version}: ${where}`);
      });
  }
  assert.deepEqual(problems, []);
});
