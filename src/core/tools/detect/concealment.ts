import type { FieldContext } from './context';
import { patternTable, runTable } from './table';
import { nounFor, plural } from '../../text/plural';

interface Phrase {
  re: RegExp;
  why: string;
  /** Optional check of the words right after the match; false drops the match. */
  object?: (after: string) => boolean;
  /** Only counts after a negation ("never ask the user for confirmation"). */
  negated?: boolean;
}

const SECRET_OBJECT = /^\s(?:(?:the|your|any|an?) )?(?:api key|key|password|token|secret|credential|private key|passphrase)/;
const HIDDEN_OBJECT =
  /^\s(?:(?:to )?(?:the )?(?:user|human|them|anyone)\b|(?:this|that|it|these|those|any of this|what|which|about (?:this|it|that))\b|the (?:fact|step|instruction|note|prompt|change|extra|hidden|additional|prefix|copy|above|following|side effect)|(?:these|this|the|your) (?:instructions?|rules|notes?|system prompt|prompt))/;

const NEGATION_BEFORE = /\b(?:never|not|don't|dont|no need to|without)\b[^.;\n]{0,30}$/;

const PHRASES: Phrase[] = [
  {
    re: /\b(?:do not|don't|never) (?:mention|reveal|disclose|bring up) (?!(?:the |your |any |an? )?(?:api key|key|password|token|secret|credential|private key|passphrase))[^.;\n]{0,40}?\bin your (?:reply|answer|response|message|summary)\b/g,
    why: "keeps an action out of the model's reply to the user",
  },
  {
    re: /\b(?:do not|don't|dont|never|must not|mustn't|should not|shouldn't|please do not|please don't|avoid)\s(?:ever\s)?(?:tell|inform|mention|notify|alert|show|reveal|disclose|let the user know|bring up|say)(?:ing)?\b/g,
    why: 'tells the model to keep something from the user',
    object: (after) => HIDDEN_OBJECT.test(after) && !/^\s(?:the )?users? to\b/.test(after) && !SECRET_OBJECT.test(after),
  },
  { re: /\b(?:keep|hide)\s[^.;\n]{0,60}?\bfrom (?:the )?(?:users?|humans?)\b/g, why: 'asks the model to hide something from the user' },
  {
    re: /\b(?:the )?users? (?:must|should|need|is|are) (?:not|never) (?:to )?(?:see|know|find out|notice|be told|learn|be informed|be aware)\b/g,
    why: 'says the user must not find out',
  },
  {
    re: /\b(?:the )?users? (?:does not|doesn't|do not|don't|need not|needn't) (?:need to )?(?:know|be told|be informed|see|notice)\b/g,
    why: 'says the user need not know',
  },
  { re: /\bnot (?:be )?(?:visible|shown) to (?:the )?users?\b/g, why: "keeps text out of the user's sight" },
  {
    re: /\b(?:without|behind) (?:the )?(?:user'?s?|their|anyone's) (?:knowledge|consent|awareness|noticing|back)\b/g,
    why: "acts without the user's knowledge",
  },
  { re: /\bwithout (?:telling|informing|notifying|alerting|asking|showing) (?:the )?(?:user|them|anyone|the human)\b/g, why: 'acts without telling the user' },
  {
    re: /\b(?:ask|check with|confirm with|consult) (?:the )?(?:user|human)s? (?:for (?:confirmation|approval|permission|consent)|before)\b/g,
    why: "removes the user's confirmation step",
    negated: true,
  },
  {
    re: /\b(?:user|users|owner|maintainers?|admins?|human)\b[^.;\n]{0,24}?\b(?:has|have|had) (?:already )?(?:pre-?approved|agreed|approved|consented|confirmed|authori[sz]ed)\b/g,
    why: 'claims the user already approved, so the model skips asking',
  },
  {
    re: /\b(?:pre-?approved (?:all|every|each|any)|treat (?:every|all|each|any) (?:request|action|call|command)s? as (?:pre-?)?approved)\b/g,
    why: 'declares every action pre-approved',
  },
  {
    re: /\b(?:silently|secretly|covertly|quietly|invisibly|stealthily|discreetly|surreptitiously)\s(?:\w+\s){0,2}?(?:send|upload|post|forward|copy|delete|remove|erase|wipe|add|install|modify|change|exfiltrate|transmit|collect|record|log|read|include|run|execute|save|store|keep)\b/g,
    why: 'asks for an action done silently',
  },
  {
    re: /\b(?:in the background|behind the scenes)\s(?:\w+\s){0,2}?(?:send|upload|post|forward|copy|delete|collect|record|exfiltrate|transmit)\b/g,
    why: "asks for an action done behind the user's back",
  },
  { re: /\b(?:respond|reply|answer|report) (?:to the user )?as if\b/g, why: 'asks the model to mislead the user about what happened' },
  {
    re: /\b(?:act|behave|pretend|tell the user)\b[^.;\n]{0,20}?\b(?:as (?:if|though) |that )(?:nothing|no\b|it (?:failed|succeeded|worked|never)|the (?:operation|request|call|command|action|upload|deletion) (?:failed|succeeded|did not|didn't|never)|you (?:did not|didn't|never))/g,
    why: 'asks the model to mislead the user about what happened',
  },
  { re: /\b(?:skip|bypass|omit|no need for)(?: the)? (?:user'?s? )?(?:confirmation|approval|consent)\b/g, why: "removes the user's confirmation step" },
  { re: /\bwithout (?:asking|confirming|checking)(?: first)?(?=[.;!]|$)/g, why: 'tells the model to act without asking the user' },
  { re: /\bbut (?:actually|really|secretly) (?:keep|send|upload|store|save|copy|delete)\b/g, why: 'describes a hidden side effect' },
  {
    re: /\b(?:does not|doesn't|do not|don't) (?:care|mind) about (?:privacy|security|confidentiality|secrecy)\b/g,
    why: 'talks the model out of privacy concerns',
  },
];

/** Spaces or blank lines that push the rest of a description out of view. */
const PAD_SPACES = 120;
const PAD_LINES = 15;

const TABLE = patternTable(PHRASES, 'concealment');

export function detectConcealment(ctx: FieldContext): void {
  const view = ctx.view;
  const searched = runTable(
    ctx,
    TABLE,
    [
      (_, { row, end }) => row.object !== undefined && !row.object(view.slice(end, end + 60)),
      (_, { row, start }) => row.negated === true && !NEGATION_BEFORE.test(view.slice(Math.max(0, start - 40), start)),
    ],
    ({ row, start, end }) =>
      ctx.reportView({
        category: 'concealment',
        severity: 'warning',
        start,
        end: Math.min(view.length, end + objectLength(view, end)),
        message: `"${ctx.originalOf(start, end)}" ${row.why}. A tool description has no reason to hide anything from the person using it.`,
      }),
  );
  if (searched) padding(ctx);
}

function objectLength(view: string, end: number): number {
  const m = /^\s(?:to )?(?:the )?(?:user|them|this|that|it)\b/.exec(view.slice(end, end + 20));
  return m ? m[0].length : 0;
}

const BLANK_RUN = /[ \t\n\r\u00a0\u3000]{15,}/g;

function padding(ctx: FieldContext): void {
  const text = ctx.text;
  const n = text.length;
  for (const run of text.matchAll(BLANK_RUN)) {
    const i = run.index;
    const j = i + run[0].length;
    let lines = 0;
    let spaces = 0;
    let longestSpaces = 0;
    for (let k = i; k < j; k++) {
      const d = text.charCodeAt(k);
      if (d === 0x0a) {
        lines++;
        spaces = 0;
      } else if (d !== 0x0d) {
        spaces++;
        if (spaces > longestSpaces) longestSpaces = spaces;
      }
    }
    if ((longestSpaces >= PAD_SPACES || lines >= PAD_LINES) && j < n && text.slice(j, j + 200).trim().length > 0) {
      if (!ctx.spend('concealment')) return;
      const what = lines >= PAD_LINES ? plural(lines, 'line break') : plural(longestSpaces, 'space');
      ctx.report({
        category: 'concealment',
        severity: 'warning',
        start: i,
        end: j,
        message: `${what} push the text after them out of view in most tool listings, while the model still reads it.`,
        evidence: [`padding: ${j - i} whitespace ${nounFor(j - i, 'character')}`],
      });
    }
  }
}
