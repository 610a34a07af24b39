import assert from 'node:assert/strict';
import { test } from 'node:test';
import { visibleText } from '../../../src/core/text/visible';

test('makes escapes, controls and invisible characters visible', () => {
  assert.equal(visibleText('a\x1b[31mred\x1b[0m'), 'a␛[31mred␛[0m');
  assert.equal(visibleText('x\u0007y'), 'x␇y');
  assert.equal(visibleText('ab\u200bc'), 'ab⟨U+200B⟩c');
  assert.equal(visibleText('\u202egnp.exe'), '⟨U+202E⟩gnp.exe');
  assert.equal(visibleText('hi' + String.fromCodePoint(0xe0041, 0xe0042)), 'hi⟨U+E0041⟩⟨U+E0042⟩');
  assert.equal(visibleText('plain text, ünïcödé ✓'), 'plain text, ünïcödé ✓');
});

test('single-line mode and the length cap', () => {
  assert.equal(visibleText('one\ntwo\tthree', { singleLine: true }), 'one⏎ two three');
  assert.equal(visibleText('abcdefgh', { max: 3 }), 'abc…');
});
