// The gateway's cheap paths make the decisions the full walk makes:
// - textMayHoldCanary (on the message text) says "no canary" only when findCanaries on the parsed message finds none;
// - the session blocks and alerts exactly when findCanaries on the parsed arguments or result finds a canary,
//   escapes, keys and split strings included;
// - argument names logged through the name cache are masked as redactText masks them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canaryForms, findCanaries, textMayHoldCanary } from '../../../src/core/gateway/canary';
import { redactForLog, redactText } from '../../../src/core/gateway/redact';
import { GatewaySession } from '../../../src/core/gateway/session';
import type { GatewayPolicy } from '../../../src/core/gateway/types';

const CANARY = 'MCPW-CANARY-7f3a9c2e51d4';
const FORMS = [canaryForms(CANARY)];
// A FAKE GitHub token, assembled so the repository holds no real-format literal.
const FAKE_TOKEN = ['ghp', '_', 'Z7Q3XK5PN2LW4RTYa8b9c0d1e2f3g4h5i6j7'].join('');

/** JSON text of a value in which each character of a string may be written as a \uXXXX escape (p = chance). */
function serialize(value: unknown, random: () => number, p: number): string {
  const str = (s: string) => {
    let out = '"';
    for (const ch of s) {
      const code = ch.codePointAt(0)!;
      if (ch === '"' || ch === '\\' || code < 0x20 || random() < p)
        out += code > 0xffff ? [0, 1].map((j) => `\\u${ch.charCodeAt(j).toString(16).padStart(4, '0')}`).join('') : `\\u${code.toString(16).padStart(4, '0')}`;
      else out += ch;
    }
    return out + '"';
  };
  const visit = (v: unknown): string => {
    if (typeof v === 'string') return str(v);
    if (Array.isArray(v)) return `[${v.map(visit).join(random() < 0.3 ? ' , ' : ',')}]`;
    if (v && typeof v === 'object')
      return `{${Object.entries(v)
        .map(([k, x]) => `${str(k)}:${visit(x)}`)
        .join(',')}}`;
    return JSON.stringify(v);
  };
  return visit(value);
}

/** A seeded generator, so a failure can be replayed. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  CANARY,
  ...FORMS[0]!.forms,
  CANARY.slice(0, 12),
  CANARY.slice(12),
  'method',
  '"method":"tools/call"',
  'id',
  '\\',
  '"',
  'é',
  '😀',
  '\n',
  'plain words',
  FAKE_TOKEN,
];

function randomValue(random: () => number, depth = 0): unknown {
  const pick = () => FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]!;
  const text = () => Array.from({ length: 1 + Math.floor(random() * 3) }, pick).join(random() < 0.5 ? '' : ' ');
  const r = random();
  if (depth > 3 || r < 0.4) return text();
  if (r < 0.5) return Math.floor(random() * 100);
  if (r < 0.75) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [text(), randomValue(random, depth + 1)]));
}

test('textMayHoldCanary says "no canary" only when the walk over the parsed message finds none (5,000 generated messages, escapes included)', () => {
  const random = mulberry32(15);
  let withCanary = 0;
  let skipped = 0;
  for (let i = 0; i < 5_000; i++) {
    const value = { jsonrpc: '2.0', id: i, method: 'tools/call', params: { name: 'x', arguments: randomValue(random) } };
    const text = serialize(value, random, [0, 0, 0.05, 0.5][i % 4]!);
    assert.deepEqual(JSON.parse(text), value, 'the generator writes valid JSON of the value');
    const hits = findCanaries(JSON.parse(text), FORMS);
    const may = textMayHoldCanary(text, FORMS);
    if (hits.length > 0) {
      withCanary++;
      assert.ok(may, `a message with a canary was cleared: ${text}`);
    }
    if (!may) skipped++;
  }
  // Both sides of the implication were exercised.
  assert.ok(withCanary > 500 && skipped > 500, `${withCanary} with a canary, ${skipped} cleared`);
});

test('textMayHoldCanary: escaped, split, keyed and absent canaries', () => {
  const u = (s: string) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  const cases: [string, boolean][] = [
    [`{"a":"${CANARY}"}`, true],
    [`{"a":"${u(CANARY)}"}`, true], // every character escaped: only the parse shows it
    [`{"a":"${CANARY.slice(0, 5)}\\u${CANARY.charCodeAt(5).toString(16).padStart(4, '0')}${CANARY.slice(6)}"}`, true],
    [`{"${CANARY}":1}`, true],
    [`{"a":"${CANARY.slice(0, 10)}","b":"${CANARY.slice(10)}"}`, false], // split over two strings: in no string
    ['{"a":"nothing here","b":[1,2,{"c":"d"}]}', false],
    ['{"a":"a \\"quoted\\" word"}', false],
  ];
  for (const [text, found] of cases) {
    assert.equal(findCanaries(JSON.parse(text), FORMS).length > 0, found, text);
    if (found) assert.ok(textMayHoldCanary(text, FORMS), text);
  }
  assert.equal(textMayHoldCanary(`{"a":"${CANARY}"}`, []), false, 'no canaries configured: nothing to find');
  assert.equal(textMayHoldCanary('{"a":"plain"}', FORMS), false);
  assert.equal(textMayHoldCanary('{"a":"pl\\u0061in"}', FORMS), true, 'any escape sends the message to the walk');
});

function session(policy: Partial<GatewayPolicy>): GatewaySession {
  return new GatewaySession({
    server: 's',
    policy: { canaries: [CANARY], block: true, onInjection: 'warn', enforce: false, ...policy },
    pins: null,
    normalizeTool: (t) => t as never,
  });
}

test('the session blocks a call and a result exactly when the walk over the parsed message finds a canary', () => {
  const random = mulberry32(7);
  const s = session({});
  let blocked = 0;
  for (let i = 0; i < 2_000; i++) {
    const args = randomValue(random);
    const call = serialize({ jsonrpc: '2.0', id: i, method: 'tools/call', params: { name: 'x', arguments: args } }, random, i % 3 === 0 ? 0.3 : 0);
    const expected = findCanaries(JSON.parse(call).params.arguments, FORMS).length > 0;
    const out = s.fromClient(call, call.length, i);
    assert.equal(out.record.action === 'blocked', expected, call);
    assert.equal(out.forward === undefined, expected);
    if (expected) blocked++;
    assert.ok(!JSON.stringify(out.record).includes(CANARY), `the record never holds the canary: ${JSON.stringify(out.record)}`);
    if (expected) continue;
    // The call went on: its result is checked the same way.
    const result = { content: [{ type: 'text', text: randomValue(random) }], structuredContent: randomValue(random) };
    const answer = serialize({ jsonrpc: '2.0', id: i, result }, random, i % 3 === 1 ? 0.3 : 0);
    const resultHit = findCanaries(JSON.parse(answer).result, FORMS).length > 0;
    const back = s.fromServer(answer, answer.length, i + 0.5);
    assert.equal(back.record.action === 'blocked', resultHit, answer);
    assert.equal(back.forward === answer, !resultHit);
  }
  assert.ok(blocked > 200, `${blocked} calls blocked`);
});

test('session: tricky lines are read as the full parse reads them', () => {
  const s = session({});
  // A string holding "method" and an id-like text is no method; escaped quotes and unicode escapes in the method name.
  const notification = '{"jsonrpc":"2.0","method":"notifications/x","params":{"text":"\\"method\\":\\"tools/call\\",\\"id\\":9"}}';
  const n = s.fromClient(notification, notification.length, 0);
  assert.equal(n.record.type, 'notification');
  assert.equal(n.record.id, undefined);
  assert.equal(n.forward, notification);
  const escapedMethod = `{"jsonrpc":"2.0","id":"a\\"b","method":"tools\\u002fcall","params":{"name":"x","arguments":{"n":{"id":5,"deep":"${CANARY.slice(0, 3)}\\u0057${CANARY.slice(4)}"}}}}`;
  const e = s.fromClient(escapedMethod, escapedMethod.length, 0);
  assert.equal(e.record.method, 'tools/call');
  assert.equal(e.record.id, 'a"b');
  assert.equal(e.record.action, 'blocked', 'a canary with one escaped character is still found');
  // A duplicate key: JSON.parse keeps the last one, and so does the gateway.
  const duplicate = `{"jsonrpc":"2.0","id":4,"method":"ping","method":"tools/call","params":{"name":"x","arguments":{"v":"${CANARY}"}}}`;
  assert.equal(s.fromClient(duplicate, duplicate.length, 0).record.action, 'blocked');
  // A batch (an array) is not a message the gateway reads: passed on as it is.
  const batch = `[{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x","arguments":{"v":"${CANARY}"}}}]`;
  const b = s.fromClient(batch, batch.length, 0);
  assert.equal(b.forward, batch);
  assert.equal(b.record.type, 'other');
});

test('logged argument names go through a cache that masks exactly as redactText does', () => {
  const names = ['message', CANARY, `x_${FAKE_TOKEN}`, 'path', ...Array.from({ length: 1_500 }, (_, i) => `k${i}`)];
  for (let round = 0; round < 3; round++) {
    const logged = redactForLog(Object.fromEntries(names.slice(0, 50).map((k) => [k, 1])), FORMS) as Record<string, unknown>;
    assert.deepEqual(
      Object.keys(logged),
      names.slice(0, 50).map((k) => redactText(k, FORMS).slice(0, 100)),
    );
    assert.ok(!JSON.stringify(logged).includes(CANARY) && !JSON.stringify(logged).includes(FAKE_TOKEN));
    // More distinct names than the cache holds: it starts over and stays right.
    for (let i = 0; i < names.length; i += 50) redactForLog(Object.fromEntries(names.slice(i, i + 50).map((k) => [k, 1])), FORMS);
  }
});

test('a canary or a secret in an argument name is masked in the finding path, the alert and the refusal', () => {
  const s = session({});
  const call = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'x', arguments: { [CANARY]: { [FAKE_TOKEN]: CANARY } } } });
  const out = s.fromClient(call, call.length, 0);
  assert.equal(out.record.action, 'blocked');
  for (const text of [JSON.stringify(out.record), out.reply!, out.alerts.join('\n')]) {
    assert.ok(!text.includes(CANARY), text);
    assert.ok(!text.includes(FAKE_TOKEN), text);
  }
  assert.match(out.record.findings![0]!.path!, /^arguments\.\[canary MCPW…\]/);
});
