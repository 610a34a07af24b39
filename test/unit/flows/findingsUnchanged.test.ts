// Toxic-flow findings on the lab, the e2e workspaces and the client fixtures, compared with a
// recorded snapshot: where each finding sits, its severity, the flow's legs (servers, tools,
// evidence), its related locations and how many fixes it offers. Messages are left out (their
// wording may change on its own). Work on the rule's cost or on the catalog data must leave this
// unchanged; after a deliberate change of findings, regenerate with
//   UPDATE_FLOW_SNAPSHOT=1 node --test out/test/unit/flows/findingsUnchanged.test.js
// and review the diff of test/unit/flows/findingsSnapshot.json.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { loadProject, type CliIo } from '../../../src/cli/scan';
import { lintProject } from '../../../src/core/engine/lint';

const ROOT = process.cwd();
const SNAPSHOT = join(ROOT, 'test', 'unit', 'flows', 'findingsSnapshot.json');
const FOLDERS = [
  'test/lab/configs',
  'test/lab/workspace',
  ...readdirSync(join(ROOT, 'test', 'e2e', 'workspaces'))
    .sort()
    .map((w) => `test/e2e/workspaces/${w}`)
    .filter((p) => statSync(join(ROOT, p)).isDirectory()),
  'test/fixtures/clients',
];

function flowFindings(folder: string): unknown[] {
  const io: CliIo = {
    cwd: ROOT,
    stdout: () => {},
    stderr: () => {},
    env: { HOME: join(ROOT, 'test', 'unit', 'flows', 'no-home') },
    packageRoot: ROOT,
    version: 'test',
  };
  const loaded = loadProject({ paths: [folder], user: false }, io);
  assert.ok(loaded, folder);
  return lintProject(loaded.project).flatMap(({ file, findings }) =>
    findings
      .filter((f) => f.ruleId === 'toxic-flow')
      .map((f) => ({
        file: relative(ROOT, file.path).replace(/\\/g, '/'),
        at: `${f.start.line}:${f.start.column}`,
        severity: f.severity,
        server: f.server,
        flow: JSON.parse(
          JSON.stringify((f.data as { flow: unknown }).flow)
            .split(ROOT.replace(/\\/g, '/'))
            .join('<repo>'),
        ) as unknown,
        related: f.related.map((r) => `${relative(ROOT, r.file).replace(/\\/g, '/')}@${r.start.line}:${r.start.column}`),
        fixes: f.fixes.length,
      })),
  );
}

test('toxic-flow findings on the lab and the fixtures are unchanged', () => {
  const now = Object.fromEntries(FOLDERS.map((folder) => [folder, flowFindings(folder)]));
  if (process.env.UPDATE_FLOW_SNAPSHOT === '1') writeFileSync(SNAPSHOT, JSON.stringify(now, null, 1) + '\n');
  const recorded = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, unknown[]>;
  assert.ok(Object.values(recorded).flat().length >= 30, 'the snapshot holds the flows of the lab and fixtures');
  for (const folder of FOLDERS) assert.deepEqual(now[folder], recorded[folder], `${folder}: toxic-flow findings changed (see the header of this test)`);
});
