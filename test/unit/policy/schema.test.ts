import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { loadConfigText } from '../../../src/core/config/load';
import { createPolicyFromServers } from '../../../src/core/policy/approve';
import { readPolicy } from '../../../src/core/policy/read';

const schema = JSON.parse(readFileSync(join(__dirname, '../../../../schemas/mcp-policy.schema.json'), 'utf8')) as { examples: unknown[] };
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const SAMPLES: [unknown, boolean][] = [
  [{}, true],
  [{ version: 1, allow: [], deny: [], acceptedFlows: [] }, true],
  [{ allow: [{ package: '@modelcontextprotocol/*' }, { name: ['a', 'b'], versions: '^1.0.0', reason: 'r' }] }, true],
  [{ deny: [{ image: 'mcp/*' }, { url: 'http://*' }, { command: 'bash *' }, { client: 'cursor' }] }, true],
  [{ acceptedFlows: [{ servers: ['github'], kinds: ['data-leak'], reason: 'ok' }] }, true],
  [{ allow: [{ reason: 'no matcher' }] }, false],
  [{ allow: [{ pkg: 'typo' }] }, false],
  [{ allow: [{ package: 3 }] }, false],
  [{ allow: {} }, false],
  [{ extra: true }, false],
  [{ version: 2 }, false],
  [{ acceptedFlows: [{ servers: ['x'] }] }, false],
];

test('the JSON schema and readPolicy agree on what a valid policy is', () => {
  for (const [sample, valid] of SAMPLES) {
    assert.equal(validate(sample), valid, `schema on ${JSON.stringify(sample)}`);
    assert.equal(readPolicy(JSON.stringify(sample), 'p').problems.length === 0, valid, `readPolicy on ${JSON.stringify(sample)}`);
  }
  assert.ok(validate(schema.examples[0]), 'the schema example is valid');
});

test('a policy created from installed servers is valid against the schema', () => {
  const file = loadConfigText(
    JSON.stringify({
      mcpServers: {
        a: { command: 'npx', args: ['x'] },
        b: { url: 'https://x.example/mcp' },
        c: { command: 'docker', args: ['run', 'mcp/x'] },
        d: { command: 'node', args: ['s.js'] },
      },
    }),
    { path: '/p/.cursor/mcp.json' },
  );
  assert.ok(validate(JSON.parse(createPolicyFromServers(file.servers))), JSON.stringify(validate.errors));
});
