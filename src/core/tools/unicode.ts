/** Characters that render as nothing (or change how the text around them renders). */
export type InvisibleKind = 'tag' | 'zero-width' | 'bidi-override' | 'bidi-isolate' | 'bidi-mark' | 'variation-selector' | 'soft-hyphen' | 'filler';

export function invisibleKind(cp: number): InvisibleKind | undefined {
  if (cp < 0xad) return undefined;
  if (cp === 0xad) return 'soft-hyphen';
  if (cp >= 0xe0000 && cp <= 0xe007f) return 'tag';
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff || cp === 0x180e || cp === 0x34f) return 'zero-width';
  if (cp >= 0x2061 && cp <= 0x2064) return 'zero-width';
  if (cp === 0x202d || cp === 0x202e) return 'bidi-override';
  if (cp === 0x202a || cp === 0x202b || cp === 0x202c || (cp >= 0x2066 && cp <= 0x2069)) return 'bidi-isolate';
  if (cp === 0x200e || cp === 0x200f || cp === 0x61c) return 'bidi-mark';
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return 'variation-selector';
  if (cp === 0x115f || cp === 0x1160 || cp === 0x3164 || cp === 0xffa0 || (cp >= 0x206a && cp <= 0x206f) || (cp >= 0xfff9 && cp <= 0xfffb)) return 'filler';
  return undefined;
}

/** Terminal control characters other than tab, line feed and a CR that ends a line. */
export function isControl(cp: number): boolean {
  return (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f);
}

export function isWhitespace(cp: number): boolean {
  return (
    cp === 0x20 ||
    cp === 0x09 ||
    cp === 0x0a ||
    cp === 0x0d ||
    cp === 0x0b ||
    cp === 0x0c ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

export function isLineBreak(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029;
}

/** Pictographs and the modifiers that join them (ZWJ between two of these is an emoji sequence). */
export function isEmojiPart(cp: number): boolean {
  return (
    (cp >= 0x1f000 && cp <= 0x1faff) ||
    (cp >= 0x2600 && cp <= 0x27bf) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    cp === 0xfe0f ||
    cp === 0x2640 ||
    cp === 0x2642 ||
    cp === 0x2695 ||
    cp === 0x2708
  );
}

/** Scripts where ZWNJ/ZWJ are part of correct spelling (Arabic, Persian, Indic, Sinhala). */
export function joinsInScript(cp: number): boolean {
  return (cp >= 0x600 && cp <= 0x6ff) || (cp >= 0x750 && cp <= 0x77f) || (cp >= 0x900 && cp <= 0xdff) || (cp >= 0xfb50 && cp <= 0xfdff);
}

export function isRtlLetter(cp: number): boolean {
  return (cp >= 0x590 && cp <= 0x8ff) || (cp >= 0xfb1d && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff);
}

export function hex4(cp: number): string {
  return 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
}
