import { mergeNpmConfigs, parseNpmrc } from './registry/npmrc';
import type { RegistrySettings } from './registry/resolve';

/** Registries a user names (CLI flags or `mcpWarden.registries.*` settings); they win over `.npmrc`. */
export interface RegistryChoices {
  npmRegistry?: string;
  npmScopes?: Record<string, string>;
  pypiUrl?: string;
  /** Registry host → base URL. */
  ociMirrors?: Record<string, string>;
  jsrUrl?: string;
  goProxy?: string;
  timeoutMs?: number;
}

/** One `.npmrc`'s text, and whether its credentials and `${ENV}` references may be used (a project's is untrusted). */
export interface NpmrcText {
  text: string;
  trusted: boolean;
}

/**
 * The registries a pin asks, for the CLI and the editor alike: the `.npmrc` texts in order (the
 * user's, then the project's), then the user's explicit choices. `onIgnoredCredentials` hears of each
 * untrusted `.npmrc` whose credentials were left out.
 */
export function registrySettingsFrom(
  npmrcs: readonly (NpmrcText | undefined)[],
  choices: RegistryChoices,
  env: Record<string, string | undefined>,
  onIgnoredCredentials?: (index: number) => void,
): RegistrySettings {
  const fromChoices = { ...(choices.npmRegistry ? { registry: choices.npmRegistry } : {}), ...(choices.npmScopes ? { scopes: choices.npmScopes } : {}) };
  const parsed = npmrcs.map((n, i) => {
    if (n === undefined) return undefined;
    const config = parseNpmrc(n.text, env, { trusted: n.trusted });
    if (config.ignoredCredentials) onIgnoredCredentials?.(i);
    return config;
  });
  const settings: RegistrySettings = {
    npm: mergeNpmConfigs(...parsed, fromChoices),
    oci: { mirrors: choices.ociMirrors ?? {} },
  };
  if (choices.pypiUrl) settings.pypiUrl = choices.pypiUrl;
  if (choices.jsrUrl) settings.jsrUrl = choices.jsrUrl;
  if (choices.goProxy) settings.goProxyUrl = choices.goProxy;
  if (choices.timeoutMs !== undefined) settings.timeoutMs = choices.timeoutMs;
  return settings;
}
