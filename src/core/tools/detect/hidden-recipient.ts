import { isNegated } from '../clauses';
import { combine, matchCombined, type FieldContext } from './context';

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

const ALL = combine(PATTERNS);

export function detectHiddenRecipient(ctx: FieldContext): void {
  const view = ctx.view;
  for (const m of matchCombined(view, ALL)) {
    if (!ctx.spend('exfiltration')) return;
    const end = m.index + m.text.length;
    const clause = ctx.clauses.textAround(m.index, end, 200);
    if (isNegated(view, clause.offset, m.index, 40)) continue;
    if (/(?:such as|e\.g\.?|for example|for instance|like)\s*[:(]?\s*["'`]?\s*$/.test(view.slice(Math.max(0, m.index - 30), m.index))) continue;
    ctx.reportView({
      category: 'exfiltration',
      severity: 'warning',
      start: m.index,
      end,
      message: `"${ctx.originalOf(m.index, end)}" tells the model to copy someone in on the user's messages: the user chooses the recipients; a copy the definition adds sends their mail to someone else.`,
    });
  }
}
