import { WEIGHTS } from '../combine';
import type { Capability, Evidence } from '../types';
import { pairs, textWords } from './words';

export interface DescriptionEvidence {
  capability: Capability;
  evidence: Evidence;
}

/** Words and two-word phrases (singular, lowercase) that suggest each capability in a description. */
const PHRASES: Record<Capability, readonly string[]> = {
  'untrusted-content': [
    'web page',
    'webpage',
    'from the',
    'the internet',
    'search the',
    'web search',
    'scrape',
    'crawl',
    'browser',
    'inbox',
    'fetche',
    'fetch',
    'fetch url',
    'url content',
    'public repository',
    'user generated',
    'untrusted',
  ],
  'private-data': [
    'file system',
    'filesystem',
    'local file',
    'database',
    'sql',
    'private',
    'secret',
    'credential',
    'password',
    'environment variable',
    'personal',
    'contact',
    'calendar',
    'mailbox',
  ],
  outbound: ['send', 'post to', 'publish', 'upload', 'webhook', 'http request', 'notify', 'email to', 'message to'],
  destructive: ['delete', 'remove', 'overwrite', 'drop', 'execute', 'shell command', 'terminal', 'permanently', 'irreversible', 'refund', 'payment'],
};

/** Only phrases that name a capability on their own; "from the" alone is too weak and needs a web word after it. */
const NEEDS_FOLLOWER: Record<string, readonly string[]> = {
  'from the': ['web', 'internet'],
  'search the': ['web', 'internet'],
};

/**
 * Capability hints from a tool's description: weak (the text is the server's, and may be long or
 * hostile), capped in length, one evidence item per capability listing the matched phrases.
 */
export function descriptionSignals(description: string | undefined): DescriptionEvidence[] {
  if (!description) return [];
  const words = textWords(description);
  const present = new Set<string>([...words, ...pairs(words)]);
  const triples = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) triples.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  const out: DescriptionEvidence[] = [];
  for (const [capability, phrases] of Object.entries(PHRASES) as [Capability, readonly string[]][]) {
    const hits = phrases.filter((p) => {
      const followers = NEEDS_FOLLOWER[p];
      if (followers) return followers.some((f) => triples.has(`${p} ${f}`));
      return present.has(p);
    });
    if (hits.length === 0) continue;
    const shown = hits
      .slice(0, 3)
      .map((h) => `"${h}"`)
      .join(', ');
    out.push({ capability, evidence: { source: 'description', weight: WEIGHTS.description, detail: `description mentions ${shown}` } });
  }
  return out;
}
