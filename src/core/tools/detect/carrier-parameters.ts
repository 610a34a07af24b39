import type { TargetScope } from '../types';
import type { ScopeReport } from './abnormal-size';
import { carrierName } from './exfiltration';

/**
 * Free-text parameters named like a side channel (`sidenote`, `notes`, `metadata`, `context`…) that
 * nothing describes: the model fills them with whatever the description asks for. Alone this is a
 * note to review; the sentence that tells the model what to put there is what the other detectors flag.
 */
export function detectCarrierParameters(scope: TargetScope): ScopeReport[] {
  const out: ScopeReport[] = [];
  for (const f of scope.fields) {
    if (f.role !== 'parameterName' || !carrierName(f.text)) continue;
    const base = f.field.replace(/#key$/, '');
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
