import { SHIPPED_MODEL } from '../tools/learned/weights';

/**
 * A cheap test that decides whether a result's text goes through the tool-text analyzer. It says
 * "no" only for plain short text: printable ASCII without markup, quotes, URLs, paths, file or host
 * names, long runs of blanks or encoded-looking runs, no negation, and none of the words the learned
 * model counts towards an instruction to the model with weight PREFILTER_MIN_WEIGHT or more. Every
 * detector keys on one of those (characters, structure, phrases made of such words); the unit test
 * proves on the detection corpus and the lab that no text it lets pass has a finding the shield reports.
 */
export const PREFILTER_MIN_WEIGHT = 0.5;
/** Longer texts are always analysed. */
export const PREFILTER_MAX_CHARS = 1_000;

const TRIGGER_WORDS: ReadonlySet<string> = new Set(
  Object.entries(SHIPPED_MODEL.weights)
    .filter(([feature, weight]) => weight >= PREFILTER_MIN_WEIGHT && /^[a-z]+$/.test(feature))
    .map(([feature]) => feature),
);

const STRUCTURE = /[^\t\n\x20-\x7e]|["'`<>[\]{}@~|\\]|:\/\/|\.[a-z]|[a-z0-9+/=_-]{16,}|[ \t\n]{15,}|\b(?:not|never|dont|cannot|no|without|avoid)\b/i;
const WORD = /[a-z]+/g;

/** False only when the analyzer cannot report a warning or an error on this text. */
export function mayCarryInstructions(text: string): boolean {
  if (text.length > PREFILTER_MAX_CHARS || STRUCTURE.test(text)) return true;
  const lower = text.toLowerCase();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) if (TRIGGER_WORDS.has(m[0])) return true;
  return false;
}
