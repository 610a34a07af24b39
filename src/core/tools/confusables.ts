/**
 * Letters from other scripts and styled Unicode letters that read like ASCII, mapped to the ASCII
 * letter they imitate. A small hand-picked table: the look-alikes used in tool-name spoofing and
 * phrase evasion, not the full Unicode confusables list.
 */
const PAIRS: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ɡ: 'g',
  ү: 'y',
  ҽ: 'e',
  А: 'a',
  В: 'b',
  Е: 'e',
  К: 'k',
  М: 'm',
  Н: 'h',
  О: 'o',
  Р: 'p',
  С: 'c',
  Т: 't',
  У: 'y',
  Х: 'x',
  Ѕ: 's',
  І: 'i',
  Ј: 'j',
  Һ: 'h',
  Ԁ: 'd',
  Ԛ: 'q',
  Ԝ: 'w',
  Ӏ: 'l',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  Α: 'a',
  Β: 'b',
  Ε: 'e',
  Ζ: 'z',
  Η: 'h',
  Ι: 'i',
  Κ: 'k',
  Μ: 'm',
  Ν: 'n',
  Ο: 'o',
  Ρ: 'p',
  Τ: 't',
  Υ: 'y',
  Χ: 'x',
  // Armenian
  օ: 'o',
  ս: 'u',
  ց: 'g',
  հ: 'h',
  ո: 'n',
  ա: 'w',
  // Latin look-alikes outside ASCII
  ı: 'i',
  ȷ: 'j',
  ℓ: 'l',
  ꮃ: 'w',
};

const TABLE = new Map<number, number>();
for (const [from, to] of Object.entries(PAIRS)) TABLE.set(from.codePointAt(0)!, to.charCodeAt(0));

/** Scripts whose letters can pass for Latin ones. */
export type LookalikeScript = 'cyrillic' | 'greek' | 'armenian';

export function scriptOf(cp: number): 'latin' | LookalikeScript | 'other' {
  if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7)) return 'latin';
  if (cp >= 0x400 && cp <= 0x52f) return 'cyrillic';
  if (cp >= 0x370 && cp <= 0x3ff) return 'greek';
  if (cp >= 0x531 && cp <= 0x58f) return 'armenian';
  return 'other';
}

/** The ASCII letter (char code) a look-alike code point imitates, or -1. */
export function lookalikeAscii(cp: number): number {
  const mapped = TABLE.get(cp);
  if (mapped !== undefined) return mapped;
  return styledAscii(cp);
}

/** Fullwidth forms, mathematical alphanumerics and circled letters: ASCII in a costume. */
export function styledAscii(cp: number): number {
  if (cp >= 0xff01 && cp <= 0xff5e) return cp - 0xff01 + 0x21;
  if (cp >= 0x1d400 && cp <= 0x1d6a3) {
    const i = (cp - 0x1d400) % 52;
    return i < 26 ? 0x41 + i : 0x61 + i - 26;
  }
  if (cp >= 0x1d7ce && cp <= 0x1d7ff) return 0x30 + ((cp - 0x1d7ce) % 10);
  if (cp >= 0x24b6 && cp <= 0x24cf) return 0x41 + cp - 0x24b6;
  if (cp >= 0x24d0 && cp <= 0x24e9) return 0x61 + cp - 0x24d0;
  return -1;
}

/** The ASCII skeleton of a name: look-alikes replaced, lower-cased, separators unified. */
export function skeleton(name: string): string {
  let out = '';
  for (const ch of name) {
    const cp = ch.codePointAt(0)!;
    const mapped = lookalikeAscii(cp);
    const c = mapped >= 0 ? String.fromCharCode(mapped) : ch;
    out += c === '-' || c === ' ' || c === '.' ? '_' : c.toLowerCase();
  }
  return out;
}
