// What scripts/catalog/harvest-listings.mjs keeps of a recorded tool, shared with the unit test that
// checks the shrunken listings still classify exactly like the full ones.

const MAX_DESCRIPTION = 160;

/** The identity key a config's launch gives this server: npm package, or the PyPI name of an awslabs server. */
export function matchOf(source) {
  if (source.kind === 'npm-listing' && source.package) {
    const at = source.package.indexOf('@', 1);
    return `npm:${(at > 0 ? source.package.slice(0, at) : source.package).toLowerCase()}`;
  }
  const aws = source.repo === 'awslabs/mcp' && /^src\/([a-z0-9-]+-mcp-server)\//.exec(source.path ?? '');
  if (aws) return `pypi:awslabs.${aws[1]}`;
  return undefined;
}

/** A corpus file's benign tools as classification sees them: name, first sentence of the description, parameter names, boolean hints. */
export function fullTools(corpus) {
  return corpus.records
    .filter((r) => r.label === 'benign' && r.kind === 'tool')
    .map((r) => {
      const t = { name: r.item.name };
      if (r.item.description)
        t.description = String(r.item.description)
          .split(/(?<=[.!?])\s/)[0]
          .slice(0, MAX_DESCRIPTION);
      const params = Object.keys(r.item.inputSchema?.properties ?? {});
      if (params.length) t.params = params;
      const a = r.item.annotations;
      if (a) for (const k of ['readOnlyHint', 'destructiveHint', 'openWorldHint']) if (typeof a[k] === 'boolean') (t.annotations ??= {})[k] = a[k];
      return t;
    });
}

/** The tool definition classification reads (the same shape `recordedTool` builds at run time). */
export function definitionOf(tool) {
  const out = { name: tool.name };
  if (tool.description) out.description = tool.description;
  if (tool.params) out.inputSchema = { type: 'object', properties: Object.fromEntries(tool.params.map((p) => [p, {}])) };
  if (tool.annotations) out.annotations = tool.annotations;
  return out;
}

/**
 * The smallest part of a tool that classifies exactly like the whole (same labels, confidences and
 * evidence text): annotations, parameters and description words are dropped one at a time, each
 * only if the classification stays identical. `classify` is the engine's `classifyTool`.
 * A description that is kept becomes the words classification needs, in their order.
 */
export function reduceTool(full, classify) {
  const want = JSON.stringify(classify(definitionOf(full)));
  const same = (t) => JSON.stringify(classify(definitionOf(t))) === want;
  let t = { ...full };
  const without = (key) => {
    const c = { ...t };
    delete c[key];
    return c;
  };
  if (t.annotations && same(without('annotations'))) t = without('annotations');
  if (t.params) {
    let params = t.params;
    for (const p of t.params) {
      const fewer = params.filter((q) => q !== p);
      if (same({ ...t, params: fewer })) params = fewer;
    }
    t = params.length > 0 ? { ...t, params } : without('params');
  }
  if (t.description) {
    if (same(without('description'))) t = without('description');
    else {
      let words = t.description.split(/\s+/).filter(Boolean);
      for (let i = 0; i < words.length;) {
        const fewer = [...words.slice(0, i), ...words.slice(i + 1)];
        if (fewer.length > 0 && same({ ...t, description: fewer.join(' ') })) words = fewer;
        else i++;
      }
      t = { ...t, description: words.join(' ') };
    }
  }
  if (!same(t)) throw new Error(`reduction changed the classification of ${full.name}`);
  return t;
}
