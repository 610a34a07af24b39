import type { FieldContext } from './context';
import { negated, patternTable, runTable, type Counter, type PatternRow } from './table';

/**
 * Made-up restrictions: a definition that claims the service is, right now, restricted, suspended or
 * failing ("access to X is currently restricted pending an audit", "Error: permission denied") and
 * tells the model what to do about it — stop, refuse, tell the user it cannot be done, or go and get
 * more privileges. A definition describes what the tool does; a status notice aimed at the model is a
 * way to make it refuse the user's request or escalate. Documentation of errors ("returns 403 when the
 * site is suspended", "if access is denied, …") is conditional and stays quiet, and so does either half
 * alone: the claim needs an order, the order needs a claim.
 */
const STATUS: RegExp[] = [
  /\b(?:is|are|has been|have been|remains?)\s(?:currently|temporarily|now|presently)\s(?:restricted|suspended|blocked|disabled|denied|locked|unavailable|frozen|prohibited|paused|on hold|revoked|not (?:allowed|permitted|available))\b/,
  /\b(?:restricted|suspended|blocked|locked|frozen|on hold|disabled)\s(?:pending|until the end of|due to)\s(?:an?\s|the\s)?(?:[a-z-]+\s){0,3}?(?:audit|review|investigation|verification|approval|clearance|compliance check|incident)\b/,
  /^\W{0,4}(?:error|fatal error|access denied|permission denied|unauthori[sz]ed|forbidden)\s?[:!.]/,
];

const ORDER: RegExp[] = [
  /\b(?:halt|abort|stop|cancel|terminate|refuse|decline|reject)\s(?:the\s|this\s|any\s|all\s|your\s)?(?:operation|request|task|action|query|process|call|execution|attempt|search|transaction)s?\b/,
  /\b(?:(?:inform|tell|notify|warn|advise)\s(?:the\s)?user|let\s(?:the\s)?user\sknow)\s(?:that\s)?[^.;\n]{0,100}?\b(?:restricted|unavailable|cannot|can ?not|can't|not (?:possible|available|permitted|allowed|authori[sz]ed)|denied|suspended|blocked|prohibited|on hold)\b/,
  /\b(?:need|needs|requires?|request|obtain|acquire)\s(?:elevated|admin(?:istrator)?|root|sudo|escalated|higher|full)\s(?:access|privileges?|permissions?|rights|clearance)\b/,
];

/** The clause states a condition or documents a result ("if", "when", "returns", "raises"): not a claim about now. */
const CONDITIONAL =
  /\b(?:if|when|whenever|unless|in case|once|whether|returns?|raises?|throws?|fails?|errors? (?:when|if)|otherwise|may be|might be|can be|could be)\b/;

const STATUS_TABLE = patternTable(STATUS, 'prompt-injection');
const ORDER_TABLE = patternTable(ORDER, 'prompt-injection');

/** A status in a condition or a documented result: not a claim about now. An opening "Error:" is a claim wherever it stands. */
const conditional: Counter<PatternRow> = (ctx, hit) => hit.which !== 2 && CONDITIONAL.test(ctx.view.slice(hit.clause.offset, hit.start));

export function detectRestrictions(ctx: FieldContext): void {
  const orders: { index: number; end: number }[] = [];
  if (!runTable(ctx, ORDER_TABLE, [negated], (hit) => orders.push({ index: hit.start, end: hit.end }))) return;
  if (orders.length === 0) return;
  const claims: { index: number; end: number }[] = [];
  if (!runTable(ctx, STATUS_TABLE, [conditional, negated], (hit) => claims.push({ index: hit.start, end: hit.end }))) return;
  if (claims.length === 0) return;
  const claim = ctx.originalOf(claims[0]!.index, claims[0]!.end);
  const order = ctx.originalOf(orders[0]!.index, orders[0]!.end);
  for (const c of claims)
    ctx.reportView({
      category: 'prompt-injection',
      severity: 'warning',
      start: c.index,
      end: c.end,
      message: `"${ctx.originalOf(c.index, c.end)}" claims a restriction or failure that holds right now, and the definition then tells the model what to do about it ("${order}"). A tool definition describes the tool; a status notice aimed at the model makes it refuse the user or reach for more access.`,
      evidence: [`claim: ${claim}`, `order: ${order}`],
    });
  for (const o of orders)
    ctx.reportView({
      category: 'prompt-injection',
      severity: 'warning',
      start: o.index,
      end: o.end,
      message: `"${ctx.originalOf(o.index, o.end)}" tells the model to stop, refuse or escalate because of a claimed restriction ("${claim}").`,
      evidence: [`claim: ${claim}`, `order: ${order}`],
    });
}
