import { createHash } from 'node:crypto';
import { BIP39_ENGLISH } from '../../../src/core/secrets/wallet/bip39English';
/** Seeded values for the corpus templates: `{a36}`-style runs and named values (`{uuid}`, `{jwt}`, …). */

/** Mulberry32: small, fast, deterministic. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLASSES: Record<string, string> = {
  a: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  A: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  L: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  l: 'abcdefghijklmnopqrstuvwxyz0123456789',
  u: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  d: '0123456789',
  h: '0123456789abcdef',
  H: '0123456789ABCDEF',
  b: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  B: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  p: 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!*+-._~^',
  q: 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-._~',
  z: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  /** base58 (Bitcoin/Solana alphabet) */
  m: '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz',
};

function draw(next: () => number, chars: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += chars[Math.floor(next() * chars.length)];
  return out;
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** A BIP-39 phrase of random entropy; `valid` false gives the same words with a wrong checksum. */
function bip39(next: () => number, valid: boolean): string {
  const list = BIP39_ENGLISH.split(' ');
  const entropy = Buffer.from(Array.from({ length: 16 }, () => Math.floor(next() * 256)));
  const checksum = createHash('sha256').update(entropy).digest()[0]! >> 4;
  const bits = [...entropy].map((b) => b.toString(2).padStart(8, '0')).join('') + ((valid ? checksum : checksum ^ 1) & 15).toString(2).padStart(4, '0');
  return Array.from({ length: 12 }, (_, i) => list[parseInt(bits.slice(i * 11, i * 11 + 11), 2)]).join(' ');
}

const NAMED: Record<string, (next: () => number) => string> = {
  bip39: (n) => bip39(n, true),
  'bip39-bad': (n) => bip39(n, false),
  uuid: (n) => `${draw(n, CLASSES.h!, 8)}-${draw(n, CLASSES.h!, 4)}-4${draw(n, CLASSES.h!, 3)}-a${draw(n, CLASSES.h!, 3)}-${draw(n, CLASSES.h!, 12)}`,
  jwt: (n) =>
    `${base64url('{"alg":"HS256","typ":"JWT"}')}.${base64url(`{"sub":"${draw(n, CLASSES.a!, 12)}","role":"service_role","iat":${1700000000 + Math.floor(n() * 1e7)}}`)}.${draw(n, CLASSES.B!, 43)}`,
  'jwt-anon': (n) =>
    `${base64url('{"alg":"HS256","typ":"JWT"}')}.${base64url(`{"iss":"supabase","ref":"${draw(n, CLASSES.l!, 20)}","role":"anon"}`)}.${draw(n, CLASSES.B!, 43)}`,
  pem: (n) =>
    `-----BEGIN RSA PRIVATE KEY-----\\n${draw(n, CLASSES.b!, 64)}\\n${draw(n, CLASSES.b!, 64)}\\n${draw(n, CLASSES.b!, 40)}==\\n-----END RSA PRIVATE KEY-----`,
  basic: (n) => Buffer.from(`svc-${draw(n, CLASSES.l!, 6)}:${draw(n, CLASSES.a!, 16)}`).toString('base64'),
  'b64-json': (n) => Buffer.from(`{"region":"eu-${draw(n, CLASSES.d!, 1)}","retries":${draw(n, CLASSES.d!, 1)}}`).toString('base64'),
};

export function expand(shape: string, next: () => number): string {
  return shape.replace(
    /\{([a-zA-Z])(\d+)\}|\{(uuid|jwt|jwt-anon|pem|basic|b64-json|bip39|bip39-bad)\}/g,
    (_, cls: string | undefined, n: string | undefined, named: string | undefined) => {
      if (named) return NAMED[named]!(next);
      const chars = CLASSES[cls!];
      if (!chars) throw new Error(`unknown class {${cls}${n}}`);
      return draw(next, chars, Number(n));
    },
  );
}
