import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { createProject } from '../../../src/core/engine/project';
import { lintFile } from '../../../src/core/engine/lint';
import { flowOptionsFor, readAcceptedFlows, readFlowSettings } from '../../../src/core/flows/options';
import { toxicFlow } from '../../../src/core/rules/toxic-flow';

test('accepted flows need servers and a reason', () => {
  const { accepted, problems } = readAcceptedFlows([
    { servers: ['github'], reason: 'reviewed' },
    { servers: ['a'] },
    { servers: [], reason: 'x' },
    { servers: ['b'], kinds: ['nope'], reason: 'x' },
    'github',
  ]);
  assert.deepEqual(accepted, [{ servers: ['github'], reason: 'reviewed' }]);
  assert.equal(problems.length, 4);
  assert.match(problems[0]!, /reason.*required/);
});

test('flow settings are validated, defaults kept on errors', () => {
  const { options, problems } = readFlowSettings({ kinds: ['destructive'], builtinTools: 'yes', minConfidence: 2 });
  assert.deepEqual(options.kinds, ['destructive']);
  assert.equal(options.builtinTools, false);
  assert.equal(options.minConfidence, 0.5);
  assert.equal(problems.length, 2);
});

test('a policy on the project (project.policy.acceptedFlows) silences the flow', () => {
  const file = loadConfigText(JSON.stringify({ servers: { github: { type: 'http', url: 'https://api.githubcopilot.com/mcp/' } } }), {
    path: '/p/.vscode/mcp.json',
  });
  const plain = createProject([file]);
  assert.equal(lintFile(file, plain, { rules: [toxicFlow] }).length, 2);
  const withPolicy = Object.assign(createProject([file]), {
    policy: { acceptedFlows: [{ servers: ['github'], kinds: ['data-leak'], reason: 'Only private repos' }] },
  });
  assert.equal(flowOptionsFor(withPolicy, undefined).acceptedFlows.length, 1);
  assert.deepEqual(
    lintFile(file, withPolicy, { rules: [toxicFlow] }).map((f) => f.message.slice(0, 24)),
    ['Toxic flow (destructive)'],
  );
});
