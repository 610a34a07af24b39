/** The registry settings of an `.npmrc` (or the extension's settings in the same shape). */
export interface NpmRegistryConfig {
  /** Default registry, e.g. `https://registry.npmjs.org/`. */
  registry?: string;
  /** Per-scope registries: `{ "@corp": "https://npm.corp.example/" }`. */
  scopes?: Record<string, string>;
  /** Tokens by registry URL without scheme, as `.npmrc` writes them: `{ "//npm.corp.example/": "…" }`. */
  tokens?: Record<string, string>;
  /** An untrusted `.npmrc` named credentials that were not used. */
  ignoredCredentials?: boolean;
}

export const NPM_DEFAULT_REGISTRY = 'https://registry.npmjs.org/';

export interface NpmrcReadOptions {
  /**
   * `false` for a repository's own `.npmrc` the user has not opted into: its registry URLs are used
   * as written (never with `${VAR}` expanded) and its credentials are ignored, so a cloned project
   * cannot make MCP Warden send CI secrets to a host it names. Default `true` (the user's `~/.npmrc`).
   */
  trusted?: boolean;
}

/**
 * Reads `registry=`, `@scope:registry=` and `//host/path/:_authToken=` lines of an `.npmrc` text.
 * `${VAR}` is expanded from `env` as npm does, in tokens only: a registry URL holding `${…}` is
 * ignored (an environment value would travel in the URL). Other settings are ignored.
 */
export function parseNpmrc(text: string, env: Record<string, string | undefined> = {}, options: NpmrcReadOptions = {}): NpmRegistryConfig {
  const trusted = options.trusted ?? true;
  const config: NpmRegistryConfig = { scopes: {}, tokens: {} };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const eq = line.indexOf('=');
    if (eq === -1) continue;
    const key = line.slice(0, eq).trim();
    const written = line
      .slice(eq + 1)
      .trim()
      .replace(/^["']|["']$/g, '');
    const isToken = /^\/\/.+:_authToken$/.test(key);
    if (isToken) {
      if (!trusted) {
        config.ignoredCredentials = true;
        continue;
      }
      config.tokens![key.slice(0, key.lastIndexOf(':'))] = written.replace(/\$\{([^}]+)\}/g, (_, name: string) => env[name] ?? '');
      continue;
    }
    if (written.includes('${')) continue;
    if (key === 'registry') config.registry = written;
    else if (/^@[^:]+:registry$/.test(key)) config.scopes![key.slice(0, key.indexOf(':'))] = written;
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
