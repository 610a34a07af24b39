/** Shannon entropy of a string, in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** How many of lowercase, uppercase, digits and other characters the string uses (0–4). */
export function charClassCount(text: string): number {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other;
}

/** Whether the string uses at most `max` different characters (stops counting early). */
export function hasFewDistinctChars(text: string, max: number): boolean {
  const seen: string[] = [];
  for (const c of text) {
    if (seen.includes(c)) continue;
    if (seen.length === max) return false;
    seen.push(c);
  }
  return true;
}

/** Changes between lower and upper case letters: a word has few, a random string many. */
export function caseChanges(text: string): number {
  let changes = 0;
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind = c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : 0;
    if (kind !== 0 && previous !== 0 && kind !== previous) changes++;
    if (kind !== 0) previous = kind;
  }
  return changes;
}

/** Random enough to be a generated credential rather than a word, name or number. */
export function looksRandom(text: string): boolean {
  if (text.length < 16) return false;
  return shannonEntropy(text) >= 3.3 && charClassCount(text) >= 2;
}
