import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Rule } from '../../../src/core/rules/rule';
import { checkFixes, runRule } from '../helpers/ruleTester';

// The rule tester holds rules to account for their fixes, as ESLint's does.
const fixingRule = (meta: Partial<Rule['meta']>, preferred = true): Rule => ({
  meta: { id: 'test-fixer', category: 'config', defaultSeverity: 'warning', description: 'test', ...meta },
  check(file, context) {
    const server = file.servers[0];
    if (server)
      context.report({
        server,
        node: server.nameNode,
        message: 'fix me',
        fixes: [{ title: 'Rename', edits: [{ offset: server.nameNode.offset + 1, length: 1, newText: 'b' }], preferred }],
      });
  },
});
const c = { path: '/p/.cursor/mcp.json', text: '{ "mcpServers": { "a": { "command": "x" } } }' };

test('a rule that returns a fix without declaring fixable or hasSuggestions fails', () => {
  const rule = fixingRule({});
  assert.throws(
    () => checkFixes(rule, runRule(rule, c).findings, { ...c, output: '{ "mcpServers": { "b": { "command": "x" } } }' }),
    /declares neither "fixable" nor "hasSuggestions"/,
  );
});

test('a fixable rule whose case gives no output fails', () => {
  const rule = fixingRule({ fixable: true });
  assert.throws(() => checkFixes(rule, runRule(rule, c).findings, { ...c }), /must give its "output"/);
  assert.doesNotThrow(() => checkFixes(rule, runRule(rule, c).findings, { ...c, output: '…' }));
});

test('a finding with fixes but none preferred fails', () => {
  const rule = fixingRule({ fixable: true }, false);
  assert.throws(() => checkFixes(rule, runRule(rule, c).findings, { ...c, output: '…' }), /not exactly one preferred/);
});
