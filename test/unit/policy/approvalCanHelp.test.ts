import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { applyTextEdits } from '../../../src/core/policy/applyEdits';
import { approvalCanHelp, approveEdit } from '../../../src/core/policy/approve';
import { evaluatePolicy } from '../../../src/core/policy/evaluate';
import { policyOf } from './policyHelpers';

const config = loadConfigText(
  JSON.stringify({
    servers: {
      weather: { command: 'npx', args: ['-y', 'mcp-weather-server@1.2.0'] },
      notes: { command: 'npx', args: ['-y', 'mcp-notes-server@0.3.1'] },
      memory: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory@2025.4.25'] },
    },
  }),
  { path: '/p/.vscode/mcp.json' },
);
const server = (name: string) => config.servers.find((s) => s.name === name)!;
const policyText = JSON.stringify({
  allow: [
    { name: 'weather', package: 'mcp-weather-server' },
    { package: '@modelcontextprotocol/*', versions: '^2026.1.0' },
  ],
  deny: [{ package: 'mcp-weather-server', reason: 'Sends location data to a third party' }],
});

test('approvalCanHelp: an allow entry cannot approve a denied server (deny wins), so "Approve" is not offered', () => {
  const denied = evaluatePolicy(policyOf(policyText), server('weather'));
  assert.equal(denied.state, 'denied');
  assert.equal(approvalCanHelp(denied), false);
  const approvedAgain = applyTextEdits(policyText, approveEdit(policyText, server('weather')));
  assert.equal(evaluatePolicy(policyOf(approvedAgain), server('weather')).state, 'denied', 'approving it again changes nothing');
});

test('approvalCanHelp: an unlisted server or one at another version is approved by the entry it adds', () => {
  for (const name of ['notes', 'memory']) {
    const before = evaluatePolicy(policyOf(policyText), server(name));
    assert.deepEqual([name, before.state], [name, name === 'notes' ? 'unlisted' : 'version-not-allowed']);
    assert.equal(approvalCanHelp(before), true);
    const after = applyTextEdits(policyText, approveEdit(policyText, server(name)));
    assert.equal(evaluatePolicy(policyOf(after), server(name)).state, 'approved');
  }
});

test('approvalCanHelp: nothing to do for an approved server or without an allow list', () => {
  assert.equal(approvalCanHelp({ state: 'approved', entry: 0 }), false);
  assert.equal(approvalCanHelp({ state: 'not-denied' }), false);
});
