import type { ToolCategory } from '../types';
import type { FieldContext } from './context';
import { negated, patternTable, runTable } from './table';

/**
 * Steering written without the classic trigger words: precedence claims in formal or configuration
 * language, lasting behaviour changes, orders that hold "whatever the user asks", paraphrased
 * concealment and every-conversation coercion. Each phrase needs its target in the same clause (the
 * model's instructions, the session, the user's request, the reply), and counts for nothing when it
 * is negated or quoted as an example.
 */
interface Phrase {
  re: RegExp;
  category: ToolCategory;
  why: string;
  /** The clause must also say this (the target the phrase acts on). */
  target?: RegExp;
  /** The clause must not say this (what makes the phrase technical, not an order to the model). */
  unless?: RegExp;
}

const INSTRUCTIONS = String.raw`(?:guidance|instructions?|directions?|directives?|guidelines?|rules|policies|policy|prompts?|system prompt|system message|requests? (?:of|from) the user|user'?s? (?:request|instructions?|wishes)|what the user (?:asked|asks|said|says|wants))`;
const MODEL =
  /\b(?:you|your|the (?:assistant|model|agent|ai|llm)|assistants?|agents?|answers?|responses?|repl(?:y|ies)|respond|conversation|session|chat|every (?:turn|message))\b/;
const TECHNICAL =
  /\b(?:tokens?|cursor|pagination|page|cache[sd]?|header|api key|credentials?|config(?:uration)? file|environment variable|request id|retr(?:y|ies)|connection|timeout|locale|setting)\b/;

const PHRASES: Phrase[] = [
  {
    re: new RegExp(
      String.raw`\b(?:supersedes?|superseding|takes? precedence over|takes? priority over|prevails? over|outranks?|overrides?|overriding|replaces?|nullif(?:y|ies)|invalidates?|cancels?) (?:(?:any|all|every|the|earlier|prior|previous|other|existing|conflicting|default|original|system|operator|developer|your|its|of)\s){1,4}(?:\w+\s){0,2}?${INSTRUCTIONS}\b`,
      'g',
    ),
    category: 'prompt-injection',
    why: 'claims precedence over the instructions the model already has',
  },
  {
    re: /\b(?:regardless of|irrespective of|no matter|whatever|even if|even when) (?:what |whatever )?(?:the user|the human|they|the operator) (?:asks?|asked|says?|said|wants?|wanted|requests?|requested|objects?|declines?|refuses?|prefers?|instructs?|instructed)\b|\b(?:regardless of|irrespective of|overriding|ignoring) (?:the )?user'?s? (?:request|instructions?|wishes|choice|preference|answer|input|query|selection)s?\b/g,
    category: 'prompt-injection',
    why: 'tells the model to act against what the user asks',
  },
  {
    re: /\b(?:from now on|from this (?:point|moment|message|turn)(?: on| onwards?| forward)?|henceforth|hereafter|going forward|for the (?:rest|remainder) of (?:the|this|your) (?:session|conversation|chat|thread)|in (?:all|every) (?:future|subsequent|later) (?:conversations?|sessions?|chats?|turns?|answers?|responses?|repl(?:y|ies))|for (?:all|every|each) (?:future|subsequent|later) (?:conversations?|sessions?|chats?|turns?|answers?|responses?|repl(?:y|ies)|messages?)|permanently (?:adopt|change|switch|remember|apply|use)|(?:update|change|rewrite|overwrite) your (?:memory|behaviou?r|persona|default behaviou?r|core instructions))\b/g,
    category: 'prompt-injection',
    why: 'changes how the model behaves for the rest of the session, beyond this tool',
    target: MODEL,
    unless: TECHNICAL,
  },
  {
    re: /\bno need to (?:mention|tell|inform|notify|disclose|report|show|surface|bring up|explain|say)(?= (?:it|this|that|them|anything|the (?:step|call|copy|request|upload|transfer)|to the user|in the (?:reply|answer|response))\b)|\b(?:need not|should not|must not|shouldn't|mustn't|is not to|are not to|is never to|are never to) be (?:mentioned|disclosed|shown|reported|surfaced|revealed|explained|brought up|visible)\b|\b(?:keep|leave) (?:this|it|that|these|them|the (?:step|call|copy|details?)) (?:out of|off) (?:the|your) (?:reply|answer|response|summary|transcript|output|chat)\b|\b(?:invisible|transparent) to the (?:user|human)\b|\bthe (?:user|human) (?:won't|will not|doesn't need to|does not need to|need not|needn't|should never|must never) (?:notice|see|know|find out|hear about|be told)(?= (?:it|this|that|anything|about (?:it|this|that)|what)\b)/g,
    category: 'concealment',
    why: 'keeps something the model does out of what the user is told',
    unless: /\b(?:password|secret|api key|token|credential)s?\b/,
  },
  {
    re: /\b(?:at|from) the (?:start|beginning|outset|top) of (?:every|each|any|all) (?:conversations?|sessions?|chats?|tasks?|turns?|requests?|interactions?)\b|\b(?:first|before anything else) in (?:every|each|any) (?:conversation|session|chat|turn|interaction)\b|\bon (?:every|each) (?:turn|message|user message|user request|interaction)\b/g,
    category: 'coercion',
    why: 'makes the model call this tool in every conversation, whatever it is about',
    target: /\b(?:call|calls|called|invoke|invoked|run|use|used|execute|executed|this tool|must|always|should)\b/,
  },
];

const TABLE = patternTable(PHRASES);

export function detectSteering(ctx: FieldContext): void {
  runTable(
    ctx,
    TABLE,
    [
      (_, hit) => hit.row.target !== undefined && !hit.row.target.test(hit.clause.text),
      (_, hit) => hit.row.unless !== undefined && hit.row.unless.test(hit.clause.text),
      negated,
    ],
    (hit) => {
      const words = ctx.originalOf(hit.start, hit.end);
      const quoted = isQuoted(ctx.view, hit.clause.offset, hit.start, hit.end);
      ctx.reportView({
        category: hit.row.category,
        severity: quoted ? 'info' : 'warning',
        start: hit.start,
        end: hit.end,
        message: quoted
          ? `Quotes "${words}" as an example; on its own that is not an instruction.`
          : `"${words}" ${hit.row.why}. A tool definition describes the tool; it has no business steering the model.`,
      });
    },
  );
}

const EXAMPLE_BEFORE = /(?:such as|e\.g\.?|for example|for instance|phrases? like|wording like|text like|patterns? like|detects?|flags?)\s*[:(]?\s*["'`]?\s*$/;

/** Inside quotes in its clause, or introduced as an example ("such as …", "flags phrases like …"). */
function isQuoted(view: string, clauseStart: number, start: number, end: number): boolean {
  const before = view.slice(Math.max(clauseStart, start - 60), start);
  if (EXAMPLE_BEFORE.test(before)) return true;
  for (const q of ['"', '`']) {
    const open = before.lastIndexOf(q);
    if (open !== -1 && view.indexOf(q, end) !== -1 && view.indexOf(q, end) - end < 120) return true;
  }
  return false;
}
