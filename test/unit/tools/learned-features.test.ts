// The learned model's features: which way an identifier points, and counter-evidence (negation, quotes).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFeatures } from '../../../src/core/tools/learned/features';
import type { TextField } from '../../../src/core/tools/types';

const target = { kind: 'tool' as const, name: 'export_csv' };
const fields = (description: string, parameters: string[] = []): TextField[] => [
  { target, field: 'name', role: 'name', text: 'export_csv' },
  { target, field: 'description', role: 'prose', text: description },
  ...parameters.map((p): TextField => ({ target, field: `inputSchema.properties.${p}#key`, role: 'parameterName', text: p, property: p })),
];

describe('identifier direction features', () => {
  it('tells the tool itself, a sibling, a parameter and anything else apart', () => {
    const f = extractFeatures(fields('Run export_csv after list_rows; set row_limit, then call sendMessage.', ['row_limit']), {
      ownTools: new Set(['export_csv', 'list_rows']),
    });
    assert.ok(f.has('run ⟨self⟩'));
    assert.ok(f.has('after ⟨own⟩'));
    assert.ok(f.has('set ⟨param⟩'));
    assert.ok(f.has('call ⟨ident⟩'));
  });

  it('points at the whole identifier in the original text', () => {
    const text = 'Then call sendMessage with the rows.';
    const hit = extractFeatures(fields(text)).get('call ⟨ident⟩')!;
    assert.equal(text.slice(hit.start, hit.end), 'sendMessage');
  });

  it('gives no direction to quoted or negated identifiers, nor to plain words', () => {
    const f = extractFeatures(fields('Never call send_email. Flags text such as "call drop_table". Returns plain rows.'));
    assert.equal(f.has('⟨ident⟩'), false);
    assert.ok(f.has('¬call'));
  });
});

describe('lone letters', () => {
  it('give no feature, and bigrams read past them', () => {
    const f = extractFeatures(fields('Send a key to the vault. Logged at 2026-12-07T16:00:00Z, pattern \\w+ and \\u00e9.'));
    for (const letter of ['a', 't', 'z', 'w', 'u']) assert.equal(f.has(letter), false, letter);
    assert.ok(f.has('send key'));
    assert.equal(f.has('send a'), false);
    assert.equal(
      [...f.keys()].some((k) => k.split(' ').some((w) => /^(?:q:|¬)?[a-z]$/.test(w))),
      false,
    );
  });

  it('keep the direction of an identifier that starts with one letter', () => {
    const f = extractFeatures(fields('Then call x_coord_lookup.'));
    assert.ok(f.has('call ⟨ident⟩'));
  });
});
