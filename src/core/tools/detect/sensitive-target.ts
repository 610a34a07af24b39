import type { Severity } from '../../model/finding';
import { isNegated } from '../clauses';
import { ACQUIRE, baseForm, CONTENT, EMAIL, ORDERING, PARAMETER_WORD, SAFEKEEPING, TRANSFER, URL, identifierWords, mentionsParameter } from '../vocabulary';
import { combine, matchCombined, type FieldContext } from './context';
import { TARGETS, TARGET_WORDS } from './targets';

const CONTENT_CUE = /\b(?:content|contents|from|reading|read|include|paste|full|dump|value|values|your|copy|cat)\b/;
const SECRET_ANCHOR = /SECRET|TOKEN|PASSW(?:OR)?D|API_?KEY|PRIVATE_KEY|ACCESS_KEY/g;
const TOOL_DESTINATION = /\bto (?:the )?[a-z0-9_-]{2,60} tool\b|\bin (?:your|the|every) (?:answer|reply|response)\b|\bto every answer\b/;
const HERE = /\bhere\b|\bthis (?:field|parameter|argument|value)\b/;

const ALL_TARGETS = combine(TARGETS.map((t) => t.re));

/** A target is shown with the rest of its path ("~/.config/app/key.pem"), up to this many characters back. */
const PATH_REACH = 80;
const PATH_CHAR = /[a-z0-9_~/.-]/;

interface Hit {
  start: number;
  end: number;
  what: string[];
}

/** The same request in the passive voice: "the contents of ~/.npmrc are supplied as the context argument". */
const PASSIVE_TRANSFER =
  /\b(?:is|are|be|been|gets?|get) (?:attached|supplied|provided|passed|included|sent|uploaded|pasted|added|appended|forwarded|copied|shared|given)\b/;

/** SSH keys, .env, cloud credentials, MCP configs, browser data — and whether the text asks for them. */
export function detectSensitiveTargets(ctx: FieldContext): void {
  if (ctx.field.role === 'name' || ctx.field.role === 'parameterName') {
    identifierTarget(ctx);
    return;
  }
  for (const hit of mergeHits(findTargets(ctx))) {
    if (!ctx.spend('sensitive-target')) return;
    const view = ctx.view;
    const clause = ctx.clauses.around(hit.start, hit.end, 240);
    if (isNegated(view, clause.start, hit.start)) continue;
    const text = view.slice(clause.start, clause.end);
    const transfer = SAFEKEEPING.test(text)
      ? undefined
      : (firstUnnegated(TRANSFER, text, view, clause.start) ?? firstUnnegated(PASSIVE_TRANSFER, text, view, clause.start));
    const acquire = firstUnnegated(ACQUIRE, text, view, clause.start);
    const content = CONTENT.test(text);
    const dest = destinationIn(ctx, text, clause.start);
    let severity: Severity = 'info';
    let why = 'mentions it';
    if (transfer && (dest || content)) {
      severity = 'error';
      why = `asks the model to ${transfer.word}${content ? ' its contents' : ' it'}${dest ? ` ${dest.describe}` : ''}`;
      const at = dest ?? { start: transfer.index, end: transfer.index + transfer.word.length, describe: '' };
      ctx.reportView({
        category: 'exfiltration',
        severity: 'error',
        start: at.start,
        end: at.end,
        message: `"${ctx.originalOf(at.start, at.end)}" is where the text tells the model to put ${hit.what[0]} ("${ctx.originalOf(hit.start, hit.end)}"): a channel that carries the secret out to whoever runs this server.`,
        evidence: [`secret: ${hit.what[0]}`, `verb: ${transfer.word}`],
        ...(dest?.parameter ? { into: { parameter: dest.parameter, what: `the contents of "${ctx.originalOf(hit.start, hit.end)}"` } } : {}),
      });
    } else if (transfer) {
      severity = 'warning';
      why = `asks the model to ${transfer.word} it`;
    } else if (acquire && (content || dest || ORDERING.test(text))) {
      severity = 'warning';
      why = `asks the model to ${acquire.word} it${content ? ' and use its contents' : ''}`;
    } else if (ctx.isParameterField && content) {
      severity = 'warning';
      why = 'asks for its contents as the value of a parameter';
    }
    ctx.reportView({
      category: 'sensitive-target',
      severity,
      start: hit.start,
      end: hit.end,
      message:
        severity === 'info'
          ? `Mentions ${hit.what[0]} ("${ctx.originalOf(hit.start, hit.end)}"); nothing here asks the model to read or send it.`
          : `"${ctx.originalOf(hit.start, hit.end)}" is ${hit.what[0]}, and the text ${why}. A tool never needs the model to fetch credentials for it.`,
      evidence: hit.what.map((w) => `target: ${w}`),
    });
  }
}

function findTargets(ctx: FieldContext): Hit[] {
  const view = ctx.view;
  const hits: Hit[] = [];
  for (const m of matchCombined(view, ALL_TARGETS)) {
    if (hits.length > 2000) return hits;
    let start = m.index;
    while (start < m.index + m.text.length && !/[.~/a-z_]/.test(view[start]!)) start++;
    const floor = Math.max(0, m.index - PATH_REACH);
    while (start > floor && PATH_CHAR.test(view[start - 1]!)) start--;
    hits.push({ start, end: m.index + m.text.length, what: [TARGETS[m.which]!.what] });
  }
  for (const m of ctx.text.matchAll(SECRET_ANCHOR)) {
    if (hits.length > 2000) break;
    let s = m.index;
    let e = m.index + m[0].length;
    while (s > 0 && m.index - s < 40 && /[A-Z0-9_]/.test(ctx.text[s - 1]!)) s--;
    while (e < ctx.text.length && e - m.index < 60 && /[A-Z0-9_]/.test(ctx.text[e]!)) e++;
    if (s === m.index && e === m.index + m[0].length) continue;
    if (!/^[A-Z]/.test(ctx.text[s]!) || (s > 0 && /[a-z]/.test(ctx.text[s - 1]!)) || /[a-z]/.test(ctx.text[e] ?? '')) continue;
    const fs = foldedIndex(ctx, s);
    const fe = foldedIndex(ctx, e);
    if (fe > fs) hits.push({ start: fs, end: fe, what: [`the secret environment variable ${ctx.text.slice(s, e)}`] });
  }
  return hits;
}

/** Adjacent matches on one path ("~/.ssh" + "id_rsa") become one hit. */
function mergeHits(hits: Hit[]): Hit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Hit[] = [];
  for (const h of hits) {
    const last = merged[merged.length - 1];
    if (last && h.start <= last.end + 1) {
      if (h.end > last.end) last.end = h.end;
      for (const w of h.what) if (!last.what.includes(w)) last.what.unshift(w);
    } else merged.push({ ...h, what: [...h.what] });
  }
  return merged;
}

function foldedIndex(ctx: FieldContext, original: number): number {
  const starts = ctx.folded.starts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstUnnegated(re: RegExp, clause: string, view: string, clauseStart: number): { word: string; index: number } | undefined {
  const global = new RegExp(re.source, 'g');
  for (const m of clause.matchAll(global)) {
    if (!isNegated(view, clauseStart, clauseStart + m.index)) return { word: baseForm(m[0]), index: clauseStart + m.index };
  }
  return undefined;
}

interface Destination {
  start: number;
  end: number;
  describe: string;
  /** Set when the destination is one of the definition's own parameters (lower case). */
  parameter?: string;
}

/** Where the clause sends something: one of the tool's parameters, a URL or address, another tool, "here". */
function destinationIn(ctx: FieldContext, clause: string, offset: number): Destination | undefined {
  const param = mentionsParameter(clause, ctx.scope.parameters);
  if (param) {
    const m = new RegExp(String.raw`(?<![a-z0-9_])${param.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z0-9_])`).exec(clause)!;
    return { start: offset + m.index, end: offset + m.index + param.length, describe: `into the "${param}" parameter`, parameter: param };
  }
  for (const [re, describe] of [
    [URL, 'to a web address'],
    [EMAIL, 'to an e-mail address'],
    [TOOL_DESTINATION, 'to another tool or into the answer'],
    [PARAMETER_WORD, 'into a tool parameter'],
  ] as const) {
    const m = re.exec(clause);
    if (m) return { start: offset + m.index, end: offset + m.index + m[0].length, describe };
  }
  if (ctx.isParameterField) {
    const m = HERE.exec(clause);
    if (m)
      return {
        start: offset + m.index,
        end: offset + m.index + m[0].length,
        describe: `into the "${ctx.field.property}" parameter`,
        parameter: ctx.field.property!.toLowerCase(),
      };
  }
  return undefined;
}

function identifierTarget(ctx: FieldContext): void {
  const words = identifierWords(ctx.text);
  const m = TARGET_WORDS.exec(words);
  if (!m) return;
  const asks = ctx.field.role === 'parameterName' && CONTENT_CUE.test(words);
  ctx.report({
    category: 'sensitive-target',
    severity: asks ? 'error' : 'info',
    start: 0,
    end: ctx.text.length,
    message: asks
      ? `The ${ctx.field.role === 'name' ? 'name' : 'parameter name'} "${ctx.text}" itself asks for ${m[0]} data: the model reads names as instructions too.`
      : `The ${ctx.field.role === 'name' ? 'name' : 'parameter name'} "${ctx.text}" refers to ${m[0]}.`,
  });
}

export { foldedIndex };
