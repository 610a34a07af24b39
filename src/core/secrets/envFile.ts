import { parseEnvAssignments } from '../config/envText';
import type { TextRange } from '../model/docNode';
import { LineIndex } from '../text/lineIndex';
import { findSecretsInValue } from './detect';
import { maskSecret } from './mask';
import type { SecretHit } from './types';

/** A plaintext secret in a `.env` file's text. */
export interface EnvFileSecret {
  key: string;
  /** Offsets of the secret's characters in the text given. */
  range: TextRange;
  /** 1-based line of the secret's start. */
  line: number;
  secret: string;
  hit: SecretHit;
  message: string;
}

/**
 * The secrets in the text of an env file (read as `parseEnvAssignments` reads it, the reader the
 * launcher uses too). The core reads no files: an adapter that has read a server's `envFile` (only
 * when the file is inside the workspace) calls this with its text and reports the results on that file.
 */
export function scanEnvFileText(text: string): EnvFileSecret[] {
  const out: EnvFileSecret[] = [];
  const lines = new LineIndex(text);
  for (const { key, value, starts } of parseEnvAssignments(text)) {
    for (const hit of findSecretsInValue(value, key)) {
      const range = { start: starts[hit.start]!, end: starts[hit.end]! };
      const secret = value.slice(hit.start, hit.end);
      const label =
        hit.kind === 'provider' || hit.kind === 'url-password' || hit.kind === 'authorization' ? `Plaintext ${hit.label}` : 'Possible plaintext secret';
      const message = `${label} in "${key}" of this env file (${maskSecret(secret, hit.publicPrefix)}): anyone who can read this file can use it. Keep env files out of version control, or move the value to SecretStorage.`;
      out.push({ key, range, line: lines.position(range.start).line, secret, hit, message });
    }
  }
  return out;
}
