import { isNegated } from '../clauses';
import type { FieldContext } from './context';
import { patternTable, runTable } from './table';

/**
 * Cross-tool chains: a definition that orders the model to call, or to change the call of, a tool
 * this server does not provide ("before using `open_nodes`, you must call `read_graph`", "when
 * using `search_papers`, always append …", "you must run `migrate-reset` first"). A definition
 * describes its own tool; ordering between a server's own tools is a workflow note and stays quiet,
 * and so does a negated order ("do not call …"). The tool may be named in backticks or quotes, or bare
 * when it is shaped like a tool name (snake_case, kebab-case, camelCase).
 */
const NAME = String.raw`(?:\x60[a-z][\w.:/-]{1,60}\x60|'[a-z][\w.:/-]{1,60}'|"[a-z][\w.:/-]{1,60}"|[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+|[a-z]{3,40})`;
const CALL = String.raw`(?:use|call|invoke|trigger|run|execute|fetch|request)`;

const PATTERNS: { re: RegExp; kind: 'trigger' | 'order' | 'all' }[] = [
  {
    // "Before using X", "when calling X", "after you run X": an order follows in the clause.
    re: new RegExp(
      String.raw`\b(?:before|after|prior to|when(?:ever)?|once|each time|every time)\s(?:you\s(?:use|call|run|invoke|launch|execute)|(?:using|calling|invoking|running|launching|executing))\s(?:the\s)?${NAME}`,
    ),
    kind: 'trigger',
  },
  {
    // "you must call X", "first use X", "automatically call X".
    re: new RegExp(
      String.raw`\b(?:you\s(?:must|should|need to|have to|are required to)|must|always|first|please|automatically|requires calling)\s(?:first\s|also\s|always\s)?(?:${CALL}\s)?(?:the\s)?${NAME}`,
    ),
    kind: 'order',
  },
  {
    // A bare imperative that puts a call ahead of the work ("Before running, call read_file to get the
    // config.", "First, invoke `sync_all`."): the model is being told to call something first.
    re: new RegExp(String.raw`(?:^|[.;:!?]\s|\n)(?:before (?:[a-z]+ing|you [a-z]+|anything)(?:\s[a-z]+){0,3},?\s|first,?\s)(?:call|invoke)\s(?:the\s)?${NAME}`),
    kind: 'order',
  },
  {
    // "all `X` requests must …", "in any `X` call".
    re: new RegExp(String.raw`\b(?:all|any|every|each)\s${NAME}\s(?:requests?|calls?|queries|searches|lookups|invocations)\b`),
    kind: 'all',
  },
];

const TABLE = patternTable(PATTERNS, 'shadowing');
const NAME_AT_END = new RegExp(String.raw`${NAME}$`);
/** What makes the clause an order about the other tool's call (for the trigger form). */
const ORDER_WORDS =
  /\b(?:must|should|always|first|need to|have to|required|mandatory|set|append|prepend|override|replace|modify|change|add|ignore|remove|skip|include|use|call|invoke|trigger|run|execute|fetch|request|search|send|read)\b/;
/** Words that are never a tool's name even when an order names them bare. */
const PLAIN_WORDS = new Set([
  'this',
  'that',
  'the',
  'these',
  'those',
  'it',
  'them',
  'any',
  'all',
  'each',
  'every',
  'other',
  'another',
  'tool',
  'tools',
  'function',
  'command',
  'a',
  'an',
  'its',
  'your',
  'our',
  'one',
  'both',
]);

export function detectChains(ctx: FieldContext): void {
  if (ctx.isParameterField) return;
  const view = ctx.view;
  const self = ctx.scope.target.name.toLowerCase();
  // The tool's name ends the match (or comes before "requests"/"calls"); the finding spans the whole order.
  runTable(ctx, TABLE, [], ({ row: p, text, index }) => {
    const head = p.kind === 'all' ? text.replace(/\s(?:requests?|calls?|queries|searches|lookups|invocations)$/, '') : text;
    const found = NAME_AT_END.exec(head);
    if (!found) return;
    const raw = found[0];
    const start = index + found.index;
    const end = start + raw.length;
    const quoted = /^[`'"]/.test(raw);
    const name = quoted ? raw.slice(1, -1) : raw;
    const verb = /\b(use|call|invoke|trigger|run|execute|fetch|request|calling)\s(?:the\s)?\S+$/.exec(head)?.[1];
    if (!toolShaped(ctx, { name, quoted, start, end, strongVerb: verb !== undefined && verb !== 'use', bareOk: p.kind !== 'order' || verb !== undefined }))
      return;
    if (name === self || ctx.scope.ownTools.has(name) || ctx.scope.parameters.has(name) || ownInOtherCase(ctx, name)) return;
    const clause = ctx.clauses.textAround(index, end, 200);
    if (isNegated(view, clause.offset, index, 40)) return;
    if (p.kind !== 'order' && !ORDER_WORDS.test(view.slice(end, clause.offset + clause.text.length))) return;
    const shown = ctx.originalOf(start + (quoted ? 1 : 0), end - (quoted ? 1 : 0));
    ctx.reportView({
      category: 'shadowing',
      severity: 'warning',
      start: index,
      end,
      message: `"${ctx.originalOf(index, end)}" orders the model to call or change "${shown}", a tool this server does not provide: a description should only describe its own tool.`,
      evidence: [`referenced tool: ${shown}`],
    });
  });
}

/**
 * A name that reads as a tool: quoted or backticked and shaped like an identifier (or after a call
 * word, or followed by "tool"), or bare and shaped like an identifier. A bare hyphenated word
 * ("double-check", "three-part") is English unless it follows a call word or "using".
 */
function toolShaped(ctx: FieldContext, c: { name: string; quoted: boolean; start: number; end: number; strongVerb: boolean; bareOk: boolean }): boolean {
  const { name, quoted, start, end } = c;
  if (PLAIN_WORDS.has(name) || /^\d/.test(name) || name.includes('/') || name.includes('.') || name.length < 3) return false;
  const toolAfter = /^\s(?:tool|function)\b/.test(ctx.view.slice(end, end + 10));
  const camel = /[a-z][A-Z]/.test(ctx.originalOf(start, end));
  if (quoted) return /[_-]/.test(name) || camel || c.strongVerb || toolAfter;
  if (toolAfter) return true;
  // "use the account_id": a bare name after "the" is a field unless "tool" follows.
  if (!c.bareOk || /\bthe\s$/.test(ctx.view.slice(Math.max(0, start - 4), start))) return false;
  if (name.includes('_') || camel) return true;
  return (
    name.includes('-') &&
    (c.strongVerb || /(?:using|calling|invoking|running|launching|executing)\s(?:the\s)?$/.test(ctx.view.slice(Math.max(0, start - 20), start)))
  );
}

/** "runRollbackPipeline" for the server's own `run_rollback_pipeline`: the same tool written in another case. */
function ownInOtherCase(ctx: FieldContext, name: string): boolean {
  const key = name.replace(/[^a-z0-9]/g, '');
  if (key.length < 4) return false;
  for (const own of ctx.scope.ownTools) if (own.replace(/[^a-z0-9]/g, '') === key) return true;
  return false;
}
