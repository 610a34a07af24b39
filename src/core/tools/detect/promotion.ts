import { isNegated } from '../clauses';
import { combine, matchCombined, type FieldContext } from './context';

/**
 * Preference manipulation: a definition that sells itself to the model ("the world's best", "premium
 * version", "trusted by professionals", "more accurate than other tools") so it is picked over the
 * tool the user meant. One such claim is marketing and stays a note; two distinct claims in one text,
 * or any comparison against the other tools, is steering the model's choice (warning).
 */
const CLAIMS: RegExp[] = [
  /\bthe world'?s (?:best|leading|most|number one|no\.? ?1|fastest|top)\b/,
  /\b(?:premium|ultimate|professional|pro|enterprise|elite|exclusive|superior|enhanced|advanced|upgraded|improved|official|certified|verified) (?:version|edition|variant|release|tier)\b/,
  /\b(?:unmatched|unparalleled|unrivall?ed|unbeatable|unsurpassed|industry[- ]leading|best[- ]in[- ]class|award[- ]winning|world[- ]class|revolutionary|cutting[- ]edge|next[- ]generation|the pinnacle of)\b/,
  /\b(?:trusted|recommended|endorsed|preferred|used|chosen) by (?:\d+ ?%|(?:millions|thousands|top|leading|experts|professionals|fortune|most|all|institutional|industry)\b)/,
  /\b(?:superior|unmatched|best|highest) (?:performance|quality|accuracy|reliability|results|data quality|precision)\b/,
  /\b(?:the )?(?:most|only) (?:advanced|reliable|trusted|sophisticated|comprehensive and accurate|accurate and|powerful and)\b/,
  /\b\d{2,3}(?:\.\d+)? ?% (?:accuracy|reliability|uptime guarantee|reliability guarantee|of (?:professionals|experts|users))\b/,
];

/** A comparison with the session's other tools is about which tool the model picks: steering on its own. */
const COMPARISON =
  /\b(?:better|faster|more (?:accurate|reliable|comprehensive|secure|complete|up[- ]to[- ]date)|superior|preferable)(?: (?:answers|results|data|information|output|performance))? (?:than|to|compared (?:to|with)|over) (?:any |all |the )?(?:other|alternative|similar|competing|standard|regular|basic|legacy|original)\b/;

const ALL = combine([...CLAIMS, COMPARISON]);

export function detectPromotion(ctx: FieldContext): void {
  const view = ctx.view;
  const hits: { index: number; end: number; which: number }[] = [];
  for (const m of matchCombined(view, ALL)) {
    if (!ctx.spend('coercion')) break;
    if (isNegated(view, ctx.clauses.textAround(m.index, m.index + m.text.length, 200).offset, m.index, 40)) continue;
    hits.push({ index: m.index, end: m.index + m.text.length, which: m.which });
  }
  if (hits.length === 0) return;
  const distinct = new Set(hits.map((h) => h.which)).size;
  const comparison = hits.some((h) => h.which === CLAIMS.length);
  const steering = comparison || distinct >= 2;
  for (const h of hits) {
    const words = ctx.originalOf(h.index, h.end);
    ctx.reportView({
      category: 'coercion',
      severity: steering ? 'warning' : 'info',
      start: h.index,
      end: h.end,
      message: steering
        ? `"${words}" sells this tool to the model${h.which === CLAIMS.length ? ' against the other tools' : ` (${distinct} distinct self-promotional claims)`}: a definition that advertises itself is trying to be picked over the tool the user meant.`
        : `"${words}" is a self-promotional claim; alone it is marketing, worth knowing if another tool offers the same thing.`,
    });
  }
}
