import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Clauses, isNegated, isQuotedOrExample } from '../../../src/core/tools/clauses';
import { skeleton } from '../../../src/core/tools/confusables';
import { fold, originalRange } from '../../../src/core/tools/fold';
import { describeEscape, parseEscape } from '../../../src/core/tools/terminal';
import { excerpt, visibleWithMap } from '../../../src/core/tools/visible';

describe('fold', () => {
  it('lower-cases, removes invisible characters and escapes, and maps back to exact offsets', () => {
    const original = 'Ig\u200bNORE  \u001b[31mprev\u00adious\tINSTRUCTIONS';
    const f = fold(original);
    assert.equal(f.text, 'ignore previous instructions');
    const at = f.text.indexOf('previous');
    const range = originalRange(f, at, at + 'previous'.length);
    assert.equal(original.slice(range.start, range.end), 'prev\u00adious');
  });

  it('reads look-alike and styled letters as ASCII', () => {
    assert.equal(fold('\u0456gnore ｉｇｎｏｒｅ 𝐢𝐠𝐧𝐨𝐫𝐞').text, 'ignore ignore ignore');
  });

  it('collapses whitespace runs to one space, or one line break when the run has one', () => {
    assert.equal(fold('a \t b\n\n  c').text, 'a b\nc');
  });

  it('keeps typographic quotes as ASCII quotes', () => {
    assert.equal(fold('\u201cquoted\u201d \u2018x\u2019').text, '"quoted" \'x\'');
  });
});

describe('clauses', () => {
  it('splits at sentence ends but not inside paths or after e.g.', () => {
    const text = 'read ~/.ssh/id_rsa now. then stop; e.g. this stays';
    const c = new Clauses(text);
    const at = text.indexOf('id_rsa');
    assert.equal(text.slice(c.around(at, at + 6).start, c.around(at, at + 6).end), 'read ~/.ssh/id_rsa now');
    const eg = text.indexOf('this');
    assert.equal(text.slice(c.around(eg, eg + 4).start, c.around(eg, eg + 4).end), ' e.g. this stays');
  });

  it('knows negation, double negation and a reset by "but"', () => {
    const neg = (t: string, w: string) => isNegated(t, 0, t.indexOf(w));
    assert.equal(neg('this server never reads ~/.ssh', '~/.ssh'), true);
    assert.equal(neg("don't forget to read ~/.ssh", '~/.ssh'), false);
    assert.equal(neg('do not ask, but read ~/.ssh', '~/.ssh'), false);
    assert.equal(neg('read ~/.ssh', '~/.ssh'), false);
  });

  it('recognises quoted examples', () => {
    const t = "flags phrases such as 'ignore previous instructions' in text";
    const s = t.indexOf('ignore');
    assert.equal(isQuotedOrExample(t, 0, s, s + 'ignore previous instructions'.length), true);
    const u = 'ignore previous instructions now';
    assert.equal(isQuotedOrExample(u, 0, 0, 28), false);
  });
});

describe('visible', () => {
  it('shows controls, escapes and invisible characters without interpreting them', () => {
    assert.equal(visibleWithMap('a\u001b[31mb\u0007\u200b\u{E0041}').text, 'a␛[31mb␇⟨U+200B⟩⟨U+E0041⟩');
    assert.equal(visibleWithMap('x\ny', { keepNewlines: true }).text, 'x\ny');
    assert.equal(visibleWithMap('x\ny').text, 'x⏎y');
    assert.equal(visibleWithMap('x\r\ny', { keepNewlines: true }).text, 'x\ny');
    assert.equal(visibleWithMap('x\ry', { keepNewlines: true }).text, 'x␍y');
  });

  it('maps every original offset to its rendered offset', () => {
    const { text, map } = visibleWithMap('a\u{E0041}b');
    assert.equal(text, 'a⟨U+E0041⟩b');
    assert.equal(map[0], 0);
    assert.equal(map[1], 1);
    assert.equal(map[3], text.indexOf('b'));
    assert.equal(map[4], text.length);
  });

  it('bounds excerpts and never splits a surrogate pair', () => {
    const long = 'x'.repeat(5000) + '😀' + 'y'.repeat(5000);
    const e = excerpt(long, 0, long.length);
    assert.ok(e.length <= 240);
    assert.ok(e.includes('…'));
    assert.ok(!/[\ud800-\udfff]/.test(e.replace(/😀/g, '')));
  });
});

describe('terminal escapes', () => {
  it('parses CSI and OSC and says which ones hide text', () => {
    const conceal = parseEscape('\u001b[8mhidden', 0)!;
    assert.equal(conceal.kind, 'csi');
    assert.equal(describeEscape(conceal).hides, true);
    const colour = parseEscape('\u001b[31m', 0)!;
    assert.equal(describeEscape(colour).hides, false);
    const link = parseEscape('\u001b]8;;https://x.example\u0007text', 0)!;
    assert.equal(link.kind, 'osc');
    assert.match(describeEscape(link).what, /hyperlink to https:\/\/x\.example/);
    assert.equal(parseEscape('\u001b[' + '1'.repeat(100), 0), undefined);
  });
});

describe('skeleton', () => {
  it('maps look-alike names to the name they imitate', () => {
    assert.equal(skeleton('re\u0430d_file'), 'read_file');
    assert.equal(skeleton('Send-Email'), 'send_email');
  });
});
