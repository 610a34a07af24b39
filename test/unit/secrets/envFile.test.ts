import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanEnvFileText } from '../../../src/core/secrets/envFile';

const TOKEN = 'ghp_' + 'FAKE0000aB3dE5fG7hJ9kL1mN2pQ4rS6tU8v';
const RANDOM = 'Zq8aB3dE5fG7hJ9kL1mN2pQ4';

test('env file: plain, exported, quoted and commented assignments', () => {
  const text = [
    '# GitHub access',
    `GITHUB_TOKEN=${TOKEN}`,
    `export API_TOKEN="${RANDOM}" # used by the search server`,
    `SINGLE_SECRET='${RANDOM}'`,
    `INLINE_TOKEN=${RANDOM} # trailing comment`,
    `SEARCH_REGION_CODE=${RANDOM}`,
    'PORT=8080',
    'EMPTY=',
    'PLACEHOLDER=your-api-key-here',
    'REFERENCE=${OTHER_TOKEN}',
  ].join('\n');
  const found = scanEnvFileText(text);
  assert.deepEqual(
    found.map((s) => [s.key, s.line, text.slice(s.range.start, s.range.end)]),
    [
      ['GITHUB_TOKEN', 2, TOKEN],
      ['API_TOKEN', 3, RANDOM],
      ['SINGLE_SECRET', 4, RANDOM],
      ['INLINE_TOKEN', 5, RANDOM],
    ],
  );
  assert.match(found[0]!.message, /^Plaintext GitHub personal access token in "GITHUB_TOKEN" of this env file \(ghp_…\)/);
  assert.ok(
    found.every((s) => !s.message.includes(s.secret)),
    'messages never hold the secret',
  );
});

test('env file: a quoted private key over several lines, with escapes', () => {
  const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7FAKE0000FAKE0000FAKE0000';
  const text = `KEY="-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----"\nESCAPED="-----BEGIN PRIVATE KEY-----\\n${body}\\n-----END PRIVATE KEY-----"\nNEXT=1\n`;
  const found = scanEnvFileText(text);
  assert.equal(found.length, 2);
  assert.equal(text.slice(found[0]!.range.start, found[0]!.range.end), `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----`);
  assert.equal(text.slice(found[1]!.range.start, found[1]!.range.end), `-----BEGIN PRIVATE KEY-----\\n${body}\\n-----END PRIVATE KEY-----`);
  assert.equal(found[1]!.secret, `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----`);
  assert.equal(found[1]!.line, 4);
});
