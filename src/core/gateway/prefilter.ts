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

const TRIGGER_WORDS: readonly string[] = Object.entries(SHIPPED_MODEL.weights)
  .filter(([feature, weight]) => weight >= PREFILTER_MIN_WEIGHT && /^[a-z]+$/.test(feature))
  .map(([feature]) => feature);
/** Whole words (as `\b…\b`, any case) that always send a text to the analyzer. */
export const NEGATIONS: readonly string[] = ['not', 'never', 'dont', 'cannot', 'no', 'without', 'avoid'];

/**
 * The rule, as regular expressions (the reference the single pass below is tested against):
 * `STRUCTURE.test(text)`, or a lower-cased `[a-z]+` run that is a trigger word.
 */
export const STRUCTURE = new RegExp(
  `[^\\t\\n\\x20-\\x7e]|["'\`<>[\\]{}@~|\\\\]|:\\/\\/|\\.[a-z]|[a-z0-9+/=_-]{16,}|[ \\t\\n]{15,}|\\b(?:${NEGATIONS.join('|')})\\b`,
  'i',
);
export const TRIGGER_WORD_SET: ReadonlySet<string> = new Set(TRIGGER_WORDS);

// One pass over the text, no allocation: each character's classes from a table, words recognised by a
// hash of their lower-cased letters (then compared letter by letter).
const PRINTABLE = 1; // \t, \n, 0x20–0x7e
const MARKUP = 2; // " ' ` < > [ ] { } @ ~ | \
const TOKEN = 4; // [a-z0-9+/=_-], any case
const BLANK = 8; // space, \t, \n
const WORD = 16; // \w: [A-Za-z0-9_]
const LETTER = 32; // [A-Za-z]
const CLASSES = new Uint8Array(128);
for (let c = 0x20; c <= 0x7e; c++) CLASSES[c] = PRINTABLE;
for (const ch of '\t\n') CLASSES[ch.charCodeAt(0)] = PRINTABLE | BLANK;
CLASSES[0x20]! |= BLANK;
for (const ch of '"\'`<>[]{}@~|\\') CLASSES[ch.charCodeAt(0)]! |= MARKUP;
for (const ch of '+/=_-0123456789') CLASSES[ch.charCodeAt(0)]! |= TOKEN;
for (const ch of '_0123456789') CLASSES[ch.charCodeAt(0)]! |= WORD;
for (let c = 0x41; c <= 0x5a; c++) {
  CLASSES[c]! |= TOKEN | WORD | LETTER;
  CLASSES[c + 0x20]! |= TOKEN | WORD | LETTER;
}

const hashStep = (hash: number, lowerCode: number) => (Math.imul(hash, 31) + lowerCode) | 0;

function byHash(words: readonly string[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const word of words) {
    let hash = 0;
    for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
    const list = map.get(hash);
    if (list) list.push(word);
    else map.set(hash, [word]);
  }
  return map;
}
const TRIGGERS_BY_HASH = byHash(TRIGGER_WORDS);
const NEGATIONS_BY_HASH = byHash(NEGATIONS);

/** Whether text[start, end) equals, in any case, one of the words with this hash. */
function isWord(text: string, start: number, end: number, hash: number, words: Map<number, string[]>): boolean {
  const candidates = words.get(hash);
  if (candidates === undefined) return false;
  next: for (const word of candidates) {
    if (word.length !== end - start) continue;
    for (let i = 0; i < word.length; i++) if ((text.charCodeAt(start + i) | 0x20) !== word.charCodeAt(i)) continue next;
    return true;
  }
  return false;
}

/** False only when the analyzer cannot report a warning or an error on this text. */
export function mayCarryInstructions(text: string): boolean {
  const length = text.length;
  if (length > PREFILTER_MAX_CHARS) return true;
  let tokenRun = 0;
  let blankRun = 0;
  let wordStart = -1; // of the current \w run
  let wordHash = 0; // its lower-cased characters' hash (only while it is all letters and digits of words)
  let letterStart = -1; // of the current letter run
  let letterHash = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    const cls = c < 128 ? CLASSES[c]! : 0;
    if ((cls & PRINTABLE) === 0 || (cls & MARKUP) !== 0) return true;
    if (cls & TOKEN) {
      if (++tokenRun >= 16) return true;
    } else tokenRun = 0;
    if (cls & BLANK) {
      if (++blankRun >= 15) return true;
    } else blankRun = 0;
    if (c === 0x3a /* : */ && text.charCodeAt(i + 1) === 0x2f && text.charCodeAt(i + 2) === 0x2f) return true;
    if (c === 0x2e /* . */ && i + 1 < length && (CLASSES[text.charCodeAt(i + 1)]! & LETTER) !== 0) return true;
    if (cls & WORD) {
      if (wordStart < 0) {
        wordStart = i;
        wordHash = 0;
      }
      wordHash = hashStep(wordHash, cls & LETTER ? c | 0x20 : c);
    } else if (wordStart >= 0) {
      if (isWord(text, wordStart, i, wordHash, NEGATIONS_BY_HASH)) return true;
      wordStart = -1;
    }
    if (cls & LETTER) {
      if (letterStart < 0) {
        letterStart = i;
        letterHash = 0;
      }
      letterHash = hashStep(letterHash, c | 0x20);
    } else if (letterStart >= 0) {
      if (isWord(text, letterStart, i, letterHash, TRIGGERS_BY_HASH)) return true;
      letterStart = -1;
    }
  }
  return (
    (wordStart >= 0 && isWord(text, wordStart, length, wordHash, NEGATIONS_BY_HASH)) ||
    (letterStart >= 0 && isWord(text, letterStart, length, letterHash, TRIGGERS_BY_HASH))
  );
}
