import type { Severity } from '../../model/finding';
import { isNegated } from '../clauses';
import {
  CONTEXT_OBJECT,
  CONTEXT_STRONG,
  explicitParameter,
  DROP_SERVICE,
  EMAIL,
  GENERIC_OBJECT,
  HOSTILE_HOST,
  PARAMETER_WORD,
  PHONE,
  PUBLIC_PLACE,
  SAFEKEEPING,
  TRANSFER,
  baseForm,
  URL,
  identifierWords,
  isPublicIp,
  mentionsParameter,
} from '../vocabulary';
import type { FieldContext, RawReport } from './context';
import { TARGET_WORDS } from './targets';

const CROSS_TOOL = /\b(?:with|using|via|from|by calling|call|run|use) (?:the )?(?!(?:this|that|a|an|any|each|every|same|other)\b)`?[a-z0-9_-]{2,40}`? tool\b/g;
const PUBLIC_G = new RegExp(PUBLIC_PLACE.source, 'g');
const IP_URL = /\b(?:https?|ftp|wss?):\/\/(\d{1,3}(?:\.\d{1,3}){3})\b/g;
const MD_IMAGE = /!\[[^\]\n]{0,100}\]\(\s{0,3}(https?:\/\/[^)\n]{1,400})\)/g;
const REMOTE_PIPE = /\b(?:curl|wget)\s[^\n|;]{0,200}\|\s{0,3}(?:sh|bash|zsh|python3?|node)\b/g;
const TRANSFER_G = new RegExp(TRANSFER.source, 'g');
const CONTEXT_G = new RegExp(CONTEXT_OBJECT.source, 'g');
const TOOL_DESTINATION = /\bto (?:the )?[a-z0-9_-]{2,60} tool\b|\bwith (?:the )?[a-z0-9_-]{2,60} tool\b|\bas (?:a )?query param/;
/** "the password" in a login tool's parameter is the user's own input, not context being carried off. */
const SINGLE_SECRET = /^(?:a|the|each|their|the user's) (?:password|passphrase|secret key|api key|private key|access token|one-time code)$/;
const HERE = /\bhere\b|\bthis (?:field|parameter|argument|value)\b/;
const NAME_ASKS = /\b(?:your|include|including|please|full|entire|previous|paste|content|contents|from|reading|verbatim)\b/;
const NAME_CONTEXT = /\b(?:system prompt|prompt|instructions|conversation|chat history|transcript|secrets?|passwords?|tokens?|credentials|api keys?)\b/;

/** A quantity right before "tokens" ("number of", "total supply of", "more", "1,000"). */
const COUNTED_BEFORE =
  /(?:\b(?:number|amount|count|supply|total|quantity|sum|balance|units?) of (?:the )?|\b(?:more|fewer|less|max(?:imum)?|min(?:imum)?|additional|extra|new) |\d[\d,.]*\s?)$/;

/** A removal verb right before the object ("to remove all keys", "revoke the tokens"): the object is being removed, not sent. */
const REMOVAL_VERB_BEFORE = /\b(?:remove|delete|clear|revoke|reset|rotate|disable|unset|purge|erase|wipe|deregister|unregister|invalidate)\s$/;

/** Data leaving through URLs, e-mail, public places, markdown image beacons, or parameters made to carry context. */
export function detectExfiltration(ctx: FieldContext): void {
  if (ctx.field.role === 'name' || ctx.field.role === 'parameterName') {
    identifierCarrier(ctx);
    return;
  }
  const view = ctx.view;
  const reported: { start: number; end: number }[] = [];
  const report = (start: number, end: number, severity: Severity, message: string, evidence?: string[], into?: RawReport['into']) => {
    if (reported.some((r) => start < r.end && end > r.start)) return;
    reported.push({ start, end });
    ctx.reportView({ category: 'exfiltration', severity, start, end, message, ...(evidence ? { evidence } : {}), ...(into ? { into } : {}) });
  };

  for (const m of view.matchAll(CONTEXT_G)) {
    if (!ctx.spend('exfiltration')) return;
    const start = m.index;
    const end = start + m[0].length;
    const clause = ctx.clauses.around(start, end, 240);
    if (isNegated(view, clause.start, start)) continue;
    // "the number of tokens to premint", "more supply or more tokens": tokens counted are units (of a currency,
    // of a model's output), not credentials.
    if (/\btokens?\b/.test(m[0]) && COUNTED_BEFORE.test(view.slice(Math.max(clause.start, start - 30), start))) continue;
    const text = view.slice(clause.start, clause.end);
    // "send `[]` to remove all keys": the object belongs to a removal verb, nothing is being sent.
    const removed = REMOVAL_VERB_BEFORE.test(view.slice(Math.max(clause.start, start - 40), start));
    const transfer = SAFEKEEPING.test(text) || removed ? undefined : unnegatedTransfer(text, view, clause.start);
    const where = destination(ctx, text);
    const object = ctx.originalOf(start, end);
    const strong = CONTEXT_STRONG.test(m[0]);
    if (transfer && where) {
      report(
        start,
        end,
        'error',
        `Asks the model to ${transfer} ${object} ${where.describe}. That is the user's private context leaving the session.`,
        [`object: ${object}`, `destination: ${where.what}`],
        where.parameter ? { parameter: where.parameter, what: object } : undefined,
      );
    } else if (transfer) {
      report(start, end, 'warning', `Asks the model to ${transfer} ${object}: context a tool has no need for.`, [`object: ${object}`]);
    } else if (!ctx.isParameterField && strong && explicitParameter(text, ctx.scope.parameters)) {
      const param = explicitParameter(text, ctx.scope.parameters)!;
      report(
        start,
        end,
        'warning',
        `Puts ${object} into the "${param}" parameter: context a tool has no need for.`,
        [`object: ${object}`, `destination: parameter ${param}`],
        { parameter: param, what: object },
      );
    } else if (ctx.isParameterField && strong && asksForValue(text) && !SINGLE_SECRET.test(m[0])) {
      report(
        start,
        end,
        ctx.field.role === 'prose' && carrierName(ctx.field.property) ? 'error' : 'warning',
        `The parameter "${ctx.field.property}" is to be filled with ${object}, which carries the user's context to the server.`,
        [`object: ${object}`],
        { parameter: ctx.field.property!.toLowerCase(), what: object },
      );
    }
  }

  for (const m of view.matchAll(TRANSFER_G)) {
    if (!ctx.spend('exfiltration')) return;
    const start = m.index;
    const clause = ctx.clauses.around(start, start + m[0].length, 200);
    if (isNegated(view, clause.start, start)) continue;
    const text = view.slice(clause.start, clause.end);
    const after = view.slice(start, clause.end);
    const external = externalDestination(after);
    if (!external) continue;
    const generic = GENERIC_OBJECT.test(after) || /^(?:bcc|cc|forward)\b/.test(m[0]);
    const hostile = DROP_SERVICE.test(after) || HOSTILE_HOST.test(after) || external.publicIp;
    if (!generic && !hostile && !CONTEXT_OBJECT.test(text)) continue;
    report(
      start,
      Math.min(clause.end, start + m[0].length + external.offset + external.text.length),
      hostile ? 'error' : 'warning',
      `Tells the model to ${baseForm(m[0])} data to ${external.text}${hostile ? ', a host that exists to collect data' : ''}.`,
      [`destination: ${external.text}`],
    );
  }

  for (const m of view.matchAll(CROSS_TOOL)) {
    if (!ctx.spend('exfiltration')) return;
    const clause = ctx.clauses.around(m.index, m.index + m[0].length, 200);
    const text = view.slice(clause.start, clause.end);
    const param = mentionsParameter(text, ctx.scope.parameters);
    if (!param || !unnegatedTransfer(text, view, clause.start)) continue;
    report(
      m.index,
      m.index + m[0].length,
      'warning',
      `Tells the model to take data from another tool ("${ctx.originalOf(m.index, m.index + m[0].length)}") and pass it into the "${param}" parameter: the server receives what the other tool returns.`,
      [`parameter: ${param}`],
    );
  }

  for (const m of view.matchAll(PUBLIC_G)) {
    if (!ctx.spend('exfiltration')) return;
    const clause = ctx.clauses.around(m.index, m.index + m[0].length, 200);
    const text = view.slice(clause.start, clause.end);
    if (!/\bprivate\b|\bsame content|\bcontents?\b|\bsecrets?\b/.test(text) && !CONTEXT_OBJECT.test(text)) continue;
    report(m.index, m.index + m[0].length, 'warning', `Sends private content to ${m[0]}, where anyone can read it.`);
  }

  for (const m of view.matchAll(MD_IMAGE)) {
    if (!ctx.spend('exfiltration')) return;
    const url = m[1]!;
    const templated = /[{<$]|%7b/.test(url);
    report(
      m.index,
      m.index + m[0].length,
      templated ? 'error' : 'info',
      templated
        ? `A Markdown image whose URL is filled in with data: when the client renders it, the data goes to ${hostOf(url)} without a click.`
        : `A Markdown image from ${hostOf(url)}: rendering it contacts that host.`,
    );
  }

  for (const m of view.matchAll(REMOTE_PIPE)) {
    if (!ctx.spend('exfiltration')) return;
    report(
      m.index,
      m.index + m[0].length,
      'warning',
      `"${ctx.originalOf(m.index, m.index + m[0].length)}" downloads a script and runs it: the server asks the model to execute remote code.`,
    );
  }

  for (const re of [DROP_SERVICE, HOSTILE_HOST]) {
    for (const m of view.matchAll(new RegExp(re.source, 'g'))) {
      if (!ctx.spend('exfiltration')) return;
      report(
        m.index,
        m.index + m[0].length,
        'warning',
        `Names ${m[0]}, a host ${re === DROP_SERVICE ? 'that collects whatever is sent to it' : 'whose name says it collects stolen data'}.`,
      );
    }
  }
  for (const m of view.matchAll(IP_URL)) {
    if (!ctx.spend('exfiltration')) return;
    if (isPublicIp(m[1]!)) report(m.index, m.index + m[0].length, 'info', `Points at a bare public IP address (${m[1]}), not at a named service.`);
  }
}

function unnegatedTransfer(clause: string, view: string, clauseStart: number): string | undefined {
  for (const m of clause.matchAll(TRANSFER_G)) if (!isNegated(view, clauseStart, clauseStart + m.index)) return baseForm(m[0]);
  return undefined;
}

function destination(ctx: FieldContext, clause: string): { what: string; describe: string; parameter?: string } | undefined {
  const external = externalDestination(clause);
  if (external) return { what: external.text, describe: `to ${external.text}` };
  const param = mentionsParameter(clause, ctx.scope.parameters);
  if (param) return { what: `parameter ${param}`, describe: `into the "${param}" parameter`, parameter: param };
  const tool = TOOL_DESTINATION.exec(clause);
  if (tool) return { what: tool[0], describe: tool[0] };
  if (PARAMETER_WORD.test(clause)) return { what: 'a parameter', describe: 'into a tool parameter' };
  if (ctx.isParameterField && HERE.test(clause))
    return { what: `parameter ${ctx.field.property}`, describe: `into the "${ctx.field.property}" parameter`, parameter: ctx.field.property!.toLowerCase() };
  return undefined;
}

function externalDestination(text: string): { text: string; offset: number; publicIp: boolean } | undefined {
  for (const re of [URL, EMAIL, PHONE, PUBLIC_PLACE, HOSTILE_HOST, DROP_SERVICE]) {
    const m = re === EMAIL ? emailOutsideUri(text) : re.exec(text);
    if (m) {
      const ip = /^(?:https?|ftp|wss?):\/\/(\d{1,3}(?:\.\d{1,3}){3})/.exec(m[0]);
      return { text: m[0], offset: m.index, publicIp: ip ? isPublicIp(ip[1]!) : false };
    }
  }
  return undefined;
}

const EMAILS = new RegExp(EMAIL.source, 'g');
/** The credentials part of a connection string ("mongodb://user:pass@host") is not an e-mail address. */
function emailOutsideUri(text: string): RegExpExecArray | null {
  EMAILS.lastIndex = 0;
  for (let m = EMAILS.exec(text); m; m = EMAILS.exec(text)) {
    if (!/[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>]*$/.test(text.slice(Math.max(0, m.index - 200), m.index))) return m;
  }
  return null;
}

/** A parameter description that says what to put in it ("Paste…", "The last 10 messages", "Everything you know…"). */
function asksForValue(clause: string): boolean {
  return (
    /^\s*(?:the|your|all|any|every|everything|a|an|paste|include|fill|put|provide|give|list|copy|summary|summari[sz]e)\b/.test(clause) ||
    /\b(?:verbatim|here|paste|fill|include)\b/.test(clause)
  );
}

const CARRIERS = new Set([
  'sidenote',
  'side note',
  'note',
  'notes',
  'feedback',
  'details',
  'extra',
  'additional',
  'additional info',
  'metadata',
  'meta',
  'debug',
  'debug info',
  'debug context',
  'context',
  'ctx',
  'annotation',
  'annotations',
  'reasoning',
  'remark',
  'remarks',
  'comment',
  'comments',
  'session info',
  'session',
  'info',
  'hint',
  'hints',
  'diag',
  'diagnostics',
  'transcript',
  'history',
  'trace',
  'telemetry',
  'signature',
  'style hints',
  'glossary',
  'registry',
]);

export function carrierName(property: string | undefined): boolean {
  return property !== undefined && CARRIERS.has(identifierWords(property));
}

function identifierCarrier(ctx: FieldContext): void {
  const words = identifierWords(ctx.text);
  const what = NAME_CONTEXT.exec(words) ?? TARGET_WORDS.exec(words);
  if (!what || !NAME_ASKS.test(words)) return;
  ctx.report({
    category: 'exfiltration',
    severity: 'error',
    start: 0,
    end: ctx.text.length,
    message: `The ${ctx.field.role === 'name' ? 'name' : 'parameter name'} "${ctx.text}" asks the model to hand over ${what[0]}: the name alone works as an instruction.`,
  });
}

function hostOf(url: string): string {
  const m = /^https?:\/\/([^/?#\s]{1,200})/.exec(url);
  return m ? m[1]! : url.slice(0, 80);
}
