import type { TextField, ToolCategory, ToolFinding } from '../types';
import { visibleText } from '../../text/visible';
import { excerpt } from '../visible';
import { scoreFields, type Contribution, type LearnedModel, type LearnedScore } from './model';

/** Categories found from characters and structure, not wording: the learned model never overrules them. */
const STRUCTURAL: ReadonlySet<ToolCategory> = new Set(['invisible-characters', 'ansi-escapes', 'encoded-blob', 'abnormal-size']);
const SHOWN_DRIVERS = 3;
/**
 * Notes that only say something is named here (a credential path, another server's tool, a bare IP,
 * an unexplained parameter): the model's reading of the whole definition can raise them. Notes that
 * record counter-evidence (a quoted example, a tag with no block) are never raised.
 */
export const RAISABLE: ReadonlySet<ToolCategory> = new Set(['shadowing', 'sensitive-target', 'exfiltration']);
/** Words that carry no meaning alone: a driver made only of them is not shown as a reason. */
const FILLER = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'to',
  'of',
  'in',
  'on',
  'for',
  'this',
  'that',
  'is',
  'are',
  'be',
  'with',
  'it',
  'as',
  'at',
  'by',
  'from',
  'if',
  'any',
  'all',
  'its',
  'your',
  'you',
  '⟨0⟩',
]);
const informative = (c: Contribution) =>
  c.feature
    .replace(/^n:/, '')
    .split(' ')
    .some((w) => !FILLER.has(w));

const quoteOf = (c: Contribution) => `"${visibleText(c.hit.field.text.slice(c.hit.start, c.hit.end), { singleLine: true }).slice(0, 60)}"`;
const where = (c: Contribution) => `${quoteOf(c)} in ${c.hit.field.field}`;

/**
 * The wording findings of one definition weighed against the learned model's reading of the whole
 * definition. Strong wording findings stay when the model agrees enough; when it reads the definition
 * as plain documentation they become notes (counter-evidence, said in each note). A definition with no
 * strong finding that the model reads as an instruction to the model gets findings at the words that
 * weighed most. Structural findings (invisible characters, escapes, encoded text, size) are kept as they are.
 */
export function weighDefinition(
  findings: ToolFinding[],
  fields: readonly TextField[],
  model: LearnedModel,
  ownTools: ReadonlySet<string> = new Set(),
): ToolFinding[] {
  const prose = fields.filter((f) => f.text.length > 0);
  if (prose.length === 0) return findings;
  const score = scoreFields(model, prose, { ownTools });
  const p = score.probability;
  const wording = findings.filter((f) => f.severity !== 'info' && !STRUCTURAL.has(f.category));
  const structural = findings.some((f) => f.severity !== 'info' && STRUCTURAL.has(f.category));
  if (wording.length > 0) {
    const hasError = wording.some((f) => f.severity === 'error');
    const needed = hasError ? model.thresholds.error : model.thresholds.warning;
    if (p >= needed) return findings;
    const against = score.counter.slice(0, SHOWN_DRIVERS).map(quoteOf).join(', ');
    for (const f of wording) {
      f.evidence = [
        ...f.evidence,
        `counter-evidence: read as a whole, the definition describes the tool rather than instructing the model (learned score ${p.toFixed(2)} < ${needed.toFixed(2)}${against ? `; words that weighed against: ${against}` : ''}); kept as a note`,
      ];
      f.severity = 'info';
    }
    return findings;
  }
  if (structural) return findings;
  const notes = findings.filter((f) => f.severity === 'info' && RAISABLE.has(f.category));
  const needed = notes.length > 0 ? model.thresholds.note : model.thresholds.alone;
  if (p < needed || !score.drivers.some(informative)) return findings;
  for (const f of notes) {
    f.severity = 'warning';
    f.evidence = [
      ...f.evidence,
      `raised from a note: read as a whole, the definition instructs the model (learned score ${p.toFixed(2)} ≥ ${needed.toFixed(2)})`,
    ];
  }
  return [...findings, ...learnedFindings(score, needed)];
}

function learnedFindings(score: LearnedScore, threshold: number): ToolFinding[] {
  // One finding per distinct place among the strongest drivers, so the document marks each of them.
  const shown: Contribution[] = [];
  for (const c of score.drivers.filter(informative)) {
    if (shown.length === SHOWN_DRIVERS) break;
    if (shown.some((s) => s.hit.field === c.hit.field && c.hit.start < s.hit.end && s.hit.start < c.hit.end)) continue;
    shown.push(c);
  }
  const words = shown.map(where).join('; ');
  return shown.map((c, i) => ({
    ruleId: 'prompt-injection',
    category: 'prompt-injection',
    severity: 'warning',
    target: c.hit.field.target,
    field: c.hit.field.field,
    start: c.hit.start,
    end: c.hit.end,
    excerpt: excerpt(c.hit.field.text, c.hit.start, c.hit.end),
    message:
      i === 0
        ? `Read as a whole, this definition instructs the model rather than describing the tool (learned model: ${score.probability.toFixed(2)} ≥ ${threshold.toFixed(2)}). The words that weighed most: ${words}.`.slice(
            0,
            600,
          )
        : `One of the words that made the learned model read this definition as an instruction to the model: ${where(c)}.`.slice(0, 600),
    evidence: shown.map((d) => `${d.feature} (+${d.weight.toFixed(2)}) at ${d.hit.field.field} ${d.hit.start}–${d.hit.end}`),
  }));
}
