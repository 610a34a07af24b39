#!/usr/bin/env node
// Builds benign corpus files from tools/list snapshots committed in public repositories (one JSON tool per file, or a
// JSON array / {tools:[…]} file), read straight from a local git mirror at a fixed commit.
//
// usage: node scripts/corpus/benign/extract-snapshots.mjs <git-dir> <owner/name> <path-regex> <slug> <sourceGroup>
//        <server display name> [--official] [--license MIT]
import { execFileSync } from 'node:child_process';
import { makeRecord, writeCorpusFile, today } from './lib.mjs';

const [gitDir, repo, pathRe, slug, sourceGroup, server, ...rest] = process.argv.slice(2);
const official = rest.includes('--official');
const license = rest.includes('--license') ? rest[rest.indexOf('--license') + 1] : undefined;
const git = (...a) => execFileSync('git', ['--git-dir', gitDir, ...a], { encoding: 'utf8', maxBuffer: 64 << 20 });

const commit = git('rev-parse', 'HEAD').trim();
const paths = git('ls-tree', '-r', '--name-only', 'HEAD')
  .split('\n')
  .filter((p) => new RegExp(pathRe).test(p));
const records = [];
const seen = new Set();
for (const path of paths) {
  const parsed = JSON.parse(git('show', `HEAD:${path}`));
  const tools = Array.isArray(parsed) ? parsed : Array.isArray(parsed.tools) ? parsed.tools : [parsed];
  for (const tool of tools) {
    if (!tool || typeof tool.name !== 'string' || seen.has(tool.name)) continue;
    seen.add(tool.name);
    records.push(makeRecord(slug, 'tool', tool));
  }
}
const commonDir =
  paths.length === 1
    ? paths[0]
    : paths
        .reduce((a, b) => {
          let i = 0;
          while (i < a.length && a[i] === b[i]) i++;
          return a.slice(0, i);
        })
        .replace(/[^/]*$/, '');
writeCorpusFile(slug, {
  source: {
    id: `repo:${repo}:${commonDir || paths[0]}`,
    sourceGroup,
    kind: 'repo-snapshot',
    repo,
    path: commonDir || paths[0],
    paths,
    commit,
    license,
    retrieved: today(),
    method: 'tools/list snapshot files committed in the repository, read verbatim at the commit',
  },
  server,
  official,
  records,
});
console.log(`${slug}: ${records.length} records from ${paths.length} files at ${commit}`);
