import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, stringify, TomlDate } from 'smol-toml';
import type { DocNode } from '../../../src/core/model/docNode';
import { parseToml } from '../../../src/core/parse/toml';

/** Documents that smol-toml accepts; each must give the same values and exact ranges. */
const CORPUS: { name: string; text: string }[] = [
  { name: 'Codex docs: stdio server', text: '[mcp_servers.docs]\ncommand = "npx"\nargs = ["-y", "mcp-server"]\nenv = { "API_KEY" = "value" }\n' },
  {
    name: 'Codex docs: streamable HTTP server',
    text: '[mcp_servers.figma]\nurl = "https://mcp.figma.com/mcp"\nbearer_token_env_var = "FIGMA_OAUTH_TOKEN"\nhttp_headers = { "X-Figma-Region" = "us-east-1" }\nenv_http_headers = { "X-Org" = "ORG_ID_ENV" }\n',
  },
  {
    name: 'Codex docs: options',
    text: '[mcp_servers.context7]\ncommand = "npx"\nargs = ["-y", "@upstash/context7-mcp"]\nenabled = false\nstartup_timeout_sec = 20\ntool_timeout_sec = 60.0\nenabled_tools = ["search", "fetch"]\ndisabled_tools = []\nenv_vars = ["HOME", "PATH"]\ncwd = "/srv/ctx"\n',
  },
  {
    name: 'full Codex config',
    text: [
      '# ~/.codex/config.toml',
      'model = "gpt-5-codex"',
      'approval_policy = "on-request"',
      'sandbox_mode = "workspace-write"',
      '',
      '[sandbox_workspace_write]',
      'network_access = false',
      'writable_roots = ["/tmp", "~/scratch"]',
      '',
      '[profiles.fast]',
      'model = "o4-mini"',
      'model_reasoning_effort = "low"',
      '',
      '[mcp_servers.github]',
      'command = "docker"',
      'args = ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"]',
      '',
      '[mcp_servers.github.env]',
      'GITHUB_PERSONAL_ACCESS_TOKEN = "FAKE_0000_EXAMPLE"',
      '',
      '[mcp_servers.playwright]',
      'command = "npx"',
      "args = ['@playwright/mcp@latest']",
      '',
      '[tui]',
      'notifications = ["agent-turn-complete"]',
      '',
    ].join('\n'),
  },
  {
    name: 'quoted server names',
    text: '[mcp_servers."my.server"]\ncommand = "a"\n[mcp_servers.\'lit-name\']\ncommand = "b"\n[ mcp_servers . "spaced name" ]\nurl = "http://localhost:3000/mcp"\n',
  },
  { name: 'basic string escapes', text: 'a = "tab\\tnl\\nquote\\"back\\\\ bell\\b ff\\f cr\\r"\nb = "\\u00E9\\U0001F600"\nc = "esc\\e x\\x41"\nd = ""\n' },
  { name: 'literal strings', text: "path = 'C:\\Users\\nodejs\\templates'\nquoted = 'Tom \"Dubs\" Preston-Werner'\nregex = '<\\i\\c*\\s*>'\nempty = ''\n" },
  {
    name: 'multi-line basic strings',
    text: 'a = """\nRoses are red\nViolets are blue"""\nb = """\\\n    The quick brown \\\n\n\n    fox."""\nc = """Here are two quotation marks: "". Simple enough."""\nd = """"This," she said, "is just a pointless statement.""""\n',
  },
  {
    name: 'multi-line literal strings',
    text: "a = '''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n'''\nb = '''I [dw]on't need \\d{2} apples'''\nc = ''''That,' she said, 'is still pointless.''''\n",
  },
  {
    name: 'integers',
    text: 'a = +99\nb = 42\nc = 0\nd = -17\ne = 1_000\nf = 5_349_221\ng = 1_2_3_4_5\nh = 0xDEADBEEF\ni = 0xdead_beef\nj = 0o01234567\nk = 0o755\nl = 0b11010110\nm = -0\nn = +0\n',
  },
  {
    name: 'floats',
    text: 'a = +1.0\nb = 3.1415\nc = -0.01\nd = 5e+22\ne = 1e06\nf = -2E-2\ng = 6.626e-34\nh = 224_617.445_991_228\ni = inf\nj = +inf\nk = -inf\nl = nan\nm = +nan\nn = -nan\no = -0.0\np = +0.0\n',
  },
  { name: 'booleans', text: 'yes = true\nno = false\nlist = [true, false]\n' },
  {
    name: 'dates and times',
    text: 'odt1 = 1979-05-27T07:32:00Z\nodt2 = 1979-05-27T00:32:00-07:00\nodt3 = 1979-05-27T00:32:00.999999-07:00\nodt4 = 1979-05-27 07:32:00Z\nodt5 = 1979-05-27t07:32:00z\nldt1 = 1979-05-27T07:32:00\nldt2 = 1979-05-27T00:32:00.999\nld1 = 1979-05-27\nlt1 = 07:32:00\nlt2 = 00:32:00.999\nleap = 2024-02-29\nin_array = [1979-05-27, 07:32:00, 1979-05-27 07:32:00]\n',
  },
  {
    name: 'arrays',
    text: 'integers = [ 1, 2, 3 ]\ncolors = [ "red", "yellow", "green" ]\nnested_arrays_of_ints = [ [ 1, 2 ], [3, 4, 5] ]\nnested_mixed_array = [ [ 1, 2 ], ["a", "b", "c"] ]\nstring_array = [ "all", \'strings\', """are the same""", \'\'\'type\'\'\' ]\nnumbers = [ 0.1, 0.2, 0.5, 1, 2, 5 ]\ncontributors = [\n  "Foo Bar <foo@example.com>",\n  { name = "Baz Qux", email = "bazqux@example.com", url = "https://example.com/bazqux" }\n]\nempty = []\nempty2 = [ ]\n',
  },
  {
    name: 'multi-line arrays with comments and trailing commas',
    text: 'args = [\n  "-y", # first\n  # a whole comment line\n  "pkg@1.2.3",\n\n  "--flag",   # trailing\n]\nmore = [ 1,\n2,\n]\nempty = [\n  # nothing\n]\n',
  },
  {
    name: 'inline tables',
    text: 'name = { first = "Tom", last = "Preston-Werner" }\npoint = { x = 1, y = 2 }\nanimal = { type.name = "pug" }\nempty = {}\nnested = { a = { b = { c = [1, { d = 2 }] } } }\nmixed = { "quoted key" = 1, \'lit\' = 2, bare-key_1 = 3 }\n',
  },
  { name: 'inline tables over several lines (TOML 1.1)', text: 'env = {\n  A = "1", # comment\n  B = "2",\n}\n' },
  {
    name: 'dotted keys',
    text: 'name = "Orange"\nphysical.color = "orange"\nphysical.shape = "round"\nsite."google.com" = true\nfruit . flavor = "banana"\n3.14159 = "pi"\n',
  },
  {
    name: 'quoted and odd keys',
    text: '"127.0.0.1" = "value"\n"character encoding" = "value"\n"ʎǝʞ" = "value"\n\'key2\' = "value"\n\'quoted "value"\' = "value"\n"" = "blank"\n1234 = "numeric"\ntrue = "bool-looking"\n-x_ = "dash"\n',
  },
  {
    name: 'arrays of tables',
    text: '[[products]]\nname = "Hammer"\nsku = 738594937\n\n[[products]]  # empty table within the array\n\n[[products]]\nname = "Nail"\nsku = 284758393\n\ncolor = "gray"\n',
  },
  {
    name: 'nested arrays of tables',
    text: '[[fruits]]\nname = "apple"\n\n[fruits.physical]  # subtable\ncolor = "red"\nshape = "round"\n\n[[fruits.varieties]]  # nested array of tables\nname = "red delicious"\n\n[[fruits.varieties]]\nname = "granny smith"\n\n\n[[fruits]]\nname = "banana"\n\n[[fruits.varieties]]\nname = "plantain"\n',
  },
  {
    name: 'super table defined after its sub-tables',
    text: "# [x] you\n# [x.y] don't\n# [x.y.z] need these\n[x.y.z.w] # for this to work\na = 1\n\n[x] # defining a super-table afterward is ok\nb = 2\n",
  },
  {
    name: 'sub-table of a table made by dotted keys',
    text: '[fruit]\napple.color = "red"\napple.taste.sweet = true\n\n[fruit.apple.texture]  # you can add sub-tables\nsmooth = true\n',
  },
  {
    name: 'comments and whitespace everywhere',
    text: '# top comment\n\t\n   # indented comment\nkey = "value"   # trailing\n\t[ table ]\t# header comment\n\tindented = 1\n# "a = 1" inside a comment [not.a.table]\nhash = "# not a comment"\nbrackets = "[[not]] {a table}"\nequals = "a = b"\n',
  },
  { name: 'empty document', text: '' },
  { name: 'only comments', text: '# just a comment\n\n# another\n' },
  { name: 'no final newline', text: '[mcp_servers.x]\ncommand = "y"' },
  {
    name: 'CRLF line endings',
    text: '[mcp_servers.win]\r\ncommand = "C:\\\\Tools\\\\server.exe"\r\nargs = [\r\n  "--port", # c\r\n  "8080",\r\n]\r\nnote = """\r\nline one\r\nline two"""\r\n',
  },
  {
    name: 'non-ASCII and emoji',
    text: '"ключ" = "значение"\nemoji = "🎉 party 🚀"\n[mcp_servers."サーバー"]\ncommand = "🐍"\nargs = ["é", "\\u00e9", "𝄞"]\n"环境" = { "变量" = "值" }\n',
  },
  {
    name: 'TOML spec example',
    text: '# This is a TOML document\n\ntitle = "TOML Example"\n\n[owner]\nname = "Tom Preston-Werner"\ndob = 1979-05-27T07:32:00-08:00\n\n[database]\nenabled = true\nports = [ 8000, 8001, 8002 ]\ndata = [ ["delta", "phi"], [3.14] ]\ntemp_targets = { cpu = 79.5, case = 72.0 }\n\n[servers]\n\n[servers.alpha]\nip = "10.0.0.1"\nrole = "frontend"\n\n[servers.beta]\nip = "10.0.0.2"\nrole = "backend"\n',
  },
  { name: 'arrays of inline tables', text: 'points = [ { x = 1, y = 2, z = 3 },\n           { x = 7, y = 8, z = 9 },\n           { x = 2, y = 4, z = 8 } ]\n' },
  { name: 'deep inline nesting (50)', text: `a = ${'['.repeat(50)}1${']'.repeat(50)}\nb = ${'{ x = '.repeat(30)}1${' }'.repeat(30)}\n` },
  {
    name: 'dotted keys inside array-of-tables elements',
    text: '[[mcp.list]]\nname = "a"\nopts.retry = 3\nopts.backoff.max = 10\n[[mcp.list]]\nname = "b"\n[mcp.list.extra]\nk = "v"\n',
  },
];

/** Dates become `{ date: iso }` on both sides so that text forms like `1979-05-27 07:32:00Z` and `…T…` compare equal. */
function normalizeExpected(value: unknown): unknown {
  if (value instanceof TomlDate) return { date: value.toISOString() };
  if (Array.isArray(value)) return value.map(normalizeExpected);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeExpected(v)]));
  return value;
}

function toPlain(node: DocNode, text: string): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) out[prop.children![0]!.value as string] = toPlain(prop.children![1]!, text);
      return out;
    }
    case 'array':
      return (node.children ?? []).map((item) => toPlain(item, text));
    case 'string': {
      const source = text.slice(node.offset, node.offset + node.length);
      if (source.startsWith('"') || source.startsWith("'")) return node.value;
      assert.equal(node.value, source, 'a date keeps its exact text');
      return { date: new TomlDate(node.value as string).toISOString() };
    }
    default:
      return node.value;
  }
}

function slice(text: string, node: DocNode): string {
  return text.slice(node.offset, node.offset + node.length);
}

/** Every node's range holds exactly its own source, and every parent link is right. */
function checkRanges(node: DocNode, text: string, isRoot = false): void {
  for (const child of node.children ?? []) assert.equal(child.parent, node, 'parent link');
  const source = slice(text, node);
  if (isRoot) {
    assert.deepEqual([node.offset, node.length], [0, text.length]);
  } else if (node.type === 'property') {
    const [key, value] = node.children!;
    assert.ok(key && value);
    assert.equal(key.type, 'string');
    assert.equal(Object.keys(parse(`${slice(text, key)} = 1`))[0], key.value, `key range of ${key.value}`);
    assert.equal(node.offset, Math.min(key.offset, value.offset), 'property starts at its key or header');
    assert.equal(node.offset + node.length, Math.max(key.offset + key.length, value.offset + value.length), 'property ends with its value');
  } else if (source.startsWith('{') || (node.type === 'array' && !isTableArray(node, text))) {
    assert.deepEqual(normalizeExpected(parse(`x = ${source}`).x), toPlain(node, text), `inline value ${source}`);
  } else if (node.type === 'object' || node.type === 'array') {
    checkTableRange(node, source);
  } else {
    assert.deepEqual(normalizeExpected(parse(`x = ${source}`).x), toPlain(node, text), `scalar ${source}`);
  }
  const nested = node.type === 'property' ? node.children!.slice(1) : (node.children ?? []);
  for (const child of nested) checkRanges(child, text);
}

function isTableArray(node: DocNode, text: string): boolean {
  const first = node.children?.[0];
  return first?.type === 'object' && slice(text, first).startsWith('[[');
}

/** A table written with headers or dotted keys starts at its header (or first key) and ends with its last value. */
function checkTableRange(node: DocNode, source: string): void {
  const lastEnd = Math.max(...(node.children ?? []).map((c) => c.offset + c.length), -1);
  if (source.startsWith('[')) {
    assert.match(source, /^\[\[?[^\]\n]+\]\]?/, 'a header table starts with a header');
    if (lastEnd === -1) assert.ok(source.endsWith(']') && !source.includes('\n'), 'an empty table is just its header');
    else assert.equal(node.offset + node.length, lastEnd, 'a table ends with its last value');
  } else {
    assert.ok(node.children?.length, 'a dotted table has children');
    assert.equal(node.offset, Math.min(...node.children!.map((c) => c.offset)), 'a dotted table starts at its first key');
    assert.equal(node.offset + node.length, lastEnd, 'a dotted table ends with its last value');
  }
}

describe('TOML reader agrees with smol-toml', () => {
  assert.ok(CORPUS.length >= 25);
  for (const { name, text } of CORPUS) {
    it(name, () => {
      const out = parseToml(text);
      assert.deepEqual(out.problems, []);
      assert.ok(out.root);
      assert.deepEqual(toPlain(out.root, text), normalizeExpected(parse(text)));
      checkRanges(out.root, text, true);
    });
  }
});

/** Small seeded generator (mulberry32), so the random documents are the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['a', 'mcp_servers', 'env', 'args', 'x.y', 'with space', 'ключ', '🎉', '', 'quote"d', "it's", 'back\\slash', '123', 'true'];
const STRINGS = ['', 'npx', 'line\nbreak', 'tab\there', 'é ☃ 𝄞', '"quoted"', "'single'", 'C:\\path\\x', '# not a comment', '[x]', '\u0001', 'a = b'];

function randomValue(next: () => number, depth: number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const kind = Math.floor(next() * (depth > 3 ? 4 : 7));
  if (kind === 0) return pick(STRINGS);
  if (kind === 1) return Math.floor(next() * 2_000_001) - 1_000_000;
  if (kind === 2) return pick([0.5, -1.25e-7, 3e20, Infinity, -Infinity, NaN, 1.5]);
  if (kind === 3) return next() < 0.5;
  if (kind === 4 || kind === 5) {
    const out: Record<string, unknown> = {};
    for (let i = Math.floor(next() * 4); i > 0; i--) out[pick(KEYS)] = randomValue(next, depth + 1);
    return out;
  }
  const sameTables = next() < 0.4;
  return Array.from({ length: Math.floor(next() * 4) }, () => (sameTables ? { k: randomValue(next, depth + 2) } : randomValue(next, depth + 1)));
}

describe('TOML reader agrees with smol-toml on generated documents', () => {
  it('200 documents written by smol-toml stringify', () => {
    const next = random(20250101);
    for (let n = 0; n < 200; n++) {
      const data: Record<string, unknown> = {};
      for (let i = 1 + Math.floor(next() * 5); i > 0; i--) data[KEYS[Math.floor(next() * KEYS.length)]!] = randomValue(next, 0);
      const text = stringify(data);
      const out = parseToml(text);
      assert.deepEqual(out.problems, [], text);
      assert.deepEqual(toPlain(out.root!, text), normalizeExpected(parse(text)), text);
      checkRanges(out.root!, text, true);
    }
  });
});
