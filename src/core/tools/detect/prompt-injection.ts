import { isQuotedOrExample } from '../clauses';
import type { FieldContext } from './context';
import { patternTable, runTable } from './table';

const NOUNS = String.raw`(?:instructions?|prompts?|rules|guidelines|directions|directives|constraints|restrictions|guardrails|policies|programming|safeguards|orders)`;

/** Outside prompt templates (which are instructions by design), a definition must not reassign the model's task. */
const NEW_TASK = /\byour (?:only|sole|new|real|true|primary) (?:task|job|goal|purpose|mission) (?:now |from now on )?is\b/g;

/** A quoted injection that the text then tells the model to act on. */
const ENDORSED = /\b(?:follow|obey|do) (?:that|this|it|the above|what it says|as it says)\b|\bact on (?:it|that|this)\b/;

const PHRASES: { re: RegExp; why: string }[] = [
  {
    re: new RegExp(
      String.raw`\b(?:ignore|disregard|forget|override|bypass|neglect)\s(?:(?:all|any|every|the|your|my|these|those|of|each|and|its)\s){0,4}(?:(?:previous|prior|above|earlier|preceding|former|original|initial|system|safety|security|developer|old)\s){0,2}${NOUNS}(?:\b|(?=(?:and|or|then|but|to)\b))`,
      'g',
    ),
    why: 'tells the model to throw away the instructions it was given',
  },
  {
    re: /\b(?:do not|don't|never) (?:follow|obey|listen to|comply with) (?:the )?(?:user'?s?|your|previous|prior|original|system|developer|operator'?s?) ?(?:instructions|prompts?|rules|guidelines|requests|orders)?\b/g,
    why: 'tells the model not to follow its user or operator',
  },
  {
    re: new RegExp(
      String.raw`\b(?:pay no attention to|set aside|stop following|no longer follow|throw away|do not obey|don't obey)\s(?:(?:all|any|every|the|your|my|these|those)\s){0,3}(?:(?:previous|prior|above|earlier|preceding|former|original|initial|system|safety|security|developer|old)\s){0,2}${NOUNS}(?:\b|(?=(?:and|or|then|but|to)\b))`,
      'g',
    ),
    why: 'tells the model to throw away the instructions it was given',
  },
  {
    re: /\b(?:previous|prior|earlier|all|your|existing) (?:restrictions|rules|instructions|guidelines|limitations|policies|safeguards) (?:are|have been|were) (?:now )?(?:lifted|removed|revoked|void|cancelled|canceled|suspended|disabled|no longer (?:valid|apply|in effect))\b|\bnew system (?:policy|policies|rule|rules|instruction|instructions|prompt)\b/g,
    why: "declares the model's rules void",
  },
  {
    re: /\bforget (?:everything|all(?: of)? (?:that|the above|this|you know)|what you (?:were|have been) told)\b/g,
    why: 'tells the model to forget what it was told',
  },
  {
    re: /\b(?:you are now|from now on,? you are|you're now) (?:dan\b|an? (?:unrestricted|unfiltered|jailbroken|different|new)\b|in (?:developer|god|unrestricted|dan|maintenance|debug|admin) mode\b|no longer\b|free\b|jailbroken\b)/g,
    why: 'tries to give the model a new identity',
  },
  {
    re: /\byou (?:have|are under|operate (?:with|under)) no (?:restrictions|rules|limits|guidelines|filters)\b|\bdo anything now\b|\bact as (?:dan|an? (?:unrestricted|unfiltered|jailbroken) \w+)\b/g,
    why: 'is jailbreak language',
  },
  {
    re: /\b(?:your )?(?:new|updated|real|actual|true) (?:system )?instructions? (?:are|follow|is)\b|\bnew instructions:|\bsystem (?:override|prompt override|instruction override)\b/g,
    why: 'announces replacement instructions',
  },
  {
    re: /\b(?:override|bypass|disable|turn off|ignore|circumvent) (?:your |the |all |any )?(?:safety|security|content|moderation) (?:rules|filters?|guidelines|policies|checks|restrictions|guardrails|measures|settings)\b/g,
    why: 'tells the model to switch off its safety rules',
  },
  {
    re: /\b(?:reveal|print|output|show|repeat|leak|dump|disclose|respond (?:only )?with) (?:me )?(?:the contents of )?(?:your|the) (?:full |entire |hidden |original |initial |exact )?(?:system prompt|instructions|hidden rules|prompt|rules)\b/g,
    why: 'asks the model to disclose its instructions',
  },
  { re: /\bauthori[sz]ed (?:by (?:anthropic|openai|google|the developers?|your creators?) )?to bypass\b/g, why: 'claims authority to bypass restrictions' },
];

/** "Ignore previous instructions", role resets and safety overrides — unless quoted as examples. */
const TABLE = patternTable(PHRASES, 'prompt-injection');

export function detectPromptInjection(ctx: FieldContext): void {
  const view = ctx.view;
  if (ctx.scope.target.kind !== 'prompt') {
    for (const m of view.matchAll(NEW_TASK)) {
      if (!ctx.spend('prompt-injection')) return;
      ctx.reportView({
        category: 'prompt-injection',
        severity: 'warning',
        start: m.index,
        end: m.index + m[0].length,
        message: `"${ctx.originalOf(m.index, m.index + m[0].length)}" gives the model a new task from inside a definition; only the user sets the model's task.`,
      });
    }
  }
  runTable(ctx, TABLE, [], ({ row, start, end }) => {
    const clause = ctx.clauses.around(start, end);
    const example = isQuotedOrExample(view, clause.start, start, end) && !ENDORSED.test(view.slice(end, end + 160));
    ctx.reportView({
      category: 'prompt-injection',
      severity: example ? 'info' : 'error',
      start,
      end,
      message: example
        ? `Quotes the injection phrase "${ctx.originalOf(start, end)}" as an example; not an instruction.`
        : `"${ctx.originalOf(start, end)}" ${row.why}: classic prompt injection.`,
    });
  });
}
