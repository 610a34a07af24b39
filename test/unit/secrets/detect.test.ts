import assert from 'node:assert/strict';
import { test } from 'node:test';
import { argCandidates } from '../../../src/core/secrets/args';
import { findSecretsInValue } from '../../../src/core/secrets/detect';
import { findUrlSecrets } from '../../../src/core/secrets/urls';

const TOKEN = 'ghp_' + 'FAKE0000aB3dE5fG7hJ9kL1mN2pQ4rS6tU8v';
const RANDOM = 'Zq8aB3dE5fG7hJ9kL1mN2pQ4';

function found(value: string, key?: string): string[] {
  return findSecretsInValue(value, key).map((h) => `${h.patternId}:${value.slice(h.start, h.end)}`);
}

test('URL user-info and query parameters', () => {
  const spans = (url: string) => findUrlSecrets(url).map((s) => `${s.kind}:${url.slice(s.start, s.end)}`);
  assert.deepEqual(spans('postgresql://user:pa55word@db.example.com:5432/app'), ['url-password:pa55word']);
  assert.deepEqual(spans('redis://:s3cret@cache:6379'), ['url-password:s3cret']);
  assert.deepEqual(spans('mongodb+srv://u:p%40ss/w0rd@cluster0.x.mongodb.net/db?retryWrites=true'), ['url-password:p%40ss/w0rd', 'url-query:true']);
  assert.deepEqual(spans('https://host:8080/path@x'), []);
  assert.deepEqual(spans('https://registry.npmjs.org/@scope/pkg'), []);
  assert.deepEqual(spans('https://x.com/a?api_key=abc&b=2#frag'), ['url-query:abc', 'url-query:2']);
  assert.deepEqual(spans('connect to https://tok@github.com/o/r.git now'), ['url-userinfo:tok']);
});

test('secrets inside URLs are judged by where they sit', () => {
  assert.deepEqual(found('postgresql://app:Zk29dkAm3lq0x9@db.example.com/app'), ['url-password:Zk29dkAm3lq0x9']);
  assert.deepEqual(found('postgresql://postgres:postgres@localhost:5432/app'), [], 'a default password on localhost');
  assert.deepEqual(found('postgresql://user:${DB_PASSWORD}@db/app'), []);
  assert.deepEqual(found('https://api.example.com/?api_key=9f8e7d6c5b4a39281706f5e4d3c2b1a0&page=2'), ['url-query:9f8e7d6c5b4a39281706f5e4d3c2b1a0']);
  assert.deepEqual(found('https://api.example.com/?key=${env:KEY}&format=json'), []);
  assert.deepEqual(found('https://x-access-token:' + TOKEN + '@github.com/o/r.git'), ['github-pat:' + TOKEN]);
  const mongo = findSecretsInValue('mongodb+srv://u:' + RANDOM + '@c.mongodb.net/db')[0];
  assert.equal(mongo?.label, 'MongoDB password');
  assert.equal(mongo?.severity, 'error');
});

test('Authorization values: only the token after the scheme', () => {
  assert.deepEqual(found('Bearer ' + TOKEN, 'Authorization'), ['github-pat:' + TOKEN]);
  assert.deepEqual(found('Bearer ' + RANDOM, 'Authorization'), ['authorization:' + RANDOM]);
  assert.deepEqual(found('Bearer ${env:TOKEN}', 'Authorization'), []);
  assert.deepEqual(found('Bearer <token>', 'Authorization'), []);
  assert.deepEqual(found('Basic dXNlcjpaazI5ZGtBbTNscTA=', 'Authorization'), ['authorization:dXNlcjpaazI5ZGtBbTNscTA=']);
  assert.deepEqual(found('application/json', 'Accept'), []);
});

test('generic detector: a long random value is an error, a shorter guess a warning', () => {
  const severity = (value: string, key: string) => findSecretsInValue(value, key).map((h) => h.severity);
  // 43 characters, as a browser extension's token looks (made up here).
  assert.deepEqual(severity('Qm7vX2kLp9RtZ4wN8bHc3JfY6sDg1AeU5oIy0TnWqXr', 'PLAYWRIGHT_MCP_EXTENSION_TOKEN'), ['error']);
  assert.deepEqual(severity('9f8e7d6c5b4a39281706f5e4d3c2b1a0', 'OBSIDIAN_API_KEY'), ['error'], '32 hex digits');
  assert.deepEqual(severity(RANDOM, 'MY_SERVICE_TOKEN'), ['warning'], '24 characters: could be a made-up value');
  assert.deepEqual(severity('Tr0ub4dor&3', 'DB_PASSWORD'), ['warning']);
  assert.deepEqual(severity('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'MY_TOKEN'), [], 'long but not random');
});

test('generic detector: a secret-like name and a random-looking value', () => {
  assert.deepEqual(found(RANDOM, 'MY_SERVICE_TOKEN'), ['generic-secret:' + RANDOM]);
  assert.deepEqual(found(RANDOM, 'MY_SERVICE_URL'), []);
  assert.deepEqual(found(RANDOM), [], 'no name, no generic guess');
  assert.deepEqual(found('00000000-1a2b-3c4d-5e6f-78091a2b3c4d', 'ACME_API_KEY'), ['generic-secret:00000000-1a2b-3c4d-5e6f-78091a2b3c4d']);
  assert.deepEqual(found('00000000-1a2b-3c4d-5e6f-78091a2b3c4d', 'WORKSPACE_ID'), []);
  assert.deepEqual(found('Tr0ub4dor&3', 'DB_PASSWORD'), ['generic-secret:Tr0ub4dor&3']);
  assert.deepEqual(found('postgres', 'POSTGRES_PASSWORD'), []);
  assert.deepEqual(found('production', 'API_TOKEN_ENVIRONMENT'), []);
  assert.deepEqual(found('Neural semantic search', 'EXA_API_KEY'), []);
  assert.deepEqual(found('github_pat_ваш_токен_здесь', 'GITHUB_PERSONAL_ACCESS_TOKEN'), [], 'a placeholder in another language');
  for (const v of ['canonical-fixture-key', 'sandbox-key', 'raw-memory-secret', 'test-key', 'ttm_live_…']) assert.deepEqual(found(v, 'SERVICE_API_KEY'), [], v);
  for (const v of ['true', '8080', '/run/secrets/token', 'gpt-4o', 'us-east-1', 'GITHUB_TOKEN', 'my-token-name'])
    assert.deepEqual(found(v, 'API_TOKEN'), [], v);
});

test('the same value is reported once, by its most specific evidence', () => {
  const hits = findSecretsInValue(TOKEN, 'GITHUB_TOKEN');
  assert.equal(hits.length, 1);
  assert.equal(hits[0]!.patternId, 'github-pat');
  assert.equal(hits[0]!.publicPrefix, 'ghp_');
  assert.equal(findSecretsInValue(`${TOKEN} ${TOKEN}`).length, 2);
});

test('argument lists: flags, values in the next argument, docker -e, headers, positional values', () => {
  const args = [
    '-y',
    '@pkg/server',
    '--token=' + TOKEN,
    '--api-key',
    RANDOM,
    '-e',
    'API_KEY=' + RANDOM,
    '-H',
    'Authorization: Bearer ' + RANDOM,
    'X-Api-Key: ' + RANDOM,
    'plain',
    '--port',
    '8080',
  ];
  const seen = argCandidates(args).map((c) => `${c.argIndex}:${c.via}:${c.keyName ?? ''}:${args[c.argIndex]!.slice(c.start, c.end)}`);
  assert.deepEqual(seen, [
    '1:flag:y:@pkg/server',
    '2:flag:token:' + TOKEN,
    '4:flag:api-key:' + RANDOM,
    '6:variable:API_KEY:' + RANDOM,
    '8:header:Authorization:Bearer ' + RANDOM,
    '9:header:X-Api-Key:' + RANDOM,
    '10:positional::plain',
    '12:flag:port:8080',
  ]);
  const bare = argCandidates(['-e', 'GITHUB_TOKEN', 'image']);
  assert.deepEqual(
    bare.map((c) => c.via),
    ['flag', 'positional'],
    '-e NAME passes the host variable: nothing to check but the name',
  );
});
