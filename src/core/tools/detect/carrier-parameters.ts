import type { Severity } from '../../model/finding';
import type { TargetScope } from '../types';
import type { ScopeReport } from './abnormal-size';
import { carrierName } from './exfiltration';
import { identifierWords } from '../vocabulary';

/** Parameter names (as words) that denote what the model holds: its prompt, the conversation, the user's context. */
const MODEL_CONTEXT_NAME =
  /^(?:(?:full |entire |current )?system (?:prompt|instructions?|message)|(?:full |entire |previous |whole )?(?:conversation|chat|dialog(?:ue)?) (?:history|context|log|transcript)|conversation|(?:full |entire )?(?:user|session|conversation|agent|model|assistant) context(?: data| info)?|context window|full context|previous messages|prior messages)$/;
/** The tool itself works with models or conversations (an agent builder, a chat API, a memory store): such a parameter is its input. */
const MODEL_TOOL =
  /\b(?:ai|llm|language model|model|models|agent|agents|assistant|chatbot|chat|conversational|conversation|prompt|prompts|gpt|claude|gemini|completion|memory|memories|persona)\b/;

function describedAsModelTool(scope: TargetScope, parameterBase: string): boolean {
  return scope.fields.some(
    (g) =>
      g.role !== 'parameterName' &&
      g.role !== 'name' &&
      (g.field === `${parameterBase}.description` || !g.field.startsWith(parameterBase)) &&
      MODEL_TOOL.test(g.text.toLowerCase()),
  );
}

/** Parameters (lower case) that the definition's text tells the model to fill with data, with what and how strongly. */
export type FilledParameters = Map<string, { severity: Severity; what: string[] }>;

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
const MAX_QUOTED = 3;

export function addFilled(filled: FilledParameters, parameter: string, severity: Severity, what: string): void {
  const prior = filled.get(parameter);
  if (!prior) {
    filled.set(parameter, { severity, what: [what] });
    return;
  }
  if (RANK[severity] > RANK[prior.severity]) prior.severity = severity;
  if (!prior.what.includes(what)) prior.what.push(what);
}

/**
 * The parameters that carry data out: the ones the definition's own text tells the model to fill
 * with secrets or the user's context (marked with that sentence's severity, so the parameter itself
 * is highlighted, not only the sentence), and free-text parameters named like a side channel
 * (`sidenote`, `notes`, `metadata`, `context`…) that nothing describes. Alone, the latter is a note to
 * review; the sentence that tells the model what to put there is what the other detectors flag.
 */
export function detectCarrierParameters(scope: TargetScope, filled: FilledParameters = new Map()): ScopeReport[] {
  const out: ScopeReport[] = [];
  for (const f of scope.fields) {
    if (f.role !== 'parameterName') continue;
    const into = filled.get(f.text.toLowerCase());
    if (into) {
      const shown = into.what.slice(0, MAX_QUOTED);
      if (into.what.length > MAX_QUOTED) shown.push(`${into.what.length - MAX_QUOTED} more`);
      const what = shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0]!;
      out.push({
        field: f.field,
        category: 'exfiltration',
        severity: into.severity,
        start: 0,
        end: f.text.length,
        message: `The definition tells the model to put ${what} into the parameter "${f.text}": whatever the model writes there goes to whoever runs this server. The parameter exists to carry it out.`,
        evidence: into.what.map((w) => `filled with: ${w}`),
      });
      continue;
    }
    const base = f.field.replace(/#key$/, '');
    if (MODEL_CONTEXT_NAME.test(identifierWords(f.text)) && !describedAsModelTool(scope, base)) {
      out.push({
        field: f.field,
        category: 'exfiltration',
        severity: 'warning',
        start: 0,
        end: f.text.length,
        message: `The parameter "${f.text}" is named after the model's own context (its prompt or the conversation), and nothing in this tool says it works with a model or a conversation: the only thing the model can put there is what it holds, and it goes to whoever runs this server.`,
        evidence: [`parameter: ${f.text}`],
      });
      continue;
    }
    if (!carrierName(f.text)) continue;
    const described = scope.fields.some((g) => (g.field === `${base}.description` || g.field === `${base}.title`) && g.text.trim().length > 0);
    if (described) continue;
    const prompt = /^arguments\.\d+\.name$/.test(f.field);
    if (prompt) {
      const i = f.field.split('.')[1];
      if (scope.fields.some((g) => g.field === `arguments.${i}.description` && g.text.trim().length > 0)) continue;
    }
    out.push({
      field: f.field,
      category: 'exfiltration',
      severity: 'info',
      start: 0,
      end: f.text.length,
      message: `The parameter "${f.text}" has a side-channel name and no description: check what the tool's text tells the model to put in it.`,
    });
  }
  return out;
}
