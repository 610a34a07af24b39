// Every finding of every rule on every config the repository holds, as JSON: message, range, related,
// data (lazy parts forced) and fixes (lazy remedies computed). For proving that a change to the engine
// is structural only: dump before and after, then compare the files byte for byte.
//
//   OUT_DIR=out-base node scripts/build-tests.mjs   (on the commit before)
//   OUT_DIR=out-mine node scripts/build-tests.mjs   (on yours)
//   node scripts/findings-dump.mjs out-base > /tmp/before.json
//   node scripts/findings-dump.mjs out-mine > /tmp/after.json
//   cmp /tmp/before.json /tmp/after.json
//
// The configs come from this checkout (ROOT, default the current folder): the lab, the e2e workspaces,
// the fixtures, each real-config repository (one scan each), the rendered secrets corpus, and the
// generated and well-known configs of the benchmarks at several sizes.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const out = resolve(process.argv[2] ?? 'out');
const ROOT = resolve(process.env.ROOT ?? '.');
const require = createRequire(import.meta.url);
const { loadProject } = require(`${out}/src/cli/scan.js`);
const { lintProject, lintFile } = require(`${out}/src/core/engine/lint.js`);
const { loadConfigText } = require(`${out}/src/core/config/load.js`);
const { createProject } = require(`${out}/src/core/engine/project.js`);
const { generateConfig } = require(`${out}/bench/lint.js`);
const { wellKnownConfig } = require(`${out}/bench/flows.js`);

const io = { cwd: ROOT, stdout: () => {}, stderr: () => {}, env: { HOME: `${ROOT}/test/unit/flows/no-home` }, packageRoot: ROOT, version: 'test' };
// JSON.stringify reads every enumerable property, so lazy `fixes` and `data.flow` are computed here.
const plain = (findings) => JSON.parse(JSON.stringify(findings));
const dump = {};

function scan(folder) {
  try {
    const loaded = loadProject({ paths: [folder], user: false }, io);
    return loaded ? lintProject(loaded.project).map(({ file, findings }) => ({ file: file.path, findings: plain(findings) })) : 'none';
  } catch (e) {
    return `ERR ${e.message}`;
  }
}

const e2e = `${ROOT}/test/e2e/workspaces`;
const folders = [
  'test/lab/configs',
  'test/lab/workspace',
  ...readdirSync(e2e)
    .sort()
    .map((w) => `test/e2e/workspaces/${w}`),
  'test/fixtures/clients',
  'test/fixtures',
];
for (const folder of folders) if (existsSync(`${ROOT}/${folder}`) && statSync(`${ROOT}/${folder}`).isDirectory()) dump[folder] = scan(folder);

const realConfigs = `${ROOT}/test/fixtures/real-configs/files`;
for (const repo of readdirSync(realConfigs).sort()) dump[`real-configs/${repo}`] = scan(`test/fixtures/real-configs/files/${repo}`);

const corpusModule = `${out}/test/unit/secrets/corpus.js`;
if (existsSync(corpusModule)) {
  for (const rendered of require(corpusModule).loadCorpus()) {
    const file = loadConfigText(rendered.text, { path: rendered.path });
    dump[`corpus:${rendered.template}:${rendered.seed}`] = plain(lintFile(file, createProject([file], ['/'])));
  }
}

for (const size of [1, 3, 10, 40, 120, 500]) {
  for (const [kind, make] of [
    ['generated', generateConfig],
    ['well-known', wellKnownConfig],
  ]) {
    const file = loadConfigText(make(size), { path: '/bench/project/.cursor/mcp.json' });
    dump[`${kind}:${size}`] = plain(lintFile(file, createProject([file], ['/bench/project'])));
  }
}

let findings = 0;
let fixes = 0;
const count = (list) => {
  for (const f of list) {
    findings++;
    fixes += f.fixes.length;
  }
};
for (const value of Object.values(dump)) {
  if (!Array.isArray(value)) continue;
  for (const item of value) Array.isArray(item.findings) ? count(item.findings) : count([item]);
}
process.stderr.write(`${Object.keys(dump).length} scans, ${findings} findings, ${fixes} fixes\n`);
process.stdout.write(JSON.stringify(dump, null, 1));
