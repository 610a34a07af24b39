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
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_\-]+/g, '_').replace(/^_+|_+$/g, '') || 'value';
  return `${clean(server)}.${clean(key)}`;
}
