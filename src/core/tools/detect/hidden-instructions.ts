import { isQuotedOrExample } from '../clauses';
import type { FieldContext } from './context';
import { plural } from '../../text/plural';

const TAG_NAMES = String.raw`[a-z]{2,20}[-_](?:update|override|instructions?|directive|policy|prompt)|important|system|sys|instructions?|secret|hidden|admin|critical|urgent|override|assistant|developer|internal|confidential|priority|mandatory|rules|system[-_ ](?:prompt|message|reminder|note|override|instructions?)|(?:ai|llm|model|agent|assistant)[-_ ](?:instructions?|note|only)|note[-_ ]to[-_ ](?:ai|model|assistant|llm|agent)|hidden[-_ ]instructions?`;
const OPEN_TAG = new RegExp(String.raw`<\s{0,3}(${TAG_NAMES})(?=[\s>/])[^<>\n]{0,120}>`, 'g');
const CHAT_TOKEN =
  /<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id)\|>|\[\/?inst\]|<<\/?sys>>|\[(?:system|hidden|internal|secret|private|admin)(?: (?:instructions?|directive|command|message|note|prompt))?\]/g;
const TURN = /(?:^|\n)[ \t]{0,8}(?:#{1,4}[ \t]{0,3})?(system|assistant|developer|human|ai|user)[ \t]{0,3}:[ \t]{0,3}([^\n]{0,200})/g;
const UPPER_TURN = /\b(SYSTEM|ASSISTANT)\s{0,2}:\s?([^\n]{0,200})/g;
/** Text that turns to the model itself; group 1 marks the milder "note for the AI" form. */
const ADDRESS =
  /\b(?:secret|hidden|private|internal|real) (?:instructions?|notes?|messages?|directives?) (?:for|to) (?:the )?(?:model|ai|assistant|llm|agent)s?\b|\bif you(?:'re| are) an? (?:ai (?:model|assistant|agent)|ai|llm|language model|assistant|agent|model|bot)\b|\bthe real instructions (?:are|follow)\b|\b(note|message) (?:for|to) (?:the )?(?:ai|model|assistant|llm|agent)s?\b/g;
const ADDRESSES_MODEL = /\b(?:you|your|assistant|must|always|never|ignore|do not|don't|from now on|the ai|the model|before|after|read|send|include|pass)\b/;
const IMPERATIVE = /\b(?:you|your|must|always|never|do not|don't|before|after|read|send|include|pass|call|use|ignore|make sure|should|need to)\b/;

/** Instruction blocks aimed at the model: `<IMPORTANT>`-style tags, chat-template tokens, fake turns, HTML comments. */
export function detectHiddenInstructions(ctx: FieldContext): void {
  const view = ctx.view;
  tagBlocks(ctx, view);
  for (const m of view.matchAll(CHAT_TOKEN)) {
    if (!ctx.spend('hidden-instructions')) return;
    const clause = ctx.clauses.around(m.index, m.index + m[0].length);
    if (isQuotedOrExample(view, clause.start, m.index, m.index + m[0].length)) continue;
    ctx.reportView({
      category: 'hidden-instructions',
      severity: 'warning',
      start: m.index,
      end: m.index + m[0].length,
      message: `"${ctx.originalOf(m.index, m.index + m[0].length)}" is a chat-template control token: it makes the text after it look like a system or assistant turn to the model.`,
    });
  }
  fakeTurns(ctx, view);
  for (const m of view.matchAll(ADDRESS)) {
    if (!ctx.spend('hidden-instructions')) return;
    const strong = m[1] === undefined;
    ctx.reportView({
      category: 'hidden-instructions',
      severity: strong ? 'warning' : 'info',
      start: m.index,
      end: m.index + m[0].length,
      message: strong
        ? `"${ctx.originalOf(m.index, m.index + m[0].length)}" speaks to the model behind the user's back: instructions meant for the AI, not documentation for the person.`
        : `"${ctx.originalOf(m.index, m.index + m[0].length)}" addresses the model directly; check that what follows is usage guidance.`,
    });
  }
  htmlComments(ctx);
}

function tagBlocks(ctx: FieldContext, view: string): void {
  const nextClose = new Map<string, number>();
  for (const m of view.matchAll(OPEN_TAG)) {
    if (!ctx.spend('hidden-instructions')) return;
    const name = m[1]!;
    const openEnd = m.index + m[0].length;
    let close = nextClose.get(name);
    if (close === undefined || (close !== -1 && close < openEnd)) {
      close = findClose(view, name, openEnd);
      nextClose.set(name, close);
    }
    const clause = ctx.clauses.around(m.index, openEnd);
    const quoted = isQuotedOrExample(view, clause.start, m.index, openEnd) || /\b(?:fake|an?|the)\s$/.test(view.slice(Math.max(0, m.index - 6), m.index));
    const tagText = ctx.originalOf(m.index, openEnd);
    if (close !== -1 && !quoted) {
      const inner = view.slice(openEnd, close);
      const end = view.indexOf('>', close) + 1 || close;
      const imperative = IMPERATIVE.test(inner.slice(0, 4000));
      ctx.reportView({
        category: 'hidden-instructions',
        severity: 'warning',
        start: m.index,
        end,
        message: `A ${tagText}…${ctx.originalOf(close, end)} block${imperative ? ' gives orders to the model' : ''}: tags like this are how poisoned tools mark instructions the user never sees in the client UI.`,
        evidence: [`tag: ${tagText}`, `block length: ${plural(end - m.index, 'character')}`],
      });
    } else {
      const rest = view.slice(openEnd, openEnd + 200);
      const atLineStart = m.index === 0 || view[m.index - 1] === '\n' || view[m.index - 1] === ' ';
      const substantial = !quoted && atLineStart && rest.trim().length >= 20 && IMPERATIVE.test(rest);
      ctx.reportView({
        category: 'hidden-instructions',
        severity: substantial ? 'warning' : 'info',
        start: m.index,
        end: openEnd,
        message: substantial
          ? `${tagText} opens an instruction block for the model (not closed in this field).`
          : `Mentions the tag ${tagText}; no instruction block follows it here.`,
      });
    }
  }
}

function findClose(view: string, name: string, from: number): number {
  const re = new RegExp(String.raw`<\s{0,3}/\s{0,3}${name.replace(/[-_ ]/g, '[-_ ]')}\s{0,3}>`, 'g');
  re.lastIndex = from;
  const m = re.exec(view);
  return m ? m.index : -1;
}

function fakeTurns(ctx: FieldContext, view: string): void {
  const turns: { index: number; role: string; rest: string; end: number }[] = [];
  for (const m of view.matchAll(TURN)) {
    if (!ctx.spend('hidden-instructions')) return;
    const offset = m.index + (m[0].startsWith('\n') ? 1 : 0);
    const sameLine = (m[2] ?? '').trim();
    const rest = sameLine.length > 0 ? sameLine : nextLine(view, m.index + m[0].length);
    turns.push({ index: offset, role: m[1]!, rest, end: m.index + m[0].length });
  }
  for (const m of ctx.text.matchAll(UPPER_TURN)) {
    if (!ctx.spend('hidden-instructions')) return;
    const start = m.index;
    if (turns.some((t) => Math.abs(ctx.folded.starts[t.index]! - start) < 8)) continue;
    if (ADDRESSES_MODEL.test(m[2]!.toLowerCase())) {
      ctx.report({
        category: 'hidden-instructions',
        severity: 'warning',
        start,
        end: start + m[0].length,
        message: `"${m[1]}:" in capitals poses as a ${m[1]!.toLowerCase()} message to the model inside the description.`,
      });
    }
  }
  const flagged = turns.filter((t) => {
    const speaks = t.rest.trim().length >= 5;
    if (t.role === 'human' || t.role === 'assistant' || t.role === 'ai') return speaks;
    if (t.role === 'system' || t.role === 'developer') return ADDRESSES_MODEL.test(t.rest);
    return false;
  });
  const userTurns = flagged.length > 0 ? turns.filter((t) => t.role === 'user' && t.rest.trim().length >= 5) : [];
  for (const t of [...flagged, ...userTurns]) {
    ctx.reportView({
      category: 'hidden-instructions',
      severity: 'warning',
      start: t.index,
      end: t.end,
      message: `A line starting "${t.role}:" imitates a ${t.role} turn of the conversation, so the model may take the text as coming from ${t.role === 'user' || t.role === 'human' ? 'the user' : 'its operator'}.`,
    });
  }
}

function nextLine(view: string, from: number): string {
  const start = view[from] === '\n' ? from + 1 : from;
  const end = view.indexOf('\n', start);
  return view.slice(start, end === -1 ? Math.min(view.length, start + 200) : Math.min(end, start + 200));
}

function htmlComments(ctx: FieldContext): void {
  const text = ctx.text;
  let at = text.indexOf('<!--');
  let close = -2;
  while (at !== -1) {
    if (!ctx.spend('hidden-instructions')) return;
    if (close !== -1 && close < at + 4) close = text.indexOf('-->', at + 4);
    const end = close === -1 ? text.length : close + 3;
    const inner = text
      .slice(at + 4, Math.min(end, at + 4 + 4000))
      .replace(/-->$/, '')
      .trim();
    const directive = IMPERATIVE.test(inner.toLowerCase());
    const severity = inner.length >= 20 || directive ? 'warning' : 'info';
    ctx.report({
      category: 'hidden-instructions',
      severity,
      start: at,
      end,
      message:
        severity === 'warning'
          ? `An HTML comment${close === -1 ? ' (never closed)' : ''} holds text that Markdown previews hide from the user but the model reads${directive ? ', and it gives orders' : ''}.`
          : 'A short HTML comment: hidden in rendered Markdown, but it holds no instruction.',
    });
    at = text.indexOf('<!--', end);
  }
}
