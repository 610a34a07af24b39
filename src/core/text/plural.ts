/** "1 server", "2 servers", "0 entries": a count with its noun in the right number. */
export function plural(n: number, singular: string, pluralForm = regularPlural(singular)): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** The noun alone, in the number that `n` asks for. */
export function nounFor(n: number, singular: string, pluralForm = regularPlural(singular)): string {
  return n === 1 ? singular : pluralForm;
}

function regularPlural(word: string): string {
  const last = word.split(' ').pop()!;
  const head = word.slice(0, word.length - last.length);
  if (/[^aeiou]y$/.test(last)) return head + last.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/.test(last)) return head + last + 'es';
  return head + last + 's';
}
