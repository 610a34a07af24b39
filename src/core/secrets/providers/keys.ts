import { decodeBase64 } from '../base64';
import { base32, base64, base64url } from '../sampleText';
import type { SecretPattern } from '../types';

const PEM_BODY = base64(64) + '\n' + base64(64) + '\n' + base64(40);

/** A JWT's payload claims, when it decodes to JSON. */
function jwtClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  const json = payload === undefined ? undefined : decodeBase64(payload);
  if (json === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(json);
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function fakeJwt(claims: Record<string, unknown>): string {
  const encode = (o: unknown) => toBase64Url(JSON.stringify(o));
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.${base64url(43)}`;
}

function toBase64Url(text: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const n = (text.charCodeAt(i) << 16) | ((text.charCodeAt(i + 1) || 0) << 8) | (text.charCodeAt(i + 2) || 0);
    const chars = Math.min(4, Math.ceil((Math.min(3, text.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) out += alphabet[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

/** Private keys and self-describing tokens, whoever issued them. */
export const KEY_PATTERNS: readonly SecretPattern[] = [
  {
    id: 'private-key',
    provider: 'PEM',
    description: 'private key',
    regex: /-----BEGIN[ A-Z0-9_-]{0,60}PRIVATE KEY(?: BLOCK)?-----[^-]{40,100000}?(?:-----END[ A-Z0-9_-]{0,60}PRIVATE KEY(?: BLOCK)?-----|$)/,
    keywords: ['-----begin'],
    bounded: false,
    samples: {
      match: ['-----BEGIN RSA PRIVATE KEY-----\n' + PEM_BODY + '\n-----END RSA PRIVATE KEY-----', '-----BEGIN OPENSSH PRIVATE KEY-----\n' + PEM_BODY],
      noMatch: [
        '-----BEGIN PUBLIC KEY-----\n' + PEM_BODY + '\n-----END PUBLIC KEY-----',
        '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----',
        '-----BEGIN CERTIFICATE-----\n' + PEM_BODY,
      ],
    },
  },
  {
    id: 'jwt',
    provider: 'JWT',
    description: 'JSON Web Token',
    regex: /eyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{8,2000}/,
    keywords: ['eyj'],
    // Supabase publishes its `anon` key to browsers: it is meant to be public.
    validate: (token) => jwtClaims(token)?.role !== 'anon',
    samples: {
      match: [fakeJwt({ sub: 'FAKE-0000', role: 'service_role', iat: 0 }), 'Bearer ' + fakeJwt({ sub: 'FAKE-0000', iat: 0 })],
      noMatch: [fakeJwt({ iss: 'supabase', ref: 'FAKE0000', role: 'anon', iat: 0 }), 'eyJhbGciOiJIUzI1NiJ9', 'eyJ...'],
    },
  },
  {
    id: 'age-secret-key',
    provider: 'age',
    description: 'age encryption secret key',
    regex: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}/,
    keywords: ['age-secret-key-1'],
    samples: {
      match: [
        'AGE-SECRET-KEY-1' +
          base32(58)
            .replace(/[BIO1]/g, 'Q')
            .toUpperCase(),
      ],
      noMatch: ['AGE-SECRET-KEY-1' + 'Q'.repeat(10)],
    },
  },
];
