import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { applyFixSafely } from '../../../src/core/engine/applyFix';
import { isFixable } from '../../../src/core/engine/fixes';
import { lintProject } from '../../../src/core/engine/lint';
import { createProject } from '../../../src/core/engine/project';
import { formatJson } from '../../../src/core/report/json';
import { ALL_RULES } from '../../../src/core/rules/index';
import { policyOf } from '../policy/policyHelpers';

const lint = (path: string, text: string, policy?: unknown) => {
  const file = loadConfigText(text, { path });
  const project = createProject([file], ['/p']);
  if (policy) project.policy = policyOf(policy);
  return lintProject(project, {});
};

test('every rule that can fix says which kind: fixable (applied by --fix) or hasSuggestions (offered only)', () => {
  for (const rule of ALL_RULES) assert.ok(!(rule.meta.fixable && rule.meta.hasSuggestions), `${rule.meta.id} declares both`);
  assert.equal(ALL_RULES.find((r) => r.meta.id === 'unpinned-package')!.meta.fixable, true);
  assert.equal(ALL_RULES.find((r) => r.meta.id === 'unapproved-server')!.meta.hasSuggestions, true);
});

test('JSON "fixable" is true exactly when --fix can fix the finding', () => {
  const text = JSON.stringify(
    { mcpServers: { npm: { command: 'npx', args: ['-y', 'some-mcp'] }, git: { command: 'uvx', args: ['--from', 'git+https://github.com/o/r', 'r'] } } },
    null,
    2,
  );
  const results = lint('/p/.cursor/mcp.json', text, { allow: [] });
  const json = JSON.parse(formatJson({ files: results, cwd: '/p', toolVersion: '0' })) as {
    files: { findings: { ruleId: string; server: string; fixable: boolean }[] }[];
  };
  const by = (rule: string, server: string) => json.files[0]!.findings.find((f) => f.ruleId === rule && f.server === server);
  assert.equal(by('unpinned-package', 'npm')?.fixable, true, 'an npm package a registry can pin');
  assert.equal(by('unpinned-package', 'git')?.fixable, false, 'a git source needs a commit chosen by hand');
  assert.equal(by('unapproved-server', 'npm')?.fixable, false, 'removing a server is a suggestion, never applied by --fix');
  for (const f of results[0]!.findings) assert.equal(isFixable(f), by(f.ruleId, f.server!)?.fixable);
});

test('applyFixSafely keeps whole non-overlapping fixes and refuses a fix that breaks the file or touches another server', () => {
  const text = '{\n  "mcpServers": {\n    "a": { "command": "a-mcp" },\n    "b": { "command": "b-mcp" }\n  }\n}\n';
  const file = loadConfigText(text, { path: '/p/.cursor/mcp.json' });
  const at = (s: string) => text.indexOf(s);
  const renameA = { edits: [{ offset: at('a-mcp'), length: 5, newText: 'a-mcp@1.0.0' }] };
  const overlapping = { edits: [{ offset: at('a-mcp') + 2, length: 3, newText: 'x' }] };
  const ok = applyFixSafely(file, [renameA, overlapping]);
  assert.ok('text' in ok);
  assert.deepEqual(ok.applied, [0]);
  assert.match(ok.text, /"a-mcp@1\.0\.0"/);

  const broken = applyFixSafely(file, [{ edits: [{ offset: at('"b"'), length: 3, newText: '' }] }]);
  assert.deepEqual(broken, { refused: 'the fixed text would not parse; left untouched' });

  const dropB = { edits: [{ offset: at(',\n    "b"'), length: ',\n    "b": { "command": "b-mcp" }'.length, newText: '' }] };
  assert.deepEqual(applyFixSafely(file, [dropB]), { refused: 'the fixes would change the set of servers; left untouched' });
  assert.ok('text' in applyFixSafely(file, [{ ...dropB, removes: ['b'] }]), 'a fix that says it removes "b" may');
});
