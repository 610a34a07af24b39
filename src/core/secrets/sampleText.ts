/**
 * Deterministic filler for the should-match samples of token patterns: every sample starts with an
 * obvious FAKE/0000 marker, so no realistic credential sits in the source.
 */
const CLASSES = {
  alnum: 'aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xYz',
  letters: 'aBcDeFgHiJkLmNoPqRsTuVwXyZ',
  lower: 'abcdefghijkmnopqrstuvwxyz',
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  hex: '1a2b3c4d5e6f7809',
  digits: '1234567890',
  base32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  base64: 'aB3+dE5/fG7hJ9kL1mN2pQ4rS6tU8vW0',
  base64url: 'aB3-dE5_fG7hJ9kL1mN2pQ4rS6tU8vW0',
} as const;

type CharClass = keyof typeof CLASSES;

const MARKERS: Record<CharClass, string> = {
  alnum: 'FAKE0000',
  letters: 'FAKEFAKE',
  lower: 'fakefake',
  upper: 'FAKEFAKE',
  hex: '00000000',
  digits: '00000000',
  base32: 'FAKEFAKE',
  base64: 'FAKE0000',
  base64url: 'FAKE0000',
};

function fill(cls: CharClass, length: number): string {
  const marker = MARKERS[cls].slice(0, Math.min(length, 8));
  const cycle = CLASSES[cls];
  let out = marker;
  for (let i = 0; out.length < length; i++) out += cycle[i % cycle.length];
  return out;
}

export const alnum = (n: number): string => fill('alnum', n);
export const letters = (n: number): string => fill('letters', n);
export const lower = (n: number): string => fill('lower', n);
export const upper = (n: number): string => fill('upper', n);
export const hex = (n: number): string => fill('hex', n);
export const digits = (n: number): string => fill('digits', n);
export const base32 = (n: number): string => fill('base32', n);
export const base64 = (n: number): string => fill('base64', n);
export const base64url = (n: number): string => fill('base64url', n);
export const upperHex = (n: number): string => fill('hex', n).toUpperCase();

/** A UUID made of the fake filler. */
export function uuid(): string {
  const h = hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
