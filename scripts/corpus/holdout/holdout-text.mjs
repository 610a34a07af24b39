// The text of a corpus record as the holdout compares it with tool-corpus-real: the description and every string in
// the input schema (or a prompt's arguments), lower-cased, whitespace collapsed. The unit test
// test/unit/tools/holdout-corpus.test.ts applies the same rule.
export function holdoutText(item) {
  const out = [];
  if (typeof item.description === 'string') out.push(item.description);
  const walk = (v) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'type' && k !== '$schema' && k !== 'format') walk(x);
  };
  walk(item.inputSchema);
  walk(item.arguments);
  return out.join(' ').toLowerCase().replace(/\s+/g, ' ').trim();
}
