/** Where in a server entry a value sits. */
export type LocationKind = 'env' | 'header' | 'arg' | 'url' | 'other';

export type SecretSeverity = 'error' | 'warning';

/** A sample that only counts under a given name (for patterns gated by `keyName`). */
export interface KeyedSample {
  key: string;
  value: string;
}

export type Sample = string | KeyedSample;

/**
 * One provider's token format, as data. `regex` describes the token itself (no `g` flag); unless
 * `bounded` is false it is wrapped so that it cannot start or end inside a longer alphanumeric run.
 */
export interface SecretPattern {
  /** Kebab-case, unique. */
  id: string;
  /** The service, e.g. "GitHub". */
  provider: string;
  /** What the token is, as a message names it, e.g. "GitHub personal access token". */
  description: string;
  regex: RegExp;
  /** Lowercase substrings of which every match contains one: a cheap prefilter. Empty: always run. */
  keywords: readonly string[];
  /**
   * The shape alone is too common (e.g. 32 hex digits): only a whole value under a name matching
   * this counts.
   */
  keyName?: RegExp;
  /** The capture group that holds the secret when the regex also matches context around it. */
  secretGroup?: number;
  /** False when the regex carries its own boundaries. */
  bounded?: false;
  /** An extra check on a match the regex cannot express; false means "not a secret". */
  validate?: (secret: string) => boolean;
  samples: { match: readonly Sample[]; noMatch: readonly Sample[] };
}

/** What kind of evidence found a secret. */
export type HitKind = 'provider' | 'url-password' | 'connection-password' | 'url-userinfo' | 'url-query' | 'authorization' | 'generic';

/** A secret inside one decoded string value. */
export interface SecretHit {
  /** UTF-16 indices into the decoded value. */
  start: number;
  end: number;
  kind: HitKind;
  /** A provider pattern's id, or the kind for structural and generic hits. */
  patternId: string;
  provider?: string;
  /** What it is, for messages: "GitHub personal access token", "PostgreSQL password". */
  label: string;
  severity: SecretSeverity;
  /** Where inside the value, when the value holds more than the secret: `URL query parameter "key"`. */
  detail?: string;
  /** The query parameter's name, for `url-query` hits. */
  param?: string;
  /** The literal prefix of the token's format (e.g. `ghp_`), safe to show. */
  publicPrefix?: string;
}
