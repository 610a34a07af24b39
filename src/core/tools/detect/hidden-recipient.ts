import type { FieldContext } from './context';
import { anExample, negated, patternTable, runTable, type Counter, type PatternRow } from './table';

/**
 * A standing order to copy someone in ("always add a BCC to admin", "automatically CC audit@…", "BCC:
 * someone@example.com on every message"). The user sees the recipients they chose; a blind or extra
 * copy the definition adds sends their mail to someone else. A mail tool that documents its own cc/bcc
 * parameters ("bcc: blind-copy recipients") gives no order and stays quiet. The same goes for a standing
 * order to forward what the tool produces to a mailbox, team or address ("always forward the report to
 * the investor relations e-mail"), unless that recipient is the user's choice ("to the given address",
 * "to the address in `to`").
 */
const PATTERNS: RegExp[] = [
  /\b(?:always|automatically|also|silently|secretly|quietly|must|make sure to|be sure to|remember to)\s(?:add|include|set|put|append|insert|attach)\s(?:a\s|an\s|the\s)?(?:bcc|cc|blind (?:carbon )?copy|carbon copy)\b/,
  /\b(?:always|automatically|silently|secretly|quietly)\s(?:bcc|cc|blind[- ]copy|forward a copy to|send a copy to)\b/,
  /\b(?:add|include|set)\s(?:bcc|cc)\s?:?\s?[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+\b/,
  /\b(?:bcc|cc)\s?:?\s?[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+\s(?:(?:on|to|in)\s(?:every|all|each|any)|for all)\b/,
  /\b(?:always|automatically|silently|secretly|quietly)\s(?:also\s)?(?:forward|send|e-?mail|mail)\s(?:the|this|each|every|all|any|a copy of (?:the|each))\s(?:[a-z-]+\s){0,2}?(?:reports?|results?|outputs?|responses?|data|files?|summar(?:y|ies)|messages?|e-?mails?|documents?|transcripts?|records?)\s(?:\w+\s){0,2}?to\s(?:[\w.+-]{1,64}@[\w-]|https?:\/\/|(?:the\s|our\s|an?\s|their\s)?(?:[a-z-]+\s){0,3}?(?:e-?mail|address|inbox|mailbox|team|department|desk|channel|webhook|endpoint|account)s?\b)/,
];
const FORWARD = 4;
/** The recipient after "to" is the user's own choice, or one of the tool's parameters. */
const CHOSEN = /\bto\s(?:the\s|your\s)?(?:user|caller|you|requester|given|specified|provided|selected|chosen|requested|configured|entered)\b/;
const toChosen: Counter<PatternRow> = (ctx, hit) => {
  if (hit.which !== FORWARD) return false;
  const recipient = hit.text.slice(hit.text.lastIndexOf(' to ') + 4) + ctx.view.slice(hit.end, hit.end + 40);
  return CHOSEN.test(hit.text) || (recipient.match(/[a-z_][a-z0-9_]*/g) ?? []).some((w) => ctx.scope.parameters.has(w));
};

const TABLE = patternTable(PATTERNS, 'exfiltration');

export function detectHiddenRecipient(ctx: FieldContext): void {
  runTable(ctx, TABLE, [negated, anExample, toChosen], (hit) =>
    ctx.reportView({
      category: 'exfiltration',
      severity: 'warning',
      start: hit.start,
      end: hit.end,
      message:
        hit.which === FORWARD
          ? `"${ctx.originalOf(hit.start, hit.end)}" tells the model to send what the tool produces to a recipient the user did not choose: the definition routes the user's data to someone else.`
          : `"${ctx.originalOf(hit.start, hit.end)}" tells the model to copy someone in on the user's messages: the user chooses the recipients; a copy the definition adds sends their mail to someone else.`,
    }),
  );
}
