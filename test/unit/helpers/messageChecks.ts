// What every finding's message must respect, checked over every rule-table case and the lab configs:
// it fits a Problems row (details go to the rule's documentation page the finding links to, and to
// related locations) and counts in the right number.
export const MAX_MESSAGE_LENGTH = 200;

/** Nouns rule messages count. */
const COUNTED: readonly [singular: string, plural: string][] = [
  ['server', 'servers'],
  ['tool', 'tools'],
  ['finding', 'findings'],
  ['file', 'files'],
  ['item', 'items'],
  ['prompt', 'prompts'],
  ['resource', 'resources'],
  ['advisory', 'advisories'],
  ['edit', 'edits'],
  ['secret', 'secrets'],
  ['combination', 'combinations'],
  ['flow', 'flows'],
  ['character', 'characters'],
  ['line', 'lines'],
  ['package', 'packages'],
  ['entry', 'entries'],
  ['byte', 'bytes'],
];
const SINGULAR = COUNTED.map(([s]) => s).join('|');
const PLURAL = COUNTED.map(([, p]) => p).join('|');
/** "1 servers", "1 more servers", "1 data-leak combinations". */
const ONE_WITH_PLURAL = new RegExp(`(?<![\\w.,])1 (?:[a-z-]+ )?(?:${PLURAL})\\b`, 'g');
/** "2 server", "0 tool", "+3 more server" (a singular noun after a count other than 1, not a compound such as "2 server-side"). */
const MANY_WITH_SINGULAR = new RegExp(`(?<![\\w.,])(?:0|[2-9]|[1-9]\\d+) (?:[a-z-]+ )?(?:${SINGULAR})\\b(?![-'’])`, 'g');
/** Any count before a counted noun, to show the check had something to look at. */
const COUNT_PHRASE = new RegExp(`(?<![\\w.,])(\\d+) (?:[a-z-]+ )?(?:${PLURAL}|${SINGULAR})\\b`, 'g');

export function pluralMistakes(message: string): string[] {
  return [...message.matchAll(ONE_WITH_PLURAL), ...message.matchAll(MANY_WITH_SINGULAR)].map((m) => m[0]);
}

/** The counts that appear before counted nouns ("3 servers run…" gives 3). */
export function countsIn(message: string): number[] {
  return [...message.matchAll(COUNT_PHRASE)].map((m) => Number(m[1]));
}

/** Problems with one message: too long for a Problems row, or a count in the wrong number. */
export function messageProblems(message: string): string[] {
  const out = pluralMistakes(message).map((m) => `"${m}": count and noun disagree`);
  if (message.length > MAX_MESSAGE_LENGTH) out.push(`${message.length} characters (over ${MAX_MESSAGE_LENGTH}): move the detail to the rule's docs page`);
  return out;
}
