import type { Severity } from '../../model/finding';
import { describeEscape, parseEscape } from '../terminal';
import { hex4 } from '../unicode';
import type { FieldContext } from './context';
import { plural } from '../../text/plural';

/** Control characters other than tab and line feed (a CR is judged by what follows it). */
const CANDIDATE = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

const CONTROL_NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'BEL (bell)',
  0x08: 'BS (backspace)',
  0x0b: 'VT (vertical tab)',
  0x0c: 'FF (form feed)',
  0x0d: 'CR (carriage return)',
  0x7f: 'DEL',
};

/** ANSI/OSC escape sequences and control characters that rewrite what a terminal shows. */
export function detectAnsiEscapes(ctx: FieldContext): void {
  const text = ctx.text;
  const n = text.length;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 0x1b || c === 0x9b || c === 0x9d) {
      if (!ctx.spend('ansi-escapes')) return;
      const seq = parseEscape(text, i);
      if (!seq) {
        ctx.report({
          category: 'ansi-escapes',
          severity: 'warning',
          start: i,
          end: i + 1,
          message: 'A lone escape character (ESC): terminals treat what follows as a control sequence.',
        });
        continue;
      }
      const { what, hides } = describeEscape(seq);
      const severity: Severity = hides ? 'error' : 'warning';
      ctx.report({
        category: 'ansi-escapes',
        severity,
        start: i,
        end: i + seq.length,
        message: `A terminal escape sequence: ${what}.${hides ? ' In a terminal client the user sees different text from what the model reads.' : ' Tool text has no use for terminal formatting.'}`,
        evidence: [`sequence: ${JSON.stringify(text.slice(i, i + Math.min(seq.length, 80)))}`],
      });
      if (hides && seq.kind === 'csi' && seq.final === 'm') reportInvisibleRun(ctx, i + seq.length, what);
      CANDIDATE.lastIndex = i + seq.length;
      continue;
    }
    const isCr = c === 0x0d && text.charCodeAt(i + 1) !== 0x0a;
    if (!isCr && !(c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) && !(c >= 0x7f && c <= 0x9f)) continue;
    if (!ctx.spend('ansi-escapes')) return;
    let j = i + 1;
    while (j < n && j - i < 10_000 && text.charCodeAt(j) === c) j++;
    const name = CONTROL_NAMES[c] ?? `the control character ${hex4(c)}`;
    const rewrites = c === 0x08 || isCr || c === 0x7f;
    ctx.report({
      category: 'ansi-escapes',
      severity: rewrites ? 'error' : 'warning',
      start: i,
      end: j,
      message: rewrites
        ? `${j - i > 1 ? `${j - i} × ` : ''}${name}: in a terminal it moves back over text already printed, so what the user sees is overwritten while the model reads all of it.`
        : `${name}: a control character with no place in tool text.`,
    });
    CANDIDATE.lastIndex = j;
  }
}

const NEXT_ESCAPE = /[\x1b\x9b\x9d]/g;
const MAX_RUN = 2000;
const MAX_QUOTE = 200;

/**
 * The text an SGR style makes invisible (concealed, or coloured like its background), up to the next
 * escape sequence: the words the user never sees, marked themselves so that they can be read.
 */
function reportInvisibleRun(ctx: FieldContext, from: number, what: string): void {
  const text = ctx.text;
  NEXT_ESCAPE.lastIndex = from;
  const next = NEXT_ESCAPE.exec(text);
  const limit = Math.min(next ? next.index : text.length, from + MAX_RUN);
  let start = from;
  let end = limit;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return;
  const hidden = text.slice(start, end);
  ctx.report({
    category: 'ansi-escapes',
    severity: 'error',
    start,
    end,
    message: `Hidden in a terminal by the escape sequence before it (${what.replace(/ \(invisible\)/, '')}): "${hidden.length > MAX_QUOTE ? `${hidden.slice(0, MAX_QUOTE)}…` : hidden}". The user cannot see these words; the model reads them like the rest.`,
    evidence: [`hidden text: ${plural(hidden.length, 'character')}`],
  });
}
