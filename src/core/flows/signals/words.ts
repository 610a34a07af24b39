/** Splits an identifier (`get_issue`, `runInTerminal`, `API-post-search`, `web/fetch`) into lowercase words. */
export function identifierWords(name: string): string[] {
  const spaced = name
    .slice(0, 200)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return spaced
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .map(singular);
}

/** Plain words of a text, lowercased and singular, capped so hostile descriptions stay cheap. */
export function textWords(text: string, limit = 4000): string[] {
  return text
    .slice(0, limit)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .map(singular);
}

/** `issues` → `issue`, `messages` → `message`; leaves `process`, `status`, `has` alone. */
export function singular(word: string): string {
  if (word.length <= 3 || !word.endsWith('s') || word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  return word.slice(0, -1);
}

export function hasAny(words: readonly string[], set: ReadonlySet<string>): string | undefined {
  return words.find((w) => set.has(w));
}

/** Adjacent word pairs joined by a space, for phrases like "web page". */
export function pairs(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]} ${words[i + 1]}`);
  return out;
}
