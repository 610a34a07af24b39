import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { child, properties, type DocNode } from '../../../src/core/model/docNode';
import { MAX_NESTING_DEPTH } from '../../../src/core/parse/problem';
import { parseToml } from '../../../src/core/parse/toml';

function src(text: string, node: DocNode | undefined): string {
  assert.ok(node, 'node exists');
  return text.slice(node.offset, node.offset + node.length);
}

function keyOf(node: DocNode | undefined): DocNode {
  assert.ok(node?.parent?.type === 'property');
  return node.parent.children![0]!;
}

function at(root: DocNode | undefined, ...path: (string | number)[]): DocNode | undefined {
  let node = root;
  for (const step of path) node = typeof step === 'number' ? node?.children?.[step] : child(node, step);
  return node;
}

describe('TOML tables and their ranges', () => {
  const text =
    'model = "o3"\n\n[mcp_servers.github]\ncommand = "npx"\nargs = ["-y"]\n\n# trailing comment\n\n[mcp_servers.docs]\nurl = "https://example.test/mcp"\n';
  const { root, problems } = parseToml(text);

  it('reads without problems', () => assert.deepEqual(problems, []));

  it('a [header] table spans its header line through its last key/value', () => {
    const github = at(root, 'mcp_servers', 'github');
    assert.equal(src(text, github), '[mcp_servers.github]\ncommand = "npx"\nargs = ["-y"]');
    assert.equal(src(text, keyOf(github)), 'github');
    assert.equal(src(text, github!.parent), src(text, github), 'its property has the same range');
  });

  it('an implicitly created table is keyed at its segment of the first header and spans all it holds', () => {
    const servers = at(root, 'mcp_servers');
    const key = keyOf(servers);
    assert.equal(key.offset, text.indexOf('[mcp_servers.github]') + 1);
    assert.equal(src(text, key), 'mcp_servers');
    assert.equal(servers!.offset, text.indexOf('[mcp_servers.github]'));
    assert.ok(src(text, servers).endsWith('url = "https://example.test/mcp"'));
  });

  it('a table defined after its sub-table moves its key to its own header and starts there', () => {
    const t = '[a.b]\nx = 1\n\n[a]\ny = 2\n';
    const out = parseToml(t);
    assert.deepEqual(out.problems, []);
    const a = at(out.root, 'a');
    assert.equal(keyOf(a).offset, t.indexOf('[a]') + 1);
    assert.equal(src(t, a), '[a]\ny = 2');
    assert.equal(src(t, at(out.root, 'a', 'b')), '[a.b]\nx = 1');
  });

  it('an array of tables is keyed at its first header; each element spans its own [[header]] and body', () => {
    const t = '[[mcp.list]]\nname = "a"\n\n[[mcp.list]]\nname = "b"\n[mcp.list.extra]\nk = 1\n';
    const out = parseToml(t);
    const list = at(out.root, 'mcp', 'list');
    assert.equal(list?.type, 'array');
    assert.equal(keyOf(list).offset, t.indexOf('list'));
    assert.equal(src(t, at(list, 0)), '[[mcp.list]]\nname = "a"');
    assert.equal(src(t, at(list, 1)), '[[mcp.list]]\nname = "b"\n[mcp.list.extra]\nk = 1');
    assert.equal(src(t, list), t.trimEnd());
  });

  it('dotted keys make tables that span their keys, and properties record the offset of "="', () => {
    const t = 'env.A = "1"\nenv . "B" = "2"\n';
    const out = parseToml(t);
    const env = at(out.root, 'env');
    assert.equal(src(t, keyOf(env)), 'env');
    assert.equal(src(t, env), 'A = "1"\nenv . "B" = "2"');
    assert.equal(src(t, keyOf(at(env, 'B'))), '"B"');
    assert.equal(at(env, 'B')!.parent!.colonOffset, t.lastIndexOf('='));
  });

  it('CRLF: ranges end before the carriage return and offsets count both characters', () => {
    const t = '[mcp_servers.w]\r\ncommand = "x"\r\nargs = [\r\n  "a",\r\n]\r\n';
    const out = parseToml(t);
    assert.deepEqual(out.problems, []);
    assert.equal(src(t, at(out.root, 'mcp_servers', 'w')), '[mcp_servers.w]\r\ncommand = "x"\r\nargs = [\r\n  "a",\r\n]');
    assert.equal(at(out.root, 'mcp_servers', 'w', 'command')!.offset, t.indexOf('"x"'));
  });

  it('offsets are UTF-16 indices with non-ASCII keys and emoji', () => {
    const t = '"ключ" = "🎉🎉"\n[mcp_servers."サーバー"]\ncommand = "🐍"\n"环境" = { "变量" = "𝄞" }\n';
    const out = parseToml(t);
    assert.deepEqual(out.problems, []);
    const command = at(out.root, 'mcp_servers', 'サーバー', 'command');
    assert.equal(command!.offset, t.indexOf('"🐍"'));
    assert.notEqual(command!.offset, [...t.slice(0, t.indexOf('"🐍"'))].length, 'code points would differ');
    assert.equal(src(t, command), '"🐍"');
    assert.equal(src(t, at(out.root, 'mcp_servers', 'サーバー', '环境', '变量')), '"𝄞"');
    assert.equal(src(t, keyOf(at(out.root, 'ключ'))), '"ключ"');
  });

  it('a byte order mark is skipped and offsets still count it', () => {
    const t = '\uFEFF[mcp_servers.a]\ncommand = "x"\n';
    const out = parseToml(t);
    assert.deepEqual(out.problems, []);
    assert.equal(at(out.root, 'mcp_servers', 'a')!.offset, 1);
  });

  it('reads a 20,000-line file', () => {
    const lines: string[] = [];
    for (let i = 0; i < 2000; i++) {
      lines.push(`[mcp_servers.s${i}]`, 'command = "npx"', `args = ["-y", "pkg-${i}@1.0.0"]`, `env = { "K" = "v${i}" }`);
      lines.push('enabled = true', 'startup_timeout_sec = 20', '# comment', `url = "http://127.0.0.1:${3000 + (i % 1000)}"`, `cwd = '/srv/${i}'`, '');
    }
    const t = lines.join('\n');
    assert.equal(t.split('\n').length, 20000);
    const out = parseToml(t);
    assert.deepEqual(out.problems, []);
    const servers = at(out.root, 'mcp_servers');
    assert.equal(servers?.children?.length, 2000);
    assert.equal(src(t, at(servers, 's1999', 'args', 1)), '"pkg-1999@1.0.0"');
  });
});

describe('TOML nesting guard', () => {
  it('refuses inline arrays nested deeper than the limit before reading', () => {
    const t = `a = ${'['.repeat(MAX_NESTING_DEPTH + 1)}${']'.repeat(MAX_NESTING_DEPTH + 1)}\n`;
    const out = parseToml(t);
    assert.equal(out.root, undefined);
    assert.equal(out.problems.length, 1);
    assert.equal(out.problems[0]!.kind, 'too-deep');
    assert.equal(out.problems[0]!.offset, 4 + MAX_NESTING_DEPTH);
  });

  it('accepts nesting right at the limit', () => {
    const t = `a = ${'['.repeat(MAX_NESTING_DEPTH)}${']'.repeat(MAX_NESTING_DEPTH)}\n`;
    const out = parseToml(t);
    assert.deepEqual(out.problems, []);
  });

  it('refuses nesting the pre-scan cannot see (brackets after a multi-line string on its closing line)', () => {
    const deep = MAX_NESTING_DEPTH + 10;
    const t = `a = ["""\n""", ${'['.repeat(deep)}${']'.repeat(deep)}]\n`;
    const out = parseToml(t);
    assert.equal(out.root, undefined);
    assert.equal(out.problems[0]?.kind, 'too-deep');
    assert.equal(out.problems[0]?.offset, t.indexOf('[', t.indexOf('""",')) + MAX_NESTING_DEPTH - 1);
  });

  it('refuses keys with more dotted parts than the limit', () => {
    const t = `${Array.from({ length: MAX_NESTING_DEPTH + 1 }, (_, i) => `k${i}`).join('.')} = 1\n`;
    const out = parseToml(t);
    assert.equal(out.root, undefined);
    assert.equal(out.problems[0]?.kind, 'too-deep');
  });
});

describe('TOML recovery keeps what can be read', () => {
  it('a redefined table is reported and both bodies stay in the tree', () => {
    const t = '[mcp_servers.a]\ncommand = "x"\n\n[mcp_servers.a]\ncommand = "y"\n';
    const out = parseToml(t);
    assert.equal(out.problems.length, 1);
    const listed = [...properties(at(out.root, 'mcp_servers'))].map((p) => src(t, p.value));
    assert.deepEqual(listed, ['[mcp_servers.a]\ncommand = "x"', '[mcp_servers.a]\ncommand = "y"']);
  });

  it('a duplicated key is reported and both values stay listed', () => {
    const t = 'a = 1\na = 2\n';
    const out = parseToml(t);
    assert.equal(out.problems.length, 1);
    assert.deepEqual(
      [...properties(out.root)].map((p) => p.value.value),
      [1, 2],
    );
  });

  it('key/values under a broken header do not land in the previous table', () => {
    const t = '[mcp_servers.a]\ncommand = "x"\n[mcp_servers.b\ncommand = "y"\n[mcp_servers.c]\ncommand = "z"\n';
    const out = parseToml(t);
    assert.equal(out.problems.length, 1);
    assert.deepEqual(
      out.problems.map((p) => p.offset),
      [t.indexOf('\ncommand = "y"')],
    );
    assert.equal(at(out.root, 'mcp_servers', 'a', 'command')?.value, 'x');
    assert.equal(at(out.root, 'mcp_servers', 'c', 'command')?.value, 'z');
    assert.deepEqual(
      [...properties(at(out.root, 'mcp_servers'))].map((p) => p.key),
      ['a', 'c'],
    );
  });

  it('tables after a bad line are still read; consecutive bad lines give one message', () => {
    const t = '[mcp_servers.a]\ncommand = npx\nargs = [\n  "x"\n  "y",\n]\n[mcp_servers.b]\ncommand = "ok"\n';
    const out = parseToml(t);
    assert.deepEqual(
      out.problems.map((p) => p.message),
      [
        "TOML syntax error: invalid value 'npx' (strings must be in quotes)",
        "TOML syntax error: expected ',' or ']' in the array opened on line 3, found '\"'",
      ],
    );
    assert.equal(at(out.root, 'mcp_servers', 'b', 'command')?.value, 'ok');
    assert.equal(at(out.root, 'mcp_servers', 'a', 'args'), undefined);
  });

  it('never throws, and every problem lies inside the text, whatever the input is cut to', () => {
    const t =
      '[mcp_servers."a b"]\ncommand = "npx" # c\nargs = [\'-y\', """x\ny""", 1e3, 0x1F, 1979-05-27 07:32:00Z]\nenv = { K.L = "\\u00e9", M = [{}] }\n[[t]]\n';
    for (let cut = 0; cut <= t.length; cut++) {
      for (const variant of [t.slice(0, cut), t.slice(0, cut) + t.slice(cut + 1), t.slice(0, cut) + '\r' + t.slice(cut)]) {
        const out = parseToml(variant);
        for (const p of out.problems) assert.ok(p.offset >= 0 && p.offset + p.length <= variant.length + 1, `${JSON.stringify(variant)}: ${p.message}`);
      }
    }
  });
});
