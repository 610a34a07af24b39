import { WEIGHTS } from './combine';
import { identifierWords } from './signals/words';
import type { Capability, CapabilityLabel, ToolClassification } from './types';

const KEYWORDS: Record<Capability, ReadonlySet<string>> = {
  'untrusted-content': new Set([
    'fetch',
    'fetcher',
    'browser',
    'playwright',
    'puppeteer',
    'scrape',
    'scraper',
    'crawl',
    'crawler',
    'search',
    'web',
    'rss',
    'youtube',
    'reddit',
    'twitter',
    'hackernews',
    'news',
    'email',
    'gmail',
    'mail',
    'outlook',
    'imap',
    'slack',
    'discord',
    'telegram',
    'whatsapp',
    'github',
    'gitlab',
    'jira',
    'zendesk',
    'intercom',
  ]),
  'private-data': new Set([
    'private',
    'secret',
    'note',
    'filesystem',
    'file',
    'fs',
    'postgres',
    'postgresql',
    'mysql',
    'sqlite',
    'mongo',
    'mongodb',
    'redis',
    'database',
    'db',
    'sql',
    'drive',
    'gdrive',
    'dropbox',
    'notion',
    'obsidian',
    'memory',
    'calendar',
    'contact',
    'email',
    'gmail',
    'mail',
    'outlook',
    'slack',
    'github',
    'gitlab',
    'vault',
    'aws',
    'gcp',
    'azure',
    'kubernetes',
    'k8s',
    'jira',
    'confluence',
  ]),
  outbound: new Set([
    'sender',
    'email',
    'gmail',
    'mail',
    'smtp',
    'slack',
    'discord',
    'telegram',
    'whatsapp',
    'twilio',
    'sms',
    'webhook',
    'github',
    'gitlab',
    'twitter',
    'notifier',
    'notify',
  ]),
  destructive: new Set(['shell', 'terminal', 'exec', 'command', 'kubectl', 'kubernetes', 'k8s', 'docker', 'ssh', 'desktop']),
};

/** Every keyword as a substring (a word of a name is a substring of it, lower-cased; `-y` endings dropped for `-ies` plurals): most names hold none, and are done without splitting them into words. */
const ANY_KEYWORD = new RegExp([...new Set(Object.values(KEYWORDS).flatMap((set) => [...set]))].map((k) => k.replace(/y$/, '')).join('|'));

/** Words of servers that only read documentation, reason or tell the time: no role is guessed for them (`aws-documentation`, `sequential-thinking`). */
const NEUTRAL = new Set(['doc', 'docs', 'documentation', 'thinking', 'think', 'sequential', 'sequentialthinking', 'reasoning', 'time', 'calculator', 'math']);

const NOISE = new Set(['mcp', 'server', 'modelcontextprotocol', 'model', 'context', 'protocol', 'npm', 'io', 'com', 'ghcr']);

/**
 * For a server absent from the catalog and never inspected: one pseudo-tool whose labels are
 * guessed from its package and config names. Marked `guessed`, so findings built on it say so.
 */
export function guessFromNames(names: readonly string[]): ToolClassification | undefined {
  if (!ANY_KEYWORD.test(names.join(' ').toLowerCase())) return undefined;
  const words = [...new Set(names.flatMap((n) => identifierWords(n)).filter((w) => !NOISE.has(w)))];
  if (words.some((w) => NEUTRAL.has(w))) return undefined;
  const labels: CapabilityLabel[] = [];
  for (const [capability, keywords] of Object.entries(KEYWORDS) as [Capability, ReadonlySet<string>][]) {
    const hit = words.find((w) => keywords.has(w));
    if (!hit) continue;
    labels.push({
      capability,
      confidence: WEIGHTS.catalogWeak,
      evidence: [
        { source: 'name', weight: WEIGHTS.catalogWeak, detail: `guessed from the name "${hit}" (its tools are unknown until the server is inspected)` },
      ],
    });
  }
  if (labels.length === 0) return undefined;
  return { tool: '*', labels, guessed: true, content: 'content it brings in' };
}
