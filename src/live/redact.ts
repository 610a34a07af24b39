import { maskSecretsInText } from '../core/text/mask';

const MIN_SECRET_LENGTH = 6;
const AUTH_VALUE = /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,4096}/gi;
const SECRET_ASSIGNMENT = /\b([A-Za-z_-]{0,40}(?:token|key|secret|password|passwd|pwd)[A-Za-z_-]{0,40})=([^\s&"']{4,4096})/gi;
const AUTH_FIELD = /("(?:authorization|x-api-key|api-key|apikey|token|access_token|password|secret)"\s{0,8}:\s{0,8}")[^"]{1,4096}"/gi;

/** Masks known secret values, every secret the detectors know (`maskSecretsInText`), Authorization-like values and `…token=value` assignments in log text. */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const values = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const value of values) if (out.includes(value)) out = out.split(value).join(mask(value));
    return maskSecretsInText(
      out
        .replace(AUTH_VALUE, (_m, scheme: string) => `${scheme} ****`)
        .replace(AUTH_FIELD, '$1****"')
        .replace(SECRET_ASSIGNMENT, '$1=****'),
    );
  };
}

/** The first 4 characters and an ellipsis, never the whole value. */
export function mask(value: string): string {
  return value.length <= 8 ? '****' : `${value.slice(0, 4)}…`;
}
