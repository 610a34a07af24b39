import { plural } from './plural';

/**
 * The one escaping function for text MCP Warden shows: server, tool and file names, paths, shell
 * strings and server messages are hostile, so before any of it reaches a terminal, a log line, a tree
 * label or a tooltip, every character that could run, hide, reorder or restyle text is made visible.
 *
 * - ESC becomes `␛` (so a CSI sequence prints as `␛[31m` and runs nothing), other C0 controls their
 *   Unicode control picture (`␇`, `␍`), DEL `␡`;
 * - C1 controls, bidi overrides and isolates, zero-width and other invisible characters, line and
 *   paragraph separators and lone surrogates become `⟨U+XXXX⟩`;
 * - a run of Unicode tag characters (invisible ASCII) is shown decoded and labelled;
 * - with `singleLine`, a line feed (or CRLF) becomes `⏎` and a lone CR `␍`, so a name can never start a
 *   line of its own (and so never forge a finding line); otherwise line breaks are kept;
 * - with `max`, text longer than `max` characters is cut there and says how long it was.
 */
export function visibleText(text: string, options: { singleLine?: boolean; max?: number } = {}): string {
  const max = options.max ?? Infinity;
  const clipped = text.length > max ? cutAt(text, max) : text;
  let out = '';
  let tags = '';
  let tagCount = 0;
  const flushTags = () => {
    if (tagCount === 0) return;
    out += `⟨${tagCount} invisible tag ${tagCount === 1 ? 'character' : 'characters'}: "${visibleText(tags, { singleLine: true })}"⟩`;
    tags = '';
    tagCount = 0;
  };
  for (let i = 0; i < clipped.length;) {
    const cp = clipped.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (cp >= 0xe0000 && cp <= 0xe007f) {
      tags += String.fromCharCode(cp - 0xe0000);
      tagCount++;
      i += width;
      continue;
    }
    flushTags();
    if (cp === 0x0a) out += options.singleLine ? '⏎ ' : '\n';
    else if (cp === 0x09) out += options.singleLine ? ' ' : '\t';
    else if (cp === 0x0d) out += clipped.charCodeAt(i + 1) === 0x0a ? (options.singleLine ? '' : '\r') : '␍';
    else out += visibleCodePoint(cp);
    i += width;
  }
  flushTags();
  return clipped === text ? out : `${out}… (${plural(text.length, 'character')})`;
}

/**
 * How one code point is shown, line breaks aside (the caller decides those): the single character
 * policy behind `visibleText` and the tool detector's offset-mapped rendering.
 */
export function visibleCodePoint(cp: number): string {
  if (cp === 0x09) return '\t';
  if (cp === 0x1b) return '␛';
  if (cp < 0x20) return String.fromCodePoint(0x2400 + cp);
  if (cp === 0x7f) return '␡';
  if (isHidden(cp) || cp === 0x2028 || cp === 0x2029 || (cp >= 0xd800 && cp <= 0xdfff)) return `⟨U+${cp.toString(16).toUpperCase().padStart(4, '0')}⟩`;
  return String.fromCodePoint(cp);
}

/** The first `max` UTF-16 units of `text`, without splitting a surrogate pair. */
function cutAt(text: string, max: number): string {
  const end = max > 0 && text.charCodeAt(max - 1) >= 0xd800 && text.charCodeAt(max - 1) <= 0xdbff ? max - 1 : max;
  return text.slice(0, Math.max(0, end));
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
