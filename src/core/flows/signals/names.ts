import { WEIGHTS } from '../combine';
import type { Capability, Evidence } from '../types';
import { hasAny, identifierWords } from './words';

export interface NameEvidence {
  capability: Capability;
  evidence: Evidence;
}

const set = (...words: string[]): ReadonlySet<string> => new Set(words);

const READ = set(
  'get',
  'read',
  'list',
  'search',
  'find',
  'query',
  'fetch',
  'view',
  'show',
  'open',
  'load',
  'retrieve',
  'lookup',
  'cat',
  'browse',
  'download',
  'describe',
  'scrape',
  'crawl',
  'extract',
  'summarize',
);
const CREATE = set('create', 'add', 'post', 'submit', 'new', 'write', 'reply', 'comment', 'leave');
const DESTROY = set('delete', 'remove', 'rm', 'drop', 'destroy', 'purge', 'truncate', 'erase', 'wipe', 'kill', 'terminate', 'overwrite', 'unlink', 'rmdir');
const MODIFY = set(
  'write',
  'edit',
  'update',
  'patch',
  'move',
  'rename',
  'merge',
  'reset',
  'deploy',
  'cancel',
  'refund',
  'pay',
  'charge',
  'transfer',
  'modify',
  'replace',
  'archive',
  'revoke',
  'close',
  'apply',
  'commit',
  'checkout',
  'rebase',
  'install',
  'uninstall',
  'restart',
  'stop',
  'pause',
  'finalize',
  'void',
);
const EXECUTE = set('exec', 'execute', 'run', 'eval', 'evaluate', 'spawn', 'invoke');
const SEND = set('send', 'publish', 'notify', 'share', 'upload', 'push', 'tweet', 'forward', 'invite', 'broadcast', 'dm');
const VERBS: ReadonlySet<string> = new Set([...READ, ...CREATE, ...DESTROY, ...MODIFY, ...EXECUTE, ...SEND]);

const EXECUTABLE = set(
  'command',
  'cmd',
  'shell',
  'bash',
  'terminal',
  'script',
  'code',
  'process',
  'powershell',
  'sh',
  'python',
  'javascript',
  'js',
  'notebook',
  'workflow',
  'task',
);
const SHELL = set('shell', 'bash', 'terminal', 'powershell', 'zsh');
const SINK_OBJECT = set('webhook', 'sms', 'smtp');
const PUBLIC_OBJECT = set(
  'comment',
  'issue',
  'pull',
  'pr',
  'message',
  'email',
  'mail',
  'post',
  'gist',
  'review',
  'discussion',
  'reply',
  'tweet',
  'chat',
  'sms',
  'notification',
  'invitation',
);
const WEB = set(
  'fetch',
  'scrape',
  'crawl',
  'browse',
  'navigate',
  'web',
  'webpage',
  'url',
  'internet',
  'google',
  'bing',
  'duckduckgo',
  'http',
  'html',
  'rss',
  'youtube',
  'wikipedia',
);
const FOREIGN_OBJECT = set(
  'issue',
  'comment',
  'pr',
  'pull',
  'review',
  'discussion',
  'email',
  'mail',
  'inbox',
  'message',
  'thread',
  'channel',
  'post',
  'tweet',
  'feed',
  'notification',
  'ticket',
  'chat',
  'conversation',
  'snapshot',
  'screenshot',
  'page',
  'webpage',
  'article',
  'news',
);
const PRIVATE_OBJECT = set(
  'file',
  'dir',
  'directory',
  'folder',
  'document',
  'doc',
  'db',
  'database',
  'table',
  'row',
  'record',
  'contact',
  'calendar',
  'note',
  'memory',
  'graph',
  'node',
  'entity',
  'drive',
  'customer',
  'account',
  'balance',
  'invoice',
  'payment',
  'inbox',
  'email',
  'mail',
  'message',
  'repo',
  'repository',
  'code',
  'schema',
  'profile',
  'employee',
  'order',
  'subscription',
  'observation',
  'clipboard',
  'photo',
  'diff',
  'commit',
  'branch',
);
const DATABASE = set('sql', 'database', 'db');
const SECRET = set('secret', 'credential', 'password', 'env', 'apikey', 'keychain', 'vault', 'ssh', 'cookie');

/**
 * Capability hints from a tool's name alone. The first verb-like word decides the action (so
 * `get_posts` reads and `slack_post_message` writes); `reads` says what a read on this server
 * returns when the server is known.
 */
export function nameSignals(name: string, reads: readonly Capability[] = []): NameEvidence[] {
  const words = identifierWords(name);
  const verb = words.find((w) => VERBS.has(w));
  const out: NameEvidence[] = [];
  const add = (capability: Capability, weight: number, why: string) =>
    out.push({ capability, evidence: { source: 'name', weight, detail: `\`${name}\`: ${why}` } });

  const executable = hasAny(words, EXECUTABLE);
  const shell = hasAny(words, SHELL);
  if ((verb && EXECUTE.has(verb) && executable) || shell) {
    const what = shell ?? executable!;
    add('destructive', WEIGHTS.nameStrong, `runs a ${what}, which can change anything`);
    add('outbound', WEIGHTS.name, `a ${what} can reach the network (curl, wget…)`);
  }
  const destroy = hasAny(words, DESTROY);
  if (destroy) add('destructive', WEIGHTS.nameStrong, `"${destroy}" deletes or overwrites`);
  else if (verb && MODIFY.has(verb)) add('destructive', WEIGHTS.name, `"${verb}" changes existing data`);

  const creates = verb !== undefined && CREATE.has(verb);
  if (verb && SEND.has(verb)) add('outbound', WEIGHTS.name, `"${verb}" sends data to others`);
  const publicObject = hasAny(words, PUBLIC_OBJECT);
  if (creates && publicObject) add('outbound', WEIGHTS.name, `"${verb} ${publicObject}" writes where others can read it`);
  const sink = hasAny(words, SINK_OBJECT);
  if (sink) add('outbound', WEIGHTS.name, `a ${sink} delivers data elsewhere`);

  const reading = verb === undefined || READ.has(verb);
  const web = hasAny(words, WEB);
  if (web && reading) add('untrusted-content', WEIGHTS.name, `"${web}" brings in content from the web`);
  if (verb && READ.has(verb)) {
    const foreign = hasAny(words, FOREIGN_OBJECT);
    if (foreign) add('untrusted-content', WEIGHTS.name, `reads ${foreign}s, which others can write`);
    const privateObject = hasAny(words, PRIVATE_OBJECT);
    if (privateObject) add('private-data', WEIGHTS.name, `reads ${privateObject}s`);
    for (const capability of reads)
      add(capability, WEIGHTS.name, `a read on a server whose data is ${capability === 'private-data' ? 'private' : 'written by outsiders'}`);
  }
  const database = hasAny(words, DATABASE);
  if (database) add('private-data', WEIGHTS.nameWeak, `"${database}" reaches a database`);
  const secret = hasAny(words, SECRET);
  if (secret) add('private-data', WEIGHTS.nameStrong, `"${secret}" touches secrets`);
  return out;
}
