// Policy-file edits ("Approve in policy") go through the same safety check as every other fix:
// applied, parsed again, and refused unless the only change is the allow entry the fix adds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { applyPolicyFixSafely } from '../../../src/core/engine/applyFix';
import type { TextEdit } from '../../../src/core/model/finding';
import { applyTextEdits } from '../../../src/core/policy/applyEdits';
import { approveEdit, policyEntryFor } from '../../../src/core/policy/approve';
import { evaluatePolicy } from '../../../src/core/policy/evaluate';
import { readPolicy } from '../../../src/core/policy/read';

const [gh] = loadConfigText(JSON.stringify({ mcpServers: { gh: { command: 'npx', args: ['@s/gh@1.2.3'] } } }), { path: '/p/.cursor/mcp.json' }).servers;
const server = gh!;
const POLICY =
  '{\n  // reviewed by security\n  "version": 1,\n  "allow": [\n    { "package": "@modelcontextprotocol/*" } // official\n  ],\n  "deny": [{ "package": "evil-*" }]\n}\n';
const at = (text: string, needle: string) => text.indexOf(needle);

test('the approve edit passes: the policy keeps everything and gains the entry, which approves the server', () => {
  const edits = approveEdit(POLICY, server);
  const result = applyPolicyFixSafely(POLICY, '/p/.vscode/mcp-policy.json', { edits, adds: [policyEntryFor(server)] });
  assert.ok('text' in result, JSON.stringify(result));
  assert.equal(result.text, applyTextEdits(POLICY, edits));
  assert.ok(result.text.includes('// official') && result.text.includes('// reviewed by security'));
  assert.equal(evaluatePolicy(readPolicy(result.text, 'p').policy!, server).state, 'approved');
});

test('a policy without allow, a blank file: the entry is added and nothing else changes', () => {
  for (const text of ['{ "deny": [] }', '', '  \n']) {
    const edits = approveEdit(text, server);
    const result = applyPolicyFixSafely(text, 'p', { edits, adds: [policyEntryFor(server)] });
    assert.ok('text' in result, `${JSON.stringify(text)}: ${JSON.stringify(result)}`);
  }
});

test('an edit that would change anything else is refused, whatever it touches', () => {
  const adds = [policyEntryFor(server)];
  const approve = approveEdit(POLICY, server);
  const alsoReplace = (needle: string, newText: string): TextEdit[] => [...approve, { offset: at(POLICY, needle), length: needle.length, newText }];
  const cases: [string, TextEdit[], RegExp][] = [
    ['loosens a deny rule', alsoReplace('"evil-*"', '"nothing"'), /beyond its allow list/],
    ['drops the deny list', alsoReplace('"deny": [{ "package": "evil-*" }]', '"deny": []'), /beyond its allow list/],
    ['changes the version', alsoReplace('"version": 1', '"version": 2'), /readable policy|beyond its allow list/],
    ['rewrites an existing allow entry', alsoReplace('"@modelcontextprotocol/*"', '"*"'), /allow entries other than/],
    ['adds an entry other than the one it says', [{ ...approve[0]!, newText: approve[0]!.newText.replace('@s/gh', '*') }], /allow entries other than/],
    ['breaks the JSON', alsoReplace('"deny"', '"deny'), /readable policy/],
  ];
  for (const [what, edits, reason] of cases) {
    const result = applyPolicyFixSafely(POLICY, 'p', { edits, adds });
    assert.ok('refused' in result, `${what}: not refused`);
    assert.match(result.refused, reason, what);
  }
});
