// Framing and batching: lines out of chunks with their original bytes, and one write per batch that
// keeps the order and copies nothing when every line passes unchanged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineSplitter, OutputBatch } from '../../../src/gateway/lines';

function split(chunks: Buffer[]): { line: string; bytes: number; raw: Buffer }[] {
  const out: { line: string; bytes: number; raw: Buffer }[] = [];
  const splitter = new LineSplitter(
    (line, bytes, raw) => out.push({ line, bytes, raw }),
    1_000,
    () => assert.fail('no overflow'),
  );
  for (const c of chunks) splitter.push(c);
  return out;
}

test('a chunk whose lines all pass unchanged is written once, as a view of the chunk itself', () => {
  const chunk = Buffer.from('{"a":1}\n{"b":"é"}\r\n{"c":3}\n');
  const writes: Buffer[] = [];
  const batch = new OutputBatch((d) => writes.push(d));
  const lines = split([chunk]);
  assert.deepEqual(
    lines.map((l) => [l.line, l.bytes]),
    [
      ['{"a":1}', 7],
      ['{"b":"é"}\r', 11],
      ['{"c":3}', 7],
    ],
  );
  for (const l of lines) batch.addRaw(l.raw);
  batch.flush();
  assert.equal(writes.length, 1);
  assert.equal(writes[0]!.buffer, chunk.buffer, 'no copy');
  assert.ok(writes[0]!.equals(chunk));
  batch.flush();
  assert.equal(writes.length, 1, 'nothing left to write');
});

test('changed lines, replies and lines of several chunks keep their order in one write', () => {
  const first = Buffer.from('{"a":1}\n{"b":2}\n{"par');
  const second = Buffer.from('tial":3}\n{"d":4}\n');
  const lines = split([first, second]);
  assert.deepEqual(
    lines.map((l) => l.line),
    ['{"a":1}', '{"b":2}', '{"partial":3}', '{"d":4}'],
  );
  const writes: Buffer[] = [];
  const batch = new OutputBatch((d) => writes.push(d));
  batch.addRaw(lines[0]!.raw);
  batch.addText('{"changed":true}');
  batch.addRaw(lines[1]!.raw);
  batch.addRaw(lines[2]!.raw);
  batch.addRaw(lines[3]!.raw);
  batch.flush();
  assert.equal(writes.length, 1);
  assert.equal(writes[0]!.toString(), '{"a":1}\n{"changed":true}\n{"b":2}\n{"partial":3}\n{"d":4}\n');
});
