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

/**
 * The registries a pin asks, for the CLI and the editor alike: the `.npmrc` texts in order (the
 * user's, then the project's where it may be trusted), then the user's explicit choices.
 */
export function registrySettingsFrom(npmrcTexts: readonly (string | undefined)[], choices: RegistryChoices, env: Record<string, string | undefined>): RegistrySettings {
  const fromChoices = { ...(choices.npmRegistry ? { registry: choices.npmRegistry } : {}), ...(choices.npmScopes ? { scopes: choices.npmScopes } : {}) };
  const settings: RegistrySettings = {
    npm: mergeNpmConfigs(...npmrcTexts.map((t) => (t === undefined ? undefined : parseNpmrc(t, env))), fromChoices),
    oci: { mirrors: choices.ociMirrors ?? {} },
  };
  if (choices.pypiUrl) settings.pypiUrl = choices.pypiUrl;
  if (choices.jsrUrl) settings.jsrUrl = choices.jsrUrl;
  if (choices.goProxy) settings.goProxyUrl = choices.goProxy;
  if (choices.timeoutMs !== undefined) settings.timeoutMs = choices.timeoutMs;
  return settings;
}
