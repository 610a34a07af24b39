import { detectChains } from './chains';
import { detectCoercion } from './coercion';
import { detectConcealment } from './concealment';
import { FieldContext, type FieldDetector, type RawReport } from './context';
import { detectExfiltration } from './exfiltration';
import { detectForeign } from './foreign';
import { detectHiddenInstructions } from './hidden-instructions';
import { detectHiddenRecipient } from './hidden-recipient';
import { detectOrders } from './orders';
import { detectPromotion } from './promotion';
import { detectPromptInjection } from './prompt-injection';
import { detectRestrictions } from './restrictions';
import { detectSecretRequests } from './secret-requests';
import { detectSensitiveTargets } from './sensitive-target';
import { detectShadowing } from './shadowing';
import { detectSideEffects } from './side-effects';
import { detectSteering } from './steering';

/** The detectors that read words (as opposed to characters): also run on decoded hidden text. */
export const PHRASE_DETECTORS: readonly FieldDetector[] = [
  detectHiddenInstructions,
  detectConcealment,
  detectCoercion,
  detectShadowing,
  detectSensitiveTargets,
  detectExfiltration,
  detectPromptInjection,
  detectSteering,
  detectPromotion,
  detectOrders,
  detectChains,
  detectRestrictions,
  detectHiddenRecipient,
  detectForeign,
  detectSecretRequests,
  detectSideEffects,
];

/** What the phrase detectors find in a piece of decoded text, judged as if it stood in `ctx`'s field. */
export function phraseFindings(ctx: FieldContext, decoded: string): RawReport[] {
  const inner = new FieldContext({ ...ctx.field, text: decoded }, ctx.scope);
  for (const detect of PHRASE_DETECTORS) detect(inner);
  return inner.reports.filter((r) => r.severity !== 'info');
}
