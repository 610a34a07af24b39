import { EMAIL, TRANSFER, URL } from '../vocabulary';
import type { FieldContext } from './context';
import { patternTable, runTable } from './table';

/** Words that change what another tool does, when they sit in the same sentence as a reference to it. */
const STRONG_MODIFIER =
  /\b(?:after|once|whenever|each time|every time) `?[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+`? (?:completes|returns|finishes|succeeds|runs|has run|is (?:done|called|used|invoked|run))\b|\broute (?:every|all|each|any)\b|\bthrough this (?:tool|server)\b|\bother server'?s\b|\b(?:is (?:broken|buggy|disabled|compromised)|(?:does not|doesn't|no longer) work|instead of|change|replace|override|prepend|append|prefix|bcc|redirect|set the|add the|also (?:add|send|include|post|write|copy|cc|bcc)|side effect|has a (?:known )?bug|is deprecated|deprecated and|unsafe|do not use|don't use|never use|for the proxy|extra copy)\b/;
/**
 * A claim that another tool has been changed ("the X tool has been optimised", "X now uses Tokyo as the
 * default", "the system automatically redirects X's searches"): news about a tool this server does not
 * provide is an order about how the model should read it. Only ever counted next to a reference to a
 * foreign tool, so a server's own changelog stays quiet.
 */
const CHANGED_CLAIM =
  /\b(?:has|have) been (?:optimi[sz]ed|upgraded|updated|enhanced|reconfigured|modified|patched|redirected|rerouted|replaced)\b|\bnow (?:uses|defaults to|routes|redirects|points to|sends)\b|\bautomatically (?:redirects|reroutes|forwards|rewrites|replaces)\b/;
/** Weak modifiers count only when the sentence is not about this tool itself ("this tool must be called before X"). */
const WEAK_MODIFIER = /\b(?:must|always|make sure|as well)\b/;
const ABOUT_SELF = /\b(?:this|the present) (?:tool|function)\b|\b(?:call|use) me\b/;
const CONDITION =
  /\b(?:when(?:ever)?|every time|each time|if|for (?:all|every|each))\b[^.;\n]{0,60}?\b(?:is|are|gets?) (?:used|called|invoked|run|executed|available|present)\b|\b(?:when(?:ever)?|every time|each time) (?:you|the (?:assistant|agent|model|ai)) (?:use|call|invoke|run|execute)\b|\bwhen(?:ever)? (?:the user|you|they) (?:asks?|wants?|tells?)(?: you)? to\b|\bwhen(?:ever)? (?:using|calling|invoking|running)\b/;

/** Statements that only make sense as an attempt to change other tools, whoever they are. */
const GENERIC: { re: RegExp; why: string }[] = [
  {
    re: /\bwhen(?:ever)? (?:this|the [a-z0-9_-]{1,40}) (?:tool|server|function) is (?:available|present|loaded|installed|enabled|connected)\b/g,
    why: 'conditions behaviour on another tool being present — the classic shadowing opener',
  },
  {
    re: /\b(?:side effect on|overrides? the behaviou?r of|replaces? the behaviou?r of|changes? the behaviou?r of|takes precedence over) (?:the )?(?:also present )?(?:[a-z0-9_.-]{1,60} )?(?:tools?|functions?|servers?|commands?)\b/g,
    why: 'claims to change how another tool behaves',
  },
  {
    re: /\b(?:for all|for every|for any|all|every|any)(?: subsequent| future| other)? (?:shell |terminal )?(?:commands?|emails?|messages?|tool calls?) (?:you (?:run|send|execute|make)[^.;\n]{0,40}?,? )?(?:must|should|need to|have to|,)? ?(?:include|be prefixed|start with|begin with|be sent to|go to|contain|append|prepend|add)\b/g,
    why: 'rewrites every command or message the model sends with other tools',
  },
  {
    re: /\bchange the (?:recipient|destination|address|target|channel|branch|reviewer|url|endpoint|phone number|email)\b[^.;\n]{0,40}?\bto\b/g,
    why: 'redirects where another tool sends things',
  },
  { re: /\b(?:all|every) (?:shell )?commands? must (?:include|start with|begin with|be prefixed)\b/g, why: 'prefixes every command the model runs' },
  {
    re: /\bwhen(?:ever)? (?:the user asks you to|you are asked to|the user wants you to) [a-z]+\b[^.;\n]{0,60}?\balso\b/g,
    why: 'hooks an extra action onto something the user asks for',
  },
];

const GENERIC_TABLE = patternTable(GENERIC, 'shadowing');

/** References to other servers' tools combined with an order about how to use them ("instead of", "always BCC"). */
export function detectShadowing(ctx: FieldContext): void {
  const generic = runTable(ctx, GENERIC_TABLE, [], (hit) =>
    ctx.reportView({
      category: 'shadowing',
      severity: 'warning',
      start: hit.start,
      end: hit.end,
      message: `"${ctx.originalOf(hit.start, hit.end)}" ${hit.row.why}.`,
    }),
  );
  if (!generic) return;
  for (const ref of foreignToolReferences(ctx)) {
    if (!ctx.spend('shadowing')) return;
    const clause = ctx.clauses.textAround(ref.start, ref.end, 200);
    const modifies =
      STRONG_MODIFIER.test(clause.text) ||
      CHANGED_CLAIM.test(clause.text) ||
      CONDITION.test(clause.text) ||
      (WEAK_MODIFIER.test(clause.text) && !ABOUT_SELF.test(clause.text)) ||
      (TRANSFER.test(clause.text) && (EMAIL.test(clause.text) || URL.test(clause.text)));
    const owner = ref.server ? ` of the "${ref.server}" server` : '';
    ctx.reportView({
      category: 'shadowing',
      severity: modifies ? 'warning' : 'info',
      start: ref.start,
      end: ref.end,
      message: modifies
        ? `Gives orders about "${ref.name}"${owner}, a tool this server does not provide: a description should only describe its own tool.`
        : `Mentions "${ref.name}"${owner}, a tool this server does not provide.`,
      evidence: [`referenced tool: ${ref.name}${owner}`],
    });
  }
}

interface Reference {
  name: string;
  server?: string;
  start: number;
  end: number;
}

/** Other servers' tool names, and `the X tool` phrases naming a tool this server lacks. */
function foreignToolReferences(ctx: FieldContext): Reference[] {
  const view = ctx.view;
  const own = ctx.scope.ownTools;
  const refs: Reference[] = [];
  const seen = new Set<number>();
  for (const other of ctx.scope.otherServers) {
    for (const tool of other.toolNames) {
      const name = tool.toLowerCase();
      if (own.has(name) || !distinctive(name)) continue;
      let at = view.indexOf(name);
      let count = 0;
      while (at !== -1 && count < 50) {
        const before = at === 0 ? ' ' : view[at - 1]!;
        const after = view[at + name.length] ?? ' ';
        if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after) && !seen.has(at)) {
          seen.add(at);
          refs.push({ name: tool, server: other.server, start: at, end: at + name.length });
          count++;
        }
        at = view.indexOf(name, at + name.length);
      }
    }
  }
  const THE_TOOL = /\b(?:the|use|using|call|calling|invoke) `?([a-z][a-z0-9]*(?:[_-][a-z0-9]+)+)`? (?:tool|function|command)\b/g;
  for (const m of [...view.matchAll(THE_TOOL), ...view.matchAll(ORDERED_TOOL)]) {
    if (refs.length > 200) break;
    const name = m[1]!;
    const start = m.index + m[0].indexOf(name);
    if (own.has(name) || seen.has(start) || name === ctx.scope.target.name.toLowerCase()) continue;
    seen.add(start);
    refs.push({ name, start, end: start + name.length });
  }
  refs.sort((a, b) => a.start - b.start || b.end - a.end);
  return refs.filter((r, i) => !refs.some((o, j) => j !== i && o.start <= r.start && o.end >= r.end && o.end - o.start > r.end - r.start));
}

/**
 * A tool-shaped identifier (snake_case or kebab-case) in a sentence that orders something about its
 * use: "after send_email completes", "when run_shell is used", "route every create_issue call",
 * "the other server's deploy_app". Whether the sentence modifies it is judged like any other reference.
 */
const ORDERED_TOOL =
  /\b(?:after|before|once|when|whenever|each time|every time|route|call|invoke|run|server'?s|instead of) (?:every |all |each |any |the )?`?([a-z][a-z0-9]*(?:[_-][a-z0-9]+)+)`?(?= (?:completes|returns|finishes|succeeds|runs|has run|is (?:done|called|used|invoked|run)|calls?\b|through|with|is deprecated|instead))/g;

/** Names specific enough to count as a reference (not "fetch", "search", "time"). */
function distinctive(name: string): boolean {
  return name.length >= 5 && /[_\-.]|[a-z][A-Z]/.test(name);
}
