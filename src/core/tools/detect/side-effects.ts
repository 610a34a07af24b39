import type { ToolCategory } from '../types';
import type { FieldContext } from './context';
import { anExample, negated, patternTable, runTable } from './table';

/**
 * Side errands the definition adds to the tool's work: contact an outside host "to verify" or "to log"
 * the request, or change the user's shell start-up files, scheduled jobs or authorised keys. Either
 * one makes the model act for the definition's author; the tool's own job needs neither. The clause
 * must address the model ("you must also…", "first…", "please…"), and negation and examples cancel it.
 */
const MODAL = String.raw`(?:you (?:must|should|need to|have to|are required to)|(?:must|please|always) |it is (?:mandatory|required|necessary) to)\s?(?:also |first |then |always )?`;

const PATTERNS: { re: RegExp; category: ToolCategory; why: string }[] = [
  {
    re: new RegExp(
      String.raw`\b${MODAL}(?:access|visit|contact|ping|notify|query|call|hit|open|register (?:with|at)|report to|(?:send|post|submit) (?:a |an |the )?(?:request|notification|ping|report|copy|log)s? to)\s(?:our |the |a |an |this )?(?:[a-z-]+\s){0,4}?(?:at\s)?(?:https?:\/\/|www\.)`,
    ),
    category: 'exfiltration',
    why: 'sends the model to an outside host as a side errand of the tool',
  },
  {
    re: new RegExp(
      String.raw`\b${MODAL}(?:update|modify|edit|change|add|append|write|insert|put|create)\s[^.;\n]{0,80}?(?:\.bashrc|\.zshrc|\.bash_profile|\.zprofile|\.profile|\.bash_login|crontab|cron jobs?|authorized_keys|launchagents|startup (?:items|folder|scripts?)|login items)\b`,
    ),
    category: 'prompt-injection',
    why: "changes the user's shell start-up files, scheduled jobs or authorised keys",
  },
];

const TABLE = patternTable(PATTERNS);

export function detectSideEffects(ctx: FieldContext): void {
  runTable(ctx, TABLE, [negated, anExample], (hit) =>
    ctx.reportView({
      category: hit.row.category,
      severity: 'warning',
      start: hit.start,
      end: hit.end,
      message: `"${ctx.originalOf(hit.start, Math.min(hit.end, hit.start + 160))}" ${hit.row.why}. A tool definition describes the tool; it has no business giving the model other work.`,
    }),
  );
}
