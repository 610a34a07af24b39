/**
 * Server text is hostile: before it is shown, characters that could hide, reorder or restyle text
 * are made visible. ESC becomes `␛`, other C0/C1 controls their Unicode "control picture" or
 * `⟨U+XXXX⟩`, and invisible or direction-changing characters `⟨U+XXXX⟩`. Newlines and tabs are kept
 * unless `singleLine` is set.
 */
export function visibleText(text: string, options: { singleLine?: boolean; max?: number } = {}): string {
  const max = options.max ?? Infinity;
  let out = '';
  for (const ch of text) {
    if (out.length >= max) return out + '…';
    const cp = ch.codePointAt(0)!;
    if (cp === 0x0a || cp === 0x09) out += options.singleLine ? (cp === 0x0a ? '⏎ ' : ' ') : ch;
    else if (cp === 0x0d) out += options.singleLine ? '' : ch;
    else if (cp === 0x1b) out += '␛';
    else if (cp < 0x20) out += String.fromCodePoint(0x2400 + cp);
    else if (cp === 0x7f) out += '␡';
    else if (isHidden(cp)) out += `⟨U+${cp.toString(16).toUpperCase().padStart(4, '0')}⟩`;
    else out += ch;
  }
  return out;
}

/** Code points that render as nothing or change the direction of what follows. */
export function isHidden(cp: number): boolean {
  return (
    (cp >= 0x80 && cp <= 0x9f) ||
    cp === 0xad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    (cp >= 0x180b && cp <= 0x180f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0x3164 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0xfff0 && cp <= 0xfffb) ||
    (cp >= 0x1d173 && cp <= 0x1d17a) ||
    (cp >= 0xe0000 && cp <= 0xe0fff)
  );
}
