import { sha256HexOfBytes } from '../../lock/sha256';
import { BIP39_ENGLISH } from './bip39English';

let index: Map<string, number> | undefined;
const wordIndex = () => (index ??= new Map(BIP39_ENGLISH.split(' ').map((w, i) => [w, i])));

/** Well-known test phrases (Hardhat/Anvil/Ganache defaults, BIP-39 test vectors): public, not secrets. */
const PUBLIC_TEST_PHRASES = new Set([
  'test test test test test test test test test test test junk',
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about',
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art',
]);

const VALID_LENGTHS = new Set([12, 15, 18, 21, 24]);
const WORD_RUN = /[a-z]{3,8}(?:[ \t]+[a-z]{3,8}){11,23}/g;

/** True when the words form a BIP-39 mnemonic: every word from the English list and the checksum right. */
export function isBip39Mnemonic(words: readonly string[]): boolean {
  if (!VALID_LENGTHS.has(words.length)) return false;
  const map = wordIndex();
  let bits = '';
  for (const w of words) {
    const i = map.get(w);
    if (i === undefined) return false;
    bits += i.toString(2).padStart(11, '0');
  }
  const entropyBits = (words.length * 11 * 32) / 33;
  const entropy = new Uint8Array(entropyBits / 8);
  for (let i = 0; i < entropy.length; i++) entropy[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  const checksum = parseInt(sha256HexOfBytes(entropy).slice(0, 2), 16)
    .toString(2)
    .padStart(8, '0')
    .slice(0, entropyBits / 32);
  return bits.slice(entropyBits) === checksum;
}

/**
 * Spans of `value` that are BIP-39 recovery phrases (12 to 24 list words with a valid checksum).
 * Cheap first: a value with fewer than 11 spaces, or shorter than the shortest phrase, is not read.
 */
export function findMnemonics(value: string): { start: number; end: number }[] {
  if (value.length < 47) return [];
  let spaces = 0;
  for (let i = 0; i < value.length && spaces < 11; i++) if (value.charCodeAt(i) === 32) spaces++;
  if (spaces < 11) return [];
  const out: { start: number; end: number }[] = [];
  WORD_RUN.lastIndex = 0;
  for (let m = WORD_RUN.exec(value); m; m = WORD_RUN.exec(value)) {
    if (/[A-Za-z]/.test(value[m.index - 1] ?? '') || /[A-Za-z]/.test(value[m.index + m[0].length] ?? '')) continue;
    const words = m[0].split(/[ \t]+/);
    if (PUBLIC_TEST_PHRASES.has(words.join(' ')) || !isBip39Mnemonic(words)) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
