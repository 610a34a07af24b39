/** One terminal escape sequence starting at ESC (U+001B) or a C1 introducer (U+009B CSI, U+009D OSC). */
export interface EscapeSequence {
  kind: 'csi' | 'osc' | 'other';
  length: number;
  /** CSI parameters (e.g. "38;5;231") or the OSC payload (e.g. "8;;https://…"). */
  body: string;
  /** CSI final byte, e.g. "m" for colours. */
  final: string;
}

const MAX_CSI = 64;
const MAX_OSC = 2048;

export function parseEscape(text: string, i: number): EscapeSequence | undefined {
  const c = text.charCodeAt(i);
  let start: number;
  let kind: 'csi' | 'osc' | 'other';
  if (c === 0x9b) [start, kind] = [i + 1, 'csi'];
  else if (c === 0x9d) [start, kind] = [i + 1, 'osc'];
  else if (c === 0x1b) {
    const next = text[i + 1];
    if (next === '[') [start, kind] = [i + 2, 'csi'];
    else if (next === ']') [start, kind] = [i + 2, 'osc'];
    else if (next !== undefined && next >= ' ' && next <= '~') return { kind: 'other', length: 2, body: next, final: next };
    else return undefined;
  } else return undefined;

  if (kind === 'csi') {
    const limit = Math.min(text.length, start + MAX_CSI);
    for (let j = start; j < limit; j++) {
      const b = text.charCodeAt(j);
      if (b >= 0x40 && b <= 0x7e) return { kind, length: j + 1 - i, body: text.slice(start, j), final: text[j]! };
      if (b < 0x20 || b > 0x3f) return undefined;
    }
    return undefined;
  }
  const limit = Math.min(text.length, start + MAX_OSC);
  for (let j = start; j < limit; j++) {
    const b = text.charCodeAt(j);
    if (b === 0x07 || b === 0x9c) return { kind, length: j + 1 - i, body: text.slice(start, j), final: '' };
    if (b === 0x1b && text[j + 1] === '\\') return { kind, length: j + 2 - i, body: text.slice(start, j), final: '' };
  }
  return { kind, length: limit - i, body: text.slice(start, limit), final: '' };
}

/** What a sequence does to the visible text, in words, and whether it can hide or forge text. */
export function describeEscape(seq: EscapeSequence): { what: string; hides: boolean } {
  if (seq.kind === 'osc') {
    const code = seq.body.split(';', 1)[0];
    if (code === '8') {
      const url = seq.body.split(';').slice(2).join(';');
      return url ? { what: `a terminal hyperlink to ${url.slice(0, 120)}`, hides: true } : { what: 'the end of a terminal hyperlink', hides: false };
    }
    if (code === '52') return { what: 'a clipboard write (OSC 52)', hides: true };
    if (code === '0' || code === '1' || code === '2') return { what: 'a window-title change', hides: false };
    return { what: `an operating-system command (OSC ${code})`, hides: true };
  }
  if (seq.kind === 'other')
    return { what: `an escape sequence (ESC ${seq.final})`, hides: seq.final === 'c' || seq.final === 'M' || seq.final === '7' || seq.final === '8' };
  if (seq.final === 'm') {
    const params = seq.body.split(/[;:]/);
    if (params.includes('8')) return { what: 'concealed (invisible) text', hides: true };
    const fg = colourAfter(params, '38');
    const bg = colourAfter(params, '48');
    if (fg !== undefined && fg === bg) return { what: 'text coloured the same as its background', hides: true };
    if (params.includes('30') && params.includes('40')) return { what: 'black text on black background', hides: true };
    return { what: 'a colour or style change', hides: false };
  }
  if ('ABCDEFGHfd'.includes(seq.final)) return { what: 'a cursor movement that can overwrite earlier text', hides: true };
  if ('JK'.includes(seq.final)) return { what: 'an erase of the screen or line', hides: true };
  if ('STLMP@X'.includes(seq.final)) return { what: 'a scroll, insert or delete that rewrites the screen', hides: true };
  return { what: `a control sequence (CSI ${seq.final})`, hides: false };
}

function colourAfter(params: string[], introducer: string): string | undefined {
  const at = params.indexOf(introducer);
  if (at < 0) return undefined;
  return params.slice(at + 1, at + (params[at + 1] === '2' ? 5 : 3)).join(';');
}
