import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { BoundedReadError, isStreamPath, readBounded, readBoundedText } from '../../../src/node/boundedRead';
import { readEnvFileText } from '../../../src/node/envFiles';

const dir = mkdtempSync(join(tmpdir(), 'mcp-warden-bounded-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('readBounded', () => {
  test('a regular file under the cap is read whole; over it, not read', () => {
    const path = join(dir, 'a.json');
    writeFileSync(path, '\uFEFF{"a":1}');
    assert.equal(readBoundedText(path, { maxBytes: 100 }), '{"a":1}');
    const big = readBounded(path, { maxBytes: 4 });
    assert.deepEqual([big.tooLarge, big.bytes.length, big.byteLength], [true, 0, 10]);
    assert.throws(() => readBoundedText(path, { maxBytes: 4 }), /larger than 0 KB: not read/);
  });
  test('a link to /dev/zero, a FIFO and a folder are refused without being read', () => {
    const zero = join(dir, 'zero.json');
    symlinkSync('/dev/zero', zero);
    const fifo = join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    for (const [path, kind] of [
      [zero, 'a character device'],
      [fifo, 'a FIFO \\(named pipe\\)'],
      [dir, 'a folder'],
    ] as const) {
      assert.throws(
        () => readBounded(path, { maxBytes: 1024, explicit: true }),
        (e: unknown) => e instanceof BoundedReadError && e.code === 'not-regular' && new RegExp(`^it is ${kind}, not a regular file`).test(e.message),
      );
    }
    assert.match((readEnvFileText(zero) as { problem: string }).problem, /character device, not a regular file/);
  });
  test('stream paths are the ones a shell passes for pipes', () => {
    assert.deepEqual(['-', '/dev/stdin', '/dev/fd/63', '/proc/self/fd/3', '/dev/zero', 'x.json'].map(isStreamPath), [true, true, true, true, false, false]);
  });
  test('an explicit /dev/fd path to a FIFO with a writer is read', () => {
    const out = execFileSync(
      'bash',
      [
        '-c',
        `${process.execPath} -e "const {readBoundedText}=require(process.argv[1]); process.stdout.write(readBoundedText(process.argv[2], {maxBytes: 100, explicit: true}))" ${join(__dirname, '../../../src/node/boundedRead.js')} <(printf hello)`,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(out, 'hello');
  });
});
