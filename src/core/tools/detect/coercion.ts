import type { Severity } from '../../model/finding';
import type { FieldContext } from './context';
import { patternTable, runTable, type PatternHit } from './table';

interface Phrase {
  re: RegExp;
  why: string;
  severity: Severity;
  /** The clause must also contain this (e.g. a call verb aimed at this tool). */
  clause?: RegExp;
  /** Look at the previous clause too ("Read X and put it here; the tool will fail without it."). */
  previous?: boolean;
  /** "Always use this tool when/for/to …" names the requests it serves: a routing hint, unless the clause claims every request or a place in line. */
  routing?: boolean;
}

const ROUTING_TAIL = /(?:\s(?:to|for|when|if)|\s(?:tool|function|server))?$/;
const NOT_ROUTING = /(?:any|every|all|each|whatever|regardless|first|before|prior|instead|over|start|beginning)/;

const UNIVERSAL = String.raw`(?:any|every|all|each)\s(?:other\s|single\s|subsequent\s|future\s)?(?:tools?|functions?|tool calls?|calls?|messages?|requests?|responses?|answers?|actions?|commands?|operations?|queries?|conversations?|turns?|prompts?|replies?|tasks?)\b`;
const CALLS_THIS = /\b(?:call|calling|invoke|invoking|use|using|run|running|trigger|execute)\s(?:this|me|it)\b/;

const PHRASES: Phrase[] = [
  {
    re: new RegExp(
      String.raw`\b(?:before|prior to)\s(?:(?:using|calling|invoking|running|executing|responding to|answering|replying to|processing|handling|doing|taking|you (?:use|call|do|answer|respond to|run))\s)?(?:${UNIVERSAL}|anything(?: else)?)`,
      'g',
    ),
    why: 'puts this tool in front of every other action ("line jumping")',
    severity: 'warning',
  },
  {
    re: /\b(?:at the (?:start|beginning|end) of|after|on|for|in|during) (?:every|each|all|any) (?:conversation|session|message|answer|response|request|turn|reply|tool call|tool result|result|prompt|task)s?\b/g,
    why: 'makes the model call this tool on every turn',
    severity: 'warning',
    clause: CALLS_THIS,
  },
  {
    re: /\b(?:whenever|every time|each time) you (?:call|use|invoke|run|execute) (?:any|every|all|another|other|a)\b(?: other)? (?:tool|function)s?\b/g,
    why: 'hooks this tool onto every use of other tools',
    severity: 'warning',
  },
  {
    re: /\b(?:always|must always|should always)\s(?:first\s)?(?:call|use|invoke|run|execute|consult|trigger)\s(?:this|me)\b(?:\s(?:tool|function|server))?(?:\s(?:first|before|at the start|prior|immediately|instead|to|for|whenever|when|over))?/g,
    why: 'demands that the model always pick this tool',
    severity: 'warning',
    routing: true,
  },
  {
    re: /\b(?:prioriti[sz]e|prefer|favou?r|choose|pick)\s(?:this|me)\b(?:\s(?:tool|function|server))?\s(?:over|above|before|to|instead of)\s(?:all|any|every|the other|other)\b/g,
    why: 'tells the model to prefer this tool over all others',
    severity: 'warning',
  },
  {
    re: /\b(?:use|call|choose)\s(?:this|me)\b(?:\s(?:tool|function|server))?\s(?:instead of|rather than|over)\s(?:any|all|every|the other|other|the built-in)\b/g,
    why: 'tells the model to use this tool instead of any other',
    severity: 'warning',
  },
  {
    re: /\b(?:will not|won't|will never|does not|doesn't|cannot|can't) work (?:unless|without|if you (?:do not|don't))\b|\bwill (?:fail|crash|break) (?:without|unless|if (?:you )?(?:do not|don't))\b/g,
    why: 'threatens that the tool fails unless the model does something extra',
    severity: 'warning',
    clause: /\b(?:call|calling|pass|include|provide|read|send|first|give|add|fill|filled|put|provided|included|set)\b/,
    previous: true,
  },
  {
    re: /\b(?:otherwise,?|or else) (?:the )?(?:tool|it|request|call|calculation|system|application|app|everything|operation|server|message) (?:will )?(?:not work|fails?|crash(?:es)?|breaks?|be blocked|is blocked|stops? working)\b|\b(?:the )?(?:system|application|app|server) will crash\b|\ball (?:the )?data will be lost\b|\byour request will be blocked\b|\bskipping it (?:corrupts|breaks|crashes|deletes|damages)\b/g,
    why: 'threatens a crash or data loss to force compliance',
    severity: 'info',
  },
  {
    re: /\b(?:not allowed|forbidden|must not|may not|cannot|can't|is not permitted)\s(?:to\s)?(?:use|call|invoke|run)\s(?:any|other|another)\b[^.;\n]{0,40}?\b(?:until|unless|before)\b/g,
    why: 'forbids every other tool until this one has been called',
    severity: 'warning',
  },
  {
    re: /\b(?:you )?(?:must|have to|need to|are required to) (?:first|always first) (?:call|invoke|run|use)\b/g,
    why: 'makes the model call something before it does what the user asked',
    severity: 'warning',
    clause: /^(?![\s\S]*\bto (?:obtain|get|find|resolve|look up|learn|know|check)\b)/,
  },
  {
    re: /\b(?:it's|it is|this is) (?:mandatory|required|necessary|essential|critical|compulsory) to (?:call|invoke|use|run) this\b/g,
    why: 'declares calling this tool compulsory',
    severity: 'warning',
    clause: /\b(?:first|every|each|always|before|start)\b/,
  },
  {
    re: /\b(?:very\s){2,4}important\b|\bthis is (?:extremely|critically|absolutely|vitally) important\b/g,
    why: "piles on emphasis to override the model's judgement",
    severity: 'info',
  },
  {
    re: /\bwhen(?:ever)? (?:the )?user (?:says|types|mentions|writes|uses the words?)\b/g,
    why: 'triggers this tool on something the user says, not on what they ask for',
    severity: 'warning',
    clause: CALLS_THIS,
  },
  {
    re: /\b(?:you are|you're) (?:required|obliged|obligated) to (?:call|invoke|use|run)\b/g,
    why: 'orders the model to call this tool',
    severity: 'warning',
    clause: /\b(?:every|each|all|any|always|first|start|end)\b/,
  },
];

/** "call get_time after every answer": this tool named instead of "this". */
function callsByName(clause: string, name: string): boolean {
  const n = name.toLowerCase();
  if (n.length < 3) return false;
  const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(String.raw`\b(?:call|calling|invoke|invoking|use|using|run|running)\s\x60?${escaped}\b`).test(clause);
}

/** Forced call order and pressure: "always call this first", "before any other tool", "will not work unless". */
const TABLE = patternTable(PHRASES, 'coercion');

/** The phrase's clause (or, for `previous`, that clause and the one before) lacks what the phrase needs. */
function clauseLacks(ctx: FieldContext, hit: PatternHit<Phrase>): boolean {
  const p = hit.row;
  if (!p.clause) return false;
  const c = p.previous ? ctx.clauses.withPrevious(hit.start, hit.end, 200) : ctx.clauses.textAround(hit.start, hit.end, 160);
  return !p.clause.test(c.text) && !(p.clause === CALLS_THIS && callsByName(c.text, ctx.scope.target.name));
}

export function detectCoercion(ctx: FieldContext): void {
  const view = ctx.view;
  runTable(ctx, TABLE, [clauseLacks], ({ row: p, text, start, end }) => {
    if (p.routing && /\s(?:to|for|when|if)$|\s(?:this|me|tool|function|server)$/.test(text) && ROUTING_TAIL.test(text)) {
      const rest = ctx.clauses.textAround(start, end, 160);
      if (!NOT_ROUTING.test(view.slice(end, rest.offset + rest.text.length))) {
        ctx.reportView({
          category: 'coercion',
          severity: 'info',
          start,
          end,
          message: `"${ctx.originalOf(start, end)}" is a routing hint: it names the requests this tool is meant for.`,
        });
        return;
      }
    }
    ctx.reportView({
      category: 'coercion',
      severity: p.severity,
      start,
      end,
      message: `"${ctx.originalOf(start, end)}" ${p.why}.`,
    });
  });
}
