import assert from 'node:assert/strict';
import { test } from 'node:test';
import { charClassCount, shannonEntropy } from '../../../src/core/secrets/entropy';
import { isPasswordName, isSecretKeyName, nameWords } from '../../../src/core/secrets/keyNames';
import { maskSecret } from '../../../src/core/secrets/mask';
import { isClearlyNotSecret, looksLikeIdentifier } from '../../../src/core/secrets/notSecret';
import { hasReference, isPlaceholder, isPlaceholderToken } from '../../../src/core/secrets/placeholders';

test('placeholders and references are not secrets', () => {
  const placeholders = [
    '',
    '   ',
    '${input:github-token}',
    '${env:GITHUB_TOKEN}',
    '${GITHUB_TOKEN}',
    '${GITHUB_TOKEN:-}',
    '$GITHUB_TOKEN',
    '${{ secrets.GITHUB_TOKEN }}',
    '<your-token>',
    '<YOUR_API_KEY>',
    'YOUR_API_KEY',
    'your-api-key-here',
    'xxxxxxxxxxxx',
    'XXXXXXXX',
    'changeme',
    'CHANGE_ME',
    'PASTE_YOUR_KEY_HERE',
    'TOKEN_HERE',
    'REPLACE_ME',
    'replace-with-your-key',
    'sk-...',
    '***',
    '********',
    '<redacted>',
    '[REDACTED]',
    'Bearer ${env:TOKEN}',
    'token-${TOKEN}',
    '%API_KEY%',
    '{{ api_key }}',
    'AKIAIOSFODNN7EXAMPLE',
    'placeholder',
    'dummy-token',
    'none',
    'null',
    'TODO',
    'insert-key',
    '…',
    '0000000000000000',
  ];
  for (const p of placeholders) assert.ok(isPlaceholder(p), `placeholder: ${JSON.stringify(p)}`);
  const real = ['a1B2c3D4e5F6g7H8', 'Zk29dkAm3lq0', 'hunter22!x', 'sk-' + 'aB3dE5fG7hJ9kL1mN2pQ4'];
  for (const r of real) assert.ok(!isPlaceholder(r), `not a placeholder: ${r}`);
  assert.ok(hasReference('x ${env:A} y'));
  assert.ok(!hasReference('P@ssword$word1'));
});

test('placeholder bodies after a token prefix', () => {
  assert.ok(isPlaceholderToken('ghp_' + 'x'.repeat(36), 'ghp_'));
  assert.ok(isPlaceholderToken('ghp_' + 'A'.repeat(36), 'ghp_'));
  assert.ok(isPlaceholderToken('sk-ant-...', 'sk-ant-'));
  assert.ok(isPlaceholderToken('xoxb-your-token-here-please', 'xox'));
  assert.ok(!isPlaceholderToken('ghp_FAKE0000aB3dE5fG7hJ9kL1mN2pQ4rS6tU8v', 'ghp_'));
});

test('secret-like names', () => {
  const secret = [
    'GITHUB_TOKEN',
    'GITHUB_PERSONAL_ACCESS_TOKEN',
    'OPENAI_API_KEY',
    'apiKey',
    'x-api-key',
    'Authorization',
    'PGPASSWORD',
    'DB_PASS',
    'client_secret',
    'AWS_SECRET_ACCESS_KEY',
    'STRIPE_KEY',
    'api-key',
    'token',
    'key',
    'X-Auth-Token',
    'NODE_AUTH_TOKEN',
    'GITLAB_PAT',
    'Cookie',
    'sig',
  ];
  for (const n of secret) assert.ok(isSecretKeyName(n), `secret-like: ${n}`);
  const plain = [
    'PORT',
    'GITHUB_TOKEN_URL',
    'AUTH_TYPE',
    'MAX_TOKENS',
    'TOKENIZERS_PARALLELISM',
    'PUBLIC_KEY',
    'SUPABASE_ANON_KEY',
    'KEY_ID',
    'OAUTH_CLIENT_ID',
    'AUTHOR',
    'SORT_KEY',
    'SECRET_NAME',
    'PASSWORD_FILE',
    'AWS_REGION',
    'BYPASS_CACHE',
    'NEXT_PUBLIC_API_KEY',
    'Content-Type',
    'bearer_token_env_var',
    'env_vars',
  ];
  for (const n of plain) assert.ok(!isSecretKeyName(n), `not secret-like: ${n}`);
  assert.deepEqual(nameWords('myAPIKey'), ['my', 'api', 'key']);
  assert.ok(isPasswordName('POSTGRES_PASSWORD') && isPasswordName('PGPASSWORD') && !isPasswordName('API_TOKEN'));
});

test('values that are clearly not secrets', () => {
  const notSecret = [
    'true',
    '8080',
    '3.14',
    '/usr/local/bin/server',
    './data/db.sqlite',
    '~/notes',
    'C:\\Users\\me\\key.pem',
    'https://api.example.com/v1',
    'me@example.com',
    'GITHUB_TOKEN',
    'us-east-1',
    'gpt-4o-mini',
    'claude-3-5-sonnet-20241022',
    '1.2.3',
    '2024-06-01',
    'sha256:' + 'ab'.repeat(32),
    'sha512-' + 'Q'.repeat(86) + '==',
    'my-long-repository-name-with-dashes',
    '@modelcontextprotocol/server-github',
    'localhost:5432',
    'a sentence with spaces',
  ];
  for (const v of notSecret) assert.ok(isClearlyNotSecret(v), `not a secret: ${v}`);
  const maybe = ['a1b2c3d4e5f6a7b8c9d0', 'Zk29dkAm3lq0xQ7w', 'aBcDeFgHiJkLmNoPqRsTuVwXyZaBcD'];
  for (const v of maybe) assert.ok(!isClearlyNotSecret(v), `could be a secret: ${v}`);
  assert.ok(looksLikeIdentifier('owner/repo-name'));
  assert.ok(!looksLikeIdentifier('x9Qm2Lp7'));
});

test('entropy and character classes', () => {
  assert.equal(shannonEntropy('aaaa'), 0);
  assert.equal(shannonEntropy('abcd'), 2);
  assert.equal(charClassCount('aB3-'), 4);
});

test('masking never shows more than a short start', () => {
  assert.equal(maskSecret('ghp_' + 'a'.repeat(36), 'ghp_'), 'ghp_…');
  assert.equal(maskSecret('a1b2c3d4e5f6a7b8c9d0'), 'a1b2…');
  assert.equal(maskSecret('short-pass1'), '11 characters, hidden');
  assert.equal(maskSecret('sk-ant-abcdefgh1', 'sk-ant-'), 'sk-a…', 'a prefix longer than a third of the secret is not shown');
});
