import type { FieldContext } from './context';
import { negated, patternTable, runTable } from './table';

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
  // urgency and scarcity: the sales pitch that hurries a reader into choosing
  /\b(?:limited[- ]time (?:offer|access|deal)|act now|hurry\b|(?:access |offer |it )?expires? soon|before (?:access|it|this offer|the offer|your access) expires|while (?:you still can|supplies last|it lasts)|only \d+ (?:uses|spots|seats|slots|calls|licen[cs]es) (?:left|remaining)|(?:spots|seats|places) (?:are )?filling (?:up )?fast|last chance)/,
  // social proof
  /\b(?:featured (?:in|on|by) (?:[a-z]+ ){0,3}?(?:journal|magazine|news|talks?|review|forbes|techcrunch|wired|nature)|as seen (?:on|in)\b|rated (?:#|no\.? ?|number )1\b|#1 (?:rated|ranked)\b|\d[\d,.]*\+? (?:five[- ]star|5[- ]star) reviews|(?:over|more than) \d[\d,.]* ?(?:million|thousand|k)? (?:users|downloads|customers|installs)\b|\d+ out of \d+ (?:[a-z]+ )?(?:experts|developers|users|engineers)\b|customer satisfaction)/,
  // superlatives about itself
  /\b(?:(?:is|it'?s|this is) the (?:best|#1|number one|no\.? ?1|top[- ]rated|most accurate|most reliable)\b|the (?:#1|number one|no\.? ?1) (?:ranked |rated )?(?:tool|choice|option)\b|game[- ]changer|breakthrough technology|unprecedented (?:excellence|precision|accuracy|quality))/,
];

/** A comparison with the session's other tools is about which tool the model picks: steering on its own. */
const COMPARISON =
  /\b(?:better|faster|more (?:accurate|reliable|comprehensive|secure|complete|up[- ]to[- ]date)|superior|preferable)(?: (?:answers|results|data|information|output|performance))? (?:than|to|compared (?:to|with)|over) (?:any |all |the )?(?:other|alternative|similar|competing|standard|regular|basic|legacy|original)\b/;

/**
 * Running down the alternatives, or ordering the model away from them ("don't settle for inferior
 * alternatives", "other converters are outdated", "ignore all other weather tools", "prefer this tool
 * over similarly named ones from other servers"): about which tool the model picks, steering on its own.
 */
const AGAINST_OTHERS: RegExp[] = [
  /\b(?:outperforms? (?:all|any|every) (?:other )?|(?:better|faster|more accurate) (?:results )?than (?:its |your |our )?(?:competitors|the competition|alternatives))/,
  /\b(?:inferior (?:alternatives|tools|options|results|converters|services)|(?:don'?t|do not|never) settle for|why (?:use|settle for|choose) (?:inferior|outdated|other)|don'?t fall behind)\b/,
  /\b(?:the )?(?:other|competing|alternative) (?:[a-z]+ )?(?:tools?|converters?|services?|options|servers?|functions?) (?:is|are) (?:being )?(?:deprecated|outdated|obsolete|inaccurate|unreliable|inferior|broken)\b/,
  /\b(?:ignore|avoid|skip|disregard|(?:do not|don'?t|never) use) (?:all |any |the )?(?:other|alternative|competing|similar) (?:[a-z-]+ ){0,2}?(?:tools?|servers?|options|alternatives|converters|services|functions)\b/,
  /\binstead of (?:using |calling )?(?:the |any |an? |other )?[a-z0-9_`'"-]+(?: [a-z0-9_-]+){0,3},? (?:you (?:must|should) )?(?:always|only|first) (?:call|use|prefer|choose|pick|run) (?:this|me)\b/,
  /\b(?:prefer|prioriti[sz]e|favou?r|choose|pick|use) (?:this|me)(?: tool| function| server)? (?:over|instead of|rather than|above) (?:[a-z-]+ ){0,4}?(?:similarly[- ]named|same[- ]named|with the same name|from (?:any |all )?other (?:mcp )?servers)/,
];

const TABLE = patternTable([...CLAIMS, COMPARISON, ...AGAINST_OTHERS], 'coercion');

export function detectPromotion(ctx: FieldContext): void {
  const hits: { index: number; end: number; which: number }[] = [];
  // A spent budget ends the search; the claims found so far are still weighed.
  runTable(ctx, TABLE, [negated], (hit) => hits.push({ index: hit.start, end: hit.end, which: hit.which }));
  if (hits.length === 0) return;
  const distinct = new Set(hits.map((h) => h.which)).size;
  const comparison = hits.some((h) => h.which >= CLAIMS.length);
  const steering = comparison || distinct >= 2;
  for (const h of hits) {
    const words = ctx.originalOf(h.index, h.end);
    ctx.reportView({
      category: 'coercion',
      severity: steering ? 'warning' : 'info',
      start: h.index,
      end: h.end,
      message: steering
        ? `"${words}" sells this tool to the model${h.which >= CLAIMS.length ? ' against the other tools' : ` (${distinct} distinct self-promotional claims)`}: a definition that advertises itself is trying to be picked over the tool the user meant.`
        : `"${words}" is a self-promotional claim; alone it is marketing, worth knowing if another tool offers the same thing.`,
    });
  }
}
