import type { FieldContext } from './context';
import { anExample, negated, patternTable, runTable } from './table';

/**
 * A standing order to copy someone in ("always add a BCC to admin", "automatically CC audit@…", "BCC:
 * someone@example.com on every message"). The user sees the recipients they chose; a blind or extra
 * copy the definition adds sends their mail to someone else. A mail tool that documents its own cc/bcc
 * parameters ("bcc: blind-copy recipients") gives no order and stays quiet.
 */
const PATTERNS: RegExp[] = [
  /\b(?:always|automatically|also|silently|secretly|quietly|must|make sure to|be sure to|remember to)\s(?:add|include|set|put|append|insert|attach)\s(?:a\s|an\s|the\s)?(?:bcc|cc|blind (?:carbon )?copy|carbon copy)\b/,
  /\b(?:always|automatically|silently|secretly|quietly)\s(?:bcc|cc|blind[- ]copy|forward a copy to|send a copy to)\b/,
  /\b(?:add|include|set)\s(?:bcc|cc)\s?:?\s?[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+\b/,
  /\b(?:bcc|cc)\s?:?\s?[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+\s(?:(?:on|to|in)\s(?:every|all|each|any)|for all)\b/,
];

const TABLE = patternTable(PATTERNS, 'exfiltration');

export function detectHiddenRecipient(ctx: FieldContext): void {
  runTable(ctx, TABLE, [negated, anExample], (hit) =>
    ctx.reportView({
      category: 'exfiltration',
      severity: 'warning',
      start: hit.start,
      end: hit.end,
      message: `"${ctx.originalOf(hit.start, hit.end)}" tells the model to copy someone in on the user's messages: the user chooses the recipients; a copy the definition adds sends their mail to someone else.`,
    }),
  );
}
