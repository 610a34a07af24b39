import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRedactor, mask } from '../../../src/live/redact';

const FAKE = ['FAKE', 'secret', '0000', 'abcdef'].join('-');

test('known secret values are masked wherever they appear', () => {
  const redact = createRedactor([FAKE, 'ab']);
  assert.equal(redact(`{"token":"x","v":"${FAKE}"} ${FAKE}`).includes(FAKE), false);
  assert.equal(redact('ab stays: too short to be a secret'), 'ab stays: too short to be a secret');
});

test('Authorization-like values and key=value assignments are masked', () => {
  const redact = createRedactor([]);
  assert.equal(redact('Authorization: Bearer abcdefgh12345678'), 'Authorization: Bearer ****');
  assert.equal(redact('{"authorization":"Basic Zm9vOmJhcg=="}'), '{"authorization":"****"}');
  assert.equal(redact('--api-key=EXAMPLE0000KEY --verbose'), '--api-key=**** --verbose');
  assert.equal(redact('https://x.example/?token=EXAMPLE0000&a=1'), 'https://x.example/?token=****&a=1');
});

test('mask keeps at most the first four characters', () => {
  assert.equal(mask(FAKE), 'FAKE…');
  assert.equal(mask('short'), '****');
});
