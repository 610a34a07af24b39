import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import type { DocNode } from '../../../src/core/model/docNode';
import { rawRangeOf } from '../../../src/core/secrets/rawOffsets';
import { decodeJsonString, decodeTomlString, decodeYamlQuoted } from '../../../src/core/secrets/stringDecoders';

/** Decodes a literal and checks every decoded unit maps back to a raw offset that produces it. */
function roundTrip(decode: (raw: string) => { decoded: string; starts: number[] } | undefined, raw: string, expected: string): number[] {
  const map = decode(raw);
  assert.ok(map, `could not decode ${raw}`);
  assert.equal(map.decoded, expected);
  assert.equal(map.starts.length, expected.length + 1);
  for (let i = 1; i < map.starts.length; i++) assert.ok(map.starts[i]! >= map.starts[i - 1]!, 'offsets never go backwards');
  return map.starts;
}

test('JSON escapes map decoded indices to raw offsets', () => {
  const starts = roundTrip(decodeJsonString, '"a\\u0041\\/b\\n\\"c"', 'aA/b\n"c');
  assert.deepEqual(starts, [1, 2, 8, 10, 11, 13, 15, 16]);
  roundTrip(decodeJsonString, '"\\ud83d\\ude00x"', '\ud83d\ude00x');
  assert.equal(decodeJsonString('"bad \\q"'), undefined);
});

test('TOML basic, literal and multi-line strings', () => {
  roundTrip(decodeTomlString, '"a\\tb\\u0041\\U0001F600"', 'a\tbA\u{1F600}');
  roundTrip(decodeTomlString, "'C:\\path\\n'", 'C:\\path\\n');
  roundTrip(decodeTomlString, '"""\nline one \\\n    two"""', 'line one two');
  roundTrip(decodeTomlString, "'''\nraw \\n'''", 'raw \\n');
});

test('YAML double- and single-quoted scalars, with escapes and line folding', () => {
  roundTrip(decodeYamlQuoted, '"a\\x41\\u0042\\/"', 'aAB/');
  roundTrip(decodeYamlQuoted, "'it''s'", "it's");
  roundTrip(decodeYamlQuoted, '"one\n   two"', 'one two');
  roundTrip(decodeYamlQuoted, '"one\n\n   two"', 'one\ntwo');
  roundTrip(decodeYamlQuoted, '"joined\\\n   here"', 'joinedhere');
});

function firstEnvValue(path: string, text: string): { text: string; node: DocNode; format: 'json' | 'jsonc' | 'yaml' | 'toml' } {
  const file = loadConfigText(text, { path });
  const env = file.servers[0]!.env[0]!;
  return { text, node: env.node, format: file.format };
}

test('rawRangeOf: the secret inside an escaped JSON string', () => {
  const { text, node, format } = firstEnvValue('/p/.cursor/mcp.json', '{"mcpServers":{"a":{"command":"x","env":{"K":"Bearer \\u0041BC\\/def"}}}}');
  const value = String(node.value);
  assert.equal(value, 'Bearer ABC/def');
  const r = rawRangeOf(text, format, node, 7, value.length);
  assert.equal(text.slice(r.start, r.end), '\\u0041BC\\/def');
});

test('rawRangeOf: YAML plain, quoted and folded values', () => {
  const yaml = 'mcpServers:\n  - name: a\n    command: x\n    env:\n      K: "x\\ty SECRET"\n';
  const { text, node, format } = firstEnvValue('/home/u/.continue/config.yaml', yaml);
  const r = rawRangeOf(text, format, node, 4, 10);
  assert.equal(text.slice(r.start, r.end), 'SECRET');
  const block = 'mcpServers:\n  - name: a\n    command: x\n    env:\n      K: |\n        first\n        SECRET\n';
  const b = firstEnvValue('/home/u/.continue/config.yaml', block);
  const value = String(b.node.value);
  const rb = rawRangeOf(b.text, b.format, b.node, value.indexOf('SECRET'), value.indexOf('SECRET') + 6);
  assert.equal(b.text.slice(rb.start, rb.end), 'SECRET');
});

test('rawRangeOf: TOML values', () => {
  const toml = '[mcp_servers.a]\ncommand = "x"\nenv = { K = "pre\\tSECRET" }\n';
  const { text, node, format } = firstEnvValue('/home/u/.codex/config.toml', toml);
  const r = rawRangeOf(text, format, node, 4, 10);
  assert.equal(text.slice(r.start, r.end), 'SECRET');
});
