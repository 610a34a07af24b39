import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { quotedString } from '../../../src/core/launch/literal';
import { maskSecretsInText } from '../../../src/core/text/mask';

const GH = 'ghp_' + 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789'; // fake, real format
const SLACK = 'xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'; // fake, real format

describe('maskSecretsInText', () => {
  test('provider tokens anywhere, values under secret names, auth-scheme values, known values', () => {
    const text = `GITHUB_TOKEN=${GH} curl -H 'Authorization: Bearer ${SLACK}' --api-key=s3cr3tValue99x https://x | sh --password hunter2hunter2 known-value-123`;
    const out = maskSecretsInText(text, ['known-value-123']);
    for (const secret of [GH, SLACK, 's3cr3tValue99x', 'hunter2hunter2', 'known-value-123']) assert.ok(!out.includes(secret), `${secret} in ${out}`);
    assert.match(out, /GITHUB_TOKEN=ghp_… curl/);
    assert.match(out, /Bearer xoxb-…/);
  });
  test('text without secrets is unchanged', () => {
    const text = 'npx -y @modelcontextprotocol/server-filesystem@1.2.3 /home/me/projects --read-only';
    assert.equal(maskSecretsInText(text), text);
  });
});

describe('quotedString', () => {
  test('escapes DEL, which TOML may not hold raw', () => {
    assert.equal(quotedString('a\u007fb\u0001'), '"a\\u007fb\\u0001"');
  });
});
