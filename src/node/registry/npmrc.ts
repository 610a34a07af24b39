/** The registry settings of an `.npmrc` (or the extension's settings in the same shape). */
export interface NpmRegistryConfig {
  /** Default registry, e.g. `https://registry.npmjs.org/`. */
  registry?: string;
  /** Per-scope registries: `{ "@corp": "https://npm.corp.example/" }`. */
  scopes?: Record<string, string>;
  /** Tokens by registry URL without scheme, as `.npmrc` writes them: `{ "//npm.corp.example/": "…" }`. */
  tokens?: Record<string, string>;
}

export const NPM_DEFAULT_REGISTRY = 'https://registry.npmjs.org/';

/**
 * Reads `registry=`, `@scope:registry=` and `//host/path/:_authToken=` lines of an `.npmrc` text.
 * `${VAR}` is expanded from `env` as npm does; other settings are ignored.
 */
export function parseNpmrc(text: string, env: Record<string, string | undefined> = {}): NpmRegistryConfig {
  const config: NpmRegistryConfig = { scopes: {}, tokens: {} };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const eq = line.indexOf('=');
    if (eq === -1) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim().replace(/^["']|["']$/g, '').replace(/\$\{([^}]+)\}/g, (_, name: string) => env[name] ?? '');
    if (key === 'registry') config.registry = value;
    else if (/^@[^:]+:registry$/.test(key)) config.scopes![key.slice(0, key.indexOf(':'))] = value;
    else if (/^\/\/.+:_authToken$/.test(key)) config.tokens![key.slice(0, key.lastIndexOf(':'))] = value;
  }
  return config;
}

/** Layers configs (user `.npmrc`, then project `.npmrc`, then settings): later ones win. */
export function mergeNpmConfigs(...configs: (NpmRegistryConfig | undefined)[]): NpmRegistryConfig {
  const out: NpmRegistryConfig = { scopes: {}, tokens: {} };
  for (const c of configs) {
    if (!c) continue;
    if (c.registry) out.registry = c.registry;
    Object.assign(out.scopes!, c.scopes);
    Object.assign(out.tokens!, c.tokens);
  }
  return out;
}

/** The registry that serves a package: the command line's `--registry`, its scope's, the default. */
export function registryFor(name: string, config: NpmRegistryConfig, override?: string): string {
  if (override) return override;
  const scope = name.startsWith('@') ? name.slice(0, name.indexOf('/')) : undefined;
  return (scope && config.scopes?.[scope]) || config.registry || NPM_DEFAULT_REGISTRY;
}

/** The token whose `//host/path/` is the longest prefix of the URL. */
export function tokenFor(url: string, config: NpmRegistryConfig): string | undefined {
  const bare = url.replace(/^https?:/, '');
  let best: { key: string; token: string } | undefined;
  for (const [key, token] of Object.entries(config.tokens ?? {})) {
    const prefix = key.endsWith('/') ? key : key + '/';
    if ((bare.startsWith(prefix) || bare + '/' === prefix) && (!best || prefix.length > best.key.length)) best = { key: prefix, token };
  }
  return best?.token;
}
