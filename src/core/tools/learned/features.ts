import { fold, originalRange } from '../fold';
import type { TextField } from '../types';

/**
 * Features of one definition for the learned model: word unigrams and bigrams of its folded text
 * (every field the model reads, names and schema strings included), with a few shapes abstracted so
 * the model learns the class, not the instance: `⟨url⟩`, `⟨email⟩`, `⟨ip⟩`, `⟨path⟩` (home or
 * absolute dot-paths), `⟨tag⟩` (an XML/bracket marker such as `<sys_note>` or `[[ADMIN]]`), `⟨0⟩`
 * (numbers). A lone letter is not a word and gives no feature. Bigrams never cross a sentence end. Identifiers (snake_case, camelCase or dotted names) also
 * give their direction: `⟨self⟩` (the definition's own name), `⟨own⟩` (another tool of the same
 * server), `⟨param⟩` (one of its parameters) or `⟨ident⟩` (anything else — another server's tool, a
 * field of a result), as a unigram and with the word before it ("call ⟨ident⟩", "call ⟨own⟩"). Counter-evidence is part of the feature: words
 * inside double quotes or backticks are prefixed `q:` (a security tool quoting an injection is not
 * giving one) and words after a negator in the same clause `¬` ("never include secrets"). Each
 * feature remembers where it occurred first, so a verdict can point at the words that drove it.
 */
export interface FeatureHit {
  field: TextField;
  start: number;
  end: number;
}

/** Folded text bounded per field, so a 5 MB description costs what its first 20,000 characters cost. */
const MAX_FIELD_CHARS = 20_000;
const MAX_TOKENS = 4_000;

const TOKEN =
  /https?:\/\/[^\s"'<>)\]]+|[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+|\b\d{1,3}(?:\.\d{1,3}){3}\b|~\/[^\s"'`)]*|(?<![a-z0-9])\/(?:etc|home|users|root|var|tmp|proc)\/[^\s"'`)]*|<\/?[a-z_][a-z0-9_:-]{0,40}(?:\s[^<>]{0,80})?>|\[\[?[a-z_][a-z0-9_ :-]{0,40}\]\]?|\{\{[^{}]{0,40}\}\}|[a-z]+(?:'[a-z]+)?|\d+|[.!?;:"`'\n]/g;

function shape(token: string): string {
  const c = token.charCodeAt(0);
  if (token.startsWith('http')) return token.includes('://') ? '⟨url⟩' : token;
  if (token.includes('@') && token.length > 3) return '⟨email⟩';
  if (c === 0x7e || c === 0x2f) return '⟨path⟩';
  if (c === 0x3c || c === 0x5b) return token.startsWith('</') ? '⟨/tag⟩' : '⟨tag⟩';
  if (c === 0x7b) return '⟨tpl⟩';
  if (c >= 0x30 && c <= 0x39) return /^\d{1,3}(\.\d{1,3}){3}$/.test(token) ? '⟨ip⟩' : '⟨0⟩';
  return token;
}

const SENTENCE_END = new Set(['.', '!', '?', ';', ':', '\n']);
const QUOTE = new Set(['"', '`', "'"]);
/** Words that put the rest of their clause under negation ("never put secrets here"). */
const NEGATORS = new Set(['not', 'never', "don't", 'dont', "doesn't", "mustn't", "shouldn't", "won't", 'cannot', "can't", 'no', 'without', 'avoid']);

/** What the definition knows about its surroundings (lower-case names). */
export interface FeatureContext {
  /** The server's tools, this one included. */
  ownTools?: ReadonlySet<string>;
}

/** snake_case or camelCase, in the original spelling (folding lower-cases). */
const IDENTIFIER = /[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+/y;

function directionOf(id: string, self: string, own: ReadonlySet<string>, params: ReadonlySet<string>): string {
  const low = id.toLowerCase();
  if (low === self) return '⟨self⟩';
  if (own.has(low)) return '⟨own⟩';
  if (params.has(low)) return '⟨param⟩';
  return '⟨ident⟩';
}

/** Feature → first occurrence. */
export function extractFeatures(fields: readonly TextField[], context: FeatureContext = {}): Map<string, FeatureHit> {
  const out = new Map<string, FeatureHit>();
  let tokens = 0;
  const self = (fields.find((f) => f.role === 'name')?.text ?? '').toLowerCase();
  const own = context.ownTools ?? new Set<string>();
  const params = new Set(fields.filter((f) => f.role === 'parameterName').map((f) => f.text.toLowerCase()));
  for (const field of fields) {
    // The definition's own name says what it is about (weather, calculator…), not how it talks to the model.
    if (field.role === 'name' || (field.role === 'value' && field.text.length < 3)) continue;
    const folded = fold(field.text.length > MAX_FIELD_CHARS ? field.text.slice(0, MAX_FIELD_CHARS) : field.text);
    const text = folded.text;
    const prefix = field.role === 'parameterName' ? 'n:' : '';
    let prev: { word: string; start: number } | undefined;
    let quoted = false;
    let negated = false;
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(text); m && tokens < MAX_TOKENS; m = TOKEN.exec(text)) {
      tokens++;
      const raw = m[0];
      if (QUOTE.has(raw)) {
        // A quote opens only when it closes on the same line: an unclosed quote cannot hide the rest.
        if (quoted || closes(text, m.index, raw)) quoted = !quoted;
        prev = undefined;
        continue;
      }
      if (SENTENCE_END.has(raw)) {
        prev = undefined;
        negated = false;
        if (raw === '\n') quoted = false;
        continue;
      }
      const word = (quoted ? 'q:' : negated ? '¬' : '') + shape(raw);
      if (NEGATORS.has(raw)) negated = true;
      const end = m.index + raw.length;
      const at = (s: number, e: number): FeatureHit => {
        const r = originalRange(folded, s, e);
        return { field, start: r.start, end: r.end };
      };
      // A lone letter is noise, not a word: the "t" and "z" of a timestamp, the "u" of "\u00e9", the "w"
      // of "\w+", "a"/"i". It gets no feature and is skipped by the bigrams ("send a key" → "send key").
      const letter = isLoneLetter(raw);
      const uni = prefix + word;
      if (!letter && !out.has(uni)) out.set(uni, at(m.index, end));
      if (!quoted && !negated && field.role !== 'parameterName') {
        const o = folded.starts[m.index]!;
        IDENTIFIER.lastIndex = o;
        const id = o > 0 && /[A-Za-z0-9_]/.test(field.text[o - 1]!) ? null : IDENTIFIER.exec(field.text);
        if (id && /[_A-Z]/.test(id[0].slice(1))) {
          const dir = directionOf(id[0], self, own, params);
          const hit: FeatureHit = { field, start: o, end: o + id[0].length };
          if (!out.has(dir)) out.set(dir, hit);
          const bi = `${prev ? prev.word : '⟨start⟩'} ${dir}`;
          if (!out.has(bi)) out.set(bi, hit);
        }
      }
      if (letter) continue;
      if (prev) {
        const bi = `${prefix}${prev.word} ${word}`;
        if (!out.has(bi)) out.set(bi, at(prev.start, end));
      }
      prev = { word, start: m.index };
    }
  }
  return out;
}

function isLoneLetter(token: string): boolean {
  const c = token.charCodeAt(0);
  return token.length === 1 && c >= 0x61 && c <= 0x7a;
}

function closes(text: string, at: number, quote: string): boolean {
  const close = text.indexOf(quote, at + 1);
  if (close === -1 || close - at > 300) return false;
  const line = text.indexOf('\n', at + 1);
  return line === -1 || close < line;
}
