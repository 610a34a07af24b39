/** `${secret:NAME}` in a Warden-served server definition: a value kept in the editor's SecretStorage. */
const SECRET_REFERENCE = /\$\{secret:([A-Za-z0-9_.\-/]{1,200})\}/g;

export function secretReference(name: string): string {
  return '${secret:' + name + '}';
}

export function secretNamesIn(value: string): string[] {
  return [...value.matchAll(SECRET_REFERENCE)].map((m) => m[1]!);
}

/** Replaces every reference; names the lookup does not know are returned as missing. */
export function substituteSecrets(value: string, lookup: (name: string) => string | undefined): { value: string; missing: string[] } {
  const missing: string[] = [];
  const out = value.replace(SECRET_REFERENCE, (whole, name: string) => {
    const secret = lookup(name);
    if (secret === undefined) {
      missing.push(name);
      return whole;
    }
    return secret;
  });
  return { value: out, missing };
}

/** A stable, readable secret name: `<server>.<key>`, e.g. `github.GITHUB_TOKEN`. */
export function secretNameFor(server: string, key: string): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'value';
  return `${clean(server)}.${clean(key)}`;
}

/** The names tried, in order, for a new secret (`base`, `base-2`, `base-3`, …). */
export function secretNameCandidates(base: string, limit = 100): string[] {
  return [base, ...Array.from({ length: limit - 1 }, (_, i) => `${base}-${i + 2}`)];
}

/**
 * The name to store `value` under: the readable one unless it already holds another value (the same server
 * name in another client's config or another workspace), then the first free or equal numbered one. A stored
 * secret is never overwritten by a different value. `taken` are names already given in the same move.
 */
export async function freeSecretName(
  base: string,
  value: string,
  stored: (name: string) => Promise<string | undefined> | string | undefined,
  taken: ReadonlySet<string> = new Set(),
): Promise<string> {
  for (const name of secretNameCandidates(base)) {
    if (taken.has(name)) continue;
    const current = await stored(name);
    if (current === undefined || current === value) return name;
  }
  throw new Error(`every name from ${base} to ${base}-100 already holds another secret`);
}
