import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'smol-toml';
import { parseToml } from '../../../src/core/parse/toml';
import { LineIndex } from '../../../src/core/text/lineIndex';

interface ErrorCase {
  name: string;
  text: string;
  line: number;
  column: number;
  /** The exact text the problem covers. */
  covers: string;
  message: string;
  /** smol-toml accepts it although TOML 1.0 forbids it (it rolls 2023-02-29 over to March 1st). */
  smolAccepts?: boolean;
}

const CASES: ErrorCase[] = [
  { name: 'missing "="', text: '[mcp_servers.a]\ncommand "npx"\n', line: 2, column: 9, covers: '"', message: `expected '=' after key 'command', found '"'` },
  {
    name: 'key alone on a line',
    text: 'a = 1\nlonely\n',
    line: 2,
    column: 7,
    covers: '\n',
    message: "expected '=' after key 'lonely', found the end of the line",
  },
  { name: 'missing value', text: 'a =   \n', line: 1, column: 7, covers: '\n', message: "expected a value after '=' for key 'a'" },
  { name: 'unquoted string', text: 'command = npx -y\n', line: 1, column: 11, covers: 'npx', message: "invalid value 'npx' (strings must be in quotes)" },
  { name: 'two values on a line', text: 'a = 1 2\n', line: 1, column: 7, covers: '2', message: "expected the end of the line after a value, found '2'" },
  {
    name: 'text after a header',
    text: '[a] b = 1\n',
    line: 1,
    column: 5,
    covers: 'b',
    message: "expected the end of the line after a table header, found 'b'",
  },
  {
    name: 'string not closed',
    text: 'a = 1\nurl = "https://x\nb = 2\n',
    line: 2,
    column: 7,
    covers: '"https://x',
    message: 'string is not closed before the end of the line',
  },
  { name: 'multi-line string not closed', text: 'a = """\nnever closed\n', line: 1, column: 5, covers: '"""', message: 'multi-line string is not closed' },
  {
    name: 'invalid escape',
    text: 'a = "C:\\Users"\n',
    line: 1,
    column: 8,
    covers: '\\U',
    message: "invalid escape '\\U': expected 8 hex digits after '\\U' (write '\\\\' for a backslash, or use a 'literal string')",
  },
  { name: 'unknown escape', text: 'a = "x\\qy"\n', line: 1, column: 7, covers: '\\q', message: "invalid escape sequence '\\q' in a string" },
  { name: 'surrogate escape', text: 'a = "\\uD800"\n', line: 1, column: 6, covers: '\\uD800', message: "invalid escape '\\uD800': not a Unicode scalar value" },
  {
    name: 'raw control character in a string',
    text: 'a = "x\x01"\n',
    line: 1,
    column: 7,
    covers: '\x01',
    message: 'control character U+0001 must be escaped in a string',
  },
  {
    name: 'control character in a comment',
    text: 'a = 1 # bad \x7f here\n',
    line: 1,
    column: 13,
    covers: '\x7f',
    message: 'control character U+007F is not allowed in a comment',
  },
  { name: 'lone carriage return', text: 'a = 1\rb = 2\n', line: 1, column: 6, covers: '\r', message: 'a carriage return must be followed by a line feed' },
  { name: 'leading zero', text: 'port = 08080\n', line: 1, column: 8, covers: '08080', message: "invalid value '08080'" },
  { name: 'integer beyond 64 bits', text: 'a = 9223372036854775808\n', line: 1, column: 5, covers: '9223372036854775808', message: 'does not fit in 64 bits' },
  { name: 'integer with a hundred digits', text: `a = ${'9'.repeat(100)}\n`, line: 1, column: 5, covers: '9'.repeat(100), message: 'does not fit in 64 bits' },
  { name: 'emoji as a bare key', text: '🎉 = 1\n', line: 1, column: 1, covers: '🎉', message: "invalid character '🎉' in a key" },
  {
    name: 'impossible date',
    text: 'd = 2023-02-29\n',
    line: 1,
    column: 5,
    covers: '2023-02-29',
    message: "invalid date or time '2023-02-29'",
    smolAccepts: true,
  },
  { name: 'bad character in a bare key', text: 'serv€r = 1\n', line: 1, column: 5, covers: '€', message: "expected '=' after key 'serv', found '€'" },
  { name: 'key starting with a bad character', text: '€ = 1\n', line: 1, column: 1, covers: '€', message: "invalid character '€' in a key" },
  {
    name: 'header not closed',
    text: '[mcp_servers.a\ncommand = "x"\n',
    line: 1,
    column: 15,
    covers: '\n',
    message: "expected ']' to close the table header, found the end of the line",
  },
  { name: 'array-of-tables header half closed', text: '[[a]\n', line: 1, column: 4, covers: ']', message: "expected ']]' to close the table header" },
  { name: 'array not closed', text: 'args = ["a",\n  "b"\n', line: 1, column: 8, covers: '[', message: "array opened on line 1 is not closed: expected ']'" },
  {
    name: 'missing comma in an array',
    text: 'args = ["a" "b"]\n',
    line: 1,
    column: 13,
    covers: '"',
    message: "expected ',' or ']' in the array opened on line 1, found '\"'",
  },
  { name: 'empty array item', text: 'args = ["a",,]\n', line: 1, column: 13, covers: ',', message: "expected a value, found ','" },
  {
    name: 'missing comma in an inline table',
    text: 'env = { A = "1" B = "2" }\n',
    line: 1,
    column: 17,
    covers: 'B',
    message: "expected ',' or '}' in the inline table opened on line 1, found 'B'",
  },
  {
    name: 'duplicate key',
    text: 'a = 1\nb = 2\na = 3\n',
    line: 3,
    column: 1,
    covers: 'a',
    message: "key 'a' is already defined (line 1); TOML allows each key once",
  },
  {
    name: 'duplicate key inside an inline table',
    text: 'env = { A = "1", A = "2" }\n',
    line: 1,
    column: 18,
    covers: 'A',
    message: "key 'A' is already defined (line 1)",
  },
  { name: 'duplicate dotted key', text: 'a.b = 1\na . "b" = 2\n', line: 2, column: 5, covers: '"b"', message: "key 'a.b' is already defined (line 1)" },
  {
    name: 'table defined twice',
    text: '[mcp_servers.a]\ncommand = "x"\n\n[mcp_servers.a]\n',
    line: 4,
    column: 14,
    covers: 'a',
    message: 'table [mcp_servers.a] is already defined (line 1)',
  },
  { name: 'table over a value', text: '[a]\nb = 1\n[a.b]\n', line: 3, column: 4, covers: 'b', message: 'cannot define [a.b]: it is already a number (line 2)' },
  {
    name: 'table through a value',
    text: 'a = "x"\n[a.b]\n',
    line: 2,
    column: 2,
    covers: 'a',
    message: "cannot define [a.b]: 'a' is already a string (line 1)",
  },
  {
    name: 'extending an inline table',
    text: 'a = { b = 1 }\n[a.c]\n',
    line: 2,
    column: 2,
    covers: 'a',
    message: "'a' is already an inline table, which cannot be extended (line 1)",
  },
  {
    name: 'dotted key through a value',
    text: 'a = 1\na.b = 2\n',
    line: 2,
    column: 1,
    covers: 'a',
    message: "cannot set 'a.b': 'a' is already a number (line 1)",
  },
  {
    name: 'dotted key into a [header] table',
    text: '[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n',
    line: 4,
    column: 1,
    covers: 'b',
    message: "cannot set 'b.c.t': 'b' is already a table created by a [header] (line 1)",
  },
  {
    name: 'header over a dotted-key table',
    text: '[fruit]\napple.color = "red"\n[fruit.apple]\n',
    line: 3,
    column: 8,
    covers: 'apple',
    message: 'cannot define [fruit.apple]: it is already a table defined by dotted keys (line 2)',
  },
  {
    name: 'array of tables over a table',
    text: '[a]\n[[a]]\n',
    line: 2,
    column: 3,
    covers: 'a',
    message: 'cannot append to [[a]]: it is already a table defined by a [header] (line 1)',
  },
  {
    name: 'array of tables over a static array',
    text: 'a = []\n[[a]]\n',
    line: 2,
    column: 3,
    covers: 'a',
    message: 'cannot append to [[a]]: it is already an array (line 1)',
  },
  { name: 'multi-line string as a key', text: '"""k""" = 1\n', line: 1, column: 1, covers: '"""', message: 'a multi-line string cannot be used as a key' },
];

describe('TOML errors land at the right place', () => {
  for (const c of CASES) {
    it(c.name, () => {
      if (!c.smolAccepts) assert.throws(() => parse(c.text), Error, 'smol-toml rejects it too');
      const out = parseToml(c.text);
      assert.equal(out.problems.length, 1, JSON.stringify(out.problems));
      const problem = out.problems[0]!;
      assert.equal(problem.kind, 'syntax');
      assert.ok(problem.message.startsWith('TOML syntax error: '), problem.message);
      assert.ok(problem.message.includes(c.message), `${problem.message}\n  should include: ${c.message}`);
      assert.deepEqual(new LineIndex(c.text).position(problem.offset), { line: c.line, column: c.column });
      assert.equal(c.text.slice(problem.offset, problem.offset + problem.length), c.covers);
    });
  }
});

describe('TOML error recovery', () => {
  it('a single-line error does not hide one on the next line', () => {
    const out = parseToml('a =\nb = 1 1\nc = 3\n');
    assert.deepEqual(
      out.problems.map((p) => p.offset),
      [3, 10],
    );
  });

  it('the lines of an unclosed multi-line string give one message, and the tables after are read', () => {
    const text = 'a = """\nx = [\n"\n[mcp_servers.b]\ncommand = "y"\n';
    const out = parseToml(text);
    assert.equal(out.problems.length, 1);
    assert.equal(out.problems[0]!.offset, 4);
    assert.ok(out.root?.children?.some((p) => p.children?.[0]?.value === 'mcp_servers'));
  });
});
