// Every count written before a noun goes through `plural`/`nounFor` (src/core/text/plural.ts): this scans
// the source for templates that would print "1 servers" or "2 server" and fails on any that bypass it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { REPO } from '../live/lab';

/** Nouns MCP Warden counts in messages, summaries, tree labels and notifications. */
const NOUNS = [
  'server',
  'tool',
  'finding',
  'file',
  'item',
  'prompt',
  'resource',
  'character',
  'line',
  'canary',
  'canarie',
  'alert',
  'entry',
  'entrie',
  'combination',
  'problem',
  'error',
  'warning',
  'package',
  'secret',
  'change',
  'edit',
  'session',
  'flow',
  'span',
  'note',
  'byte',
  'space',
  'call',
  'request',
  'record',
  'token',
  'folder',
  'advisory',
  'advisorie',
  'template',
  'process',
  'processe',
  'page',
  'step',
  'pin',
];
const NOUN = `(?:${NOUNS.join('|')})s?`;
/** `${count} noun`, `${count} adjective noun` (one or two words between). */
const COUNT_BEFORE_NOUN = new RegExp(`\\$\\{((?:[^{}]|\\{[^{}]*\\})*)\\}\\s+(?:[a-z-]+\\s+){0,2}?(${NOUN})\\b(?![[(\\w])`, 'g');
/** Expressions that are counts: a length or size, arithmetic, or a name that says it counts. */
const COUNT_EXPRESSION =
  /\.length\b|\.size\b|\s[-+]\s|^(?:[\w.!]*\.)?(?:n|count|total|more|hidden|kept|skipped|flagged|suspicious|changed|defined|loaded|unread|bytes|chars|lines|distance|invalidLines|filesRead|notes|longestSpaces|size|length)$/;
const HELPER = /\b(?:plural|nounFor)\(/;
/** A constant (`MAX_NESTING_DEPTH levels`) is a fixed number, never 1. */
const CONSTANT = /^[A-Z][A-Z0-9_]*$/;

export function bypasses(line: string): string[] {
  const out: string[] = [];
  if (/`[^`]*\w\(s\)/.test(line) && !/https?\(s\)|http\(s\)/.test(line)) out.push('"(s)" instead of the right number');
  if (/(?:===|!==) ?1 \? '(?:s|es)?' : '(?:s|es)?'/.test(line)) out.push('a hand-made plural ending');
  for (const m of line.matchAll(COUNT_BEFORE_NOUN)) {
    const expression = m[1]!.trim();
    // A helper call, a constant, or a choice of words (`${n === 1 ? 'it' : 'them'}`) is not a bare count.
    if (HELPER.test(expression) || CONSTANT.test(expression) || /\?\s*'/.test(expression) || !COUNT_EXPRESSION.test(expression)) continue;
    out.push(`\${${expression}} ${m[2]}`);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && e.name !== 'listingsData.ts' ? [path] : [];
  });
}

test('the scan recognises a bypass and accepts the helper', () => {
  assert.deepEqual(bypasses('return `${servers.length} servers`;'), ['${servers.length} servers']);
  assert.deepEqual(bypasses('out.push(`${flagged} suspicious item(s)`)').length, 1);
  assert.deepEqual(bypasses("const t = `${n} tool${n === 1 ? '' : 's'}`;").length, 2);
  assert.deepEqual(bypasses('`${total} findings in ${filesRead} config files`').length, 2);
  assert.deepEqual(bypasses("return `${plural(servers.length, 'server')}`;"), []);
  assert.deepEqual(bypasses("return `${n} suspicious ${nounFor(n, 'item')}`;"), []);
  assert.deepEqual(bypasses('`nested deeper than ${MAX_NESTING_DEPTH} levels`'), []);
  assert.deepEqual(bypasses('`${name} servers`'), [], 'a name is not a count');
});

test('no template in src/ writes a count before a noun without plural()/nounFor()', () => {
  const found: string[] = [];
  const files = sources(join(REPO, 'src'));
  assert.ok(files.length > 200, `only ${files.length} source files found`);
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const what of bypasses(line)) found.push(`${relative(REPO, file)}:${i + 1}: ${what}`);
      });
  }
  assert.deepEqual(found, []);
});
