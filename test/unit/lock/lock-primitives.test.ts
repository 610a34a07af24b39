import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { canonicalize, canonicalJson } from '../../../src/core/lock/canonical';
import { diffLines, unifiedDiff, type DiffOp } from '../../../src/core/lock/diff';
import { storedIdentity } from '../../../src/core/lock/identity';
import { sha256Hex } from '../../../src/core/lock/sha256';

describe('sha256Hex', () => {
  it('matches node:crypto on assorted inputs, including multi-block and non-ASCII', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(1000), 'ünïcødé 😀 \u{E0041}', '{"k":1}']) {
      assert.equal(sha256Hex(text), createHash('sha256').update(text, 'utf8').digest('hex'), JSON.stringify(text.slice(0, 20)));
    }
  });
});

describe('canonicalize', () => {
  it('sorts keys and the order-insensitive lists, keeps the rest in order', () => {
    const a = {
      name: 't',
      inputSchema: {
        type: 'object',
        required: ['b', 'a'],
        properties: { b: { type: ['null', 'string'], enum: ['y', 'x'] }, a: { examples: ['2', '1'], anyOf: [{ type: 'string' }, { type: 'number' }] } },
      },
    };
    const b = {
      inputSchema: {
        properties: { a: { anyOf: [{ type: 'number' }, { type: 'string' }], examples: ['2', '1'] }, b: { enum: ['x', 'y'], type: ['string', 'null'] } },
        required: ['a', 'b'],
        type: 'object',
      },
      name: 't',
    };
    assert.equal(canonicalJson(a), canonicalJson(b));
    const c = {
      ...a,
      inputSchema: { ...a.inputSchema, properties: { ...a.inputSchema.properties, a: { ...a.inputSchema.properties.a, examples: ['1', '2'] } } },
    };
    assert.notEqual(canonicalJson(a), canonicalJson(c), 'examples keep their order');
  });

  it('sorts prompt arguments by name and drops _meta and undefined', () => {
    assert.deepEqual(canonicalize({ arguments: [{ name: 'b' }, { name: 'a' }], _meta: { t: 1 }, x: undefined }), { arguments: [{ name: 'a' }, { name: 'b' }] });
  });

  it('keeps strings byte for byte: whitespace and invisible characters are changes', () => {
    assert.notEqual(canonicalJson({ description: 'a b' }), canonicalJson({ description: 'a  b' }));
    assert.notEqual(canonicalJson({ description: 'ab' }), canonicalJson({ description: 'a\u200bb' }));
  });
});

describe('diffLines', () => {
  const apply = (ops: DiffOp[], side: 'a' | 'b') => ops.filter((o) => o.kind === 'equal' || o.kind === (side === 'a' ? 'delete' : 'insert')).map((o) => o.line);
  const lcs = (a: string[], b: string[]) => {
    const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i--)
      for (let j = b.length - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
    return t[0]![0]!;
  };

  it('produces a minimal edit script that rebuilds both sides (randomised)', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    for (let round = 0; round < 300; round++) {
      const a = Array.from({ length: rand(14) }, () => 'abcd'[rand(4)]!);
      const b = Array.from({ length: rand(14) }, () => 'abcd'[rand(4)]!);
      const ops = diffLines(a, b);
      assert.deepEqual(apply(ops, 'a'), a);
      assert.deepEqual(apply(ops, 'b'), b);
      assert.equal(ops.filter((o) => o.kind === 'equal').length, lcs(a, b), `${a.join('')} → ${b.join('')}`);
    }
  });

  it('falls back to a replacement beyond its edit budget, still rebuilding both sides', () => {
    const a = Array.from({ length: 300 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 300 }, (_, i) => `b${i}`);
    const ops = diffLines(a, b, 10);
    assert.deepEqual(apply(ops, 'a'), a);
    assert.deepEqual(apply(ops, 'b'), b);
  });
});

describe('unifiedDiff', () => {
  it('writes hunks with context and line numbers', () => {
    const oldText = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\n');
    const newText = ['1', '2', '3', '4', 'five', '6', '7', '8', '9'].join('\n');
    assert.equal(
      unifiedDiff(oldText, newText),
      ['--- approved', '+++ current', '@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8', ''].join('\n'),
    );
  });

  it('is empty for equal texts and shows a whole addition', () => {
    assert.equal(unifiedDiff('a\nb', 'a\nb'), '');
    assert.equal(unifiedDiff('', 'x\ny', { oldLabel: 'none', newLabel: 'tool:x' }), '--- none\n+++ tool:x\n@@ -0,0 +1,2 @@\n+x\n+y\n');
  });
});

describe('storedIdentity', () => {
  it('keeps command, plain args and URL, and hashes secret-looking values', () => {
    const token = ['ghp', 'FAKE0000EXAMPLE0000aZ9xQ2w8Lm4'].join('_');
    const id = storedIdentity({
      command: 'npx',
      args: ['-y', '@scope/server@1.2.3', '--api-key', 'k-FAKE-0000-abcdef', `--token=${token}`, 'plainword'],
      url: 'https://user:pw@api.example/mcp?x=1&access_token=FAKE000abc',
      version: '1.0.0',
    });
    assert.equal(id.command, 'npx');
    assert.deepEqual(id.args!.slice(0, 2), ['-y', '@scope/server@1.2.3']);
    assert.match(id.args![3]!, /^«redacted sha256:[0-9a-f]{12}»$/);
    assert.match(id.args![4]!, /^--token=«redacted sha256:[0-9a-f]{12}»$/);
    assert.equal(id.args![5], 'plainword');
    assert.ok(!id.url!.includes('pw@') && !id.url!.includes('FAKE000abc') && id.url!.includes('x=1'));
    assert.ok(!JSON.stringify(id).includes(token));
    assert.deepEqual(
      storedIdentity({ args: ['--api-key', 'k-FAKE-0000-abcdef'] }),
      storedIdentity({ args: ['--api-key', 'k-FAKE-0000-abcdef'] }),
      'hashing is stable',
    );
  });
});
