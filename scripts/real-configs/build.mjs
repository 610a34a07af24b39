// Builds test/fixtures/real-configs from snapshots of public repositories (see README.md there).
//
//   node scripts/real-configs/build.mjs <mirror-root>
//
// <mirror-root> holds one bare git snapshot per repository as <owner>+<name>/repo. Every file listed in
// sources.json is read at its recorded commit. Real credentials are never written: each entry of
// substitutions.json names a quoted string of a file by the first 12 hex digits of its SHA-256 and a
// character range inside it, and that range is replaced by a synthetic value of the same length and
// character classes (hex stays hex, letters stay letters of the same case, digits stay digits, every
// other character is kept), drawn from a generator seeded by the file and the entry. The real value is
// not stored anywhere in this repository.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const out = join(root, 'test', 'fixtures', 'real-configs');
const mirrors = process.argv[2];
if (!mirrors) {
  console.error('usage: node scripts/real-configs/build.mjs <mirror-root>');
  process.exit(2);
}

const sources = JSON.parse(readFileSync(join(here, 'sources.json'), 'utf8'));
const substitutions = JSON.parse(readFileSync(join(here, 'substitutions.json'), 'utf8'));

export const sha12 = (s) => createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 12);

/** A deterministic generator (xorshift on a SHA-256 seed): the same file and entry always give the same fake. */
function generator(seedText) {
  const h = createHash('sha256')
    .update('mcp-warden synthetic credential:' + seedText)
    .digest();
  let x = h.readUInt32LE(0) || 1;
  return (n) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

export function fakeLike(real, seedText) {
  const next = generator(seedText);
  const hex = /^[0-9a-f-]+$/.test(real);
  const HEX = /^[0-9A-F-]+$/.test(real);
  const pick = (alphabet) => alphabet[next(alphabet.length)];
  let fake = '';
  for (const c of real) {
    if (hex && /[0-9a-f]/.test(c)) fake += pick('0123456789abcdef');
    else if (HEX && /[0-9A-F]/.test(c)) fake += pick('0123456789ABCDEF');
    else if (/[a-z]/.test(c)) fake += pick('abcdefghijklmnopqrstuvwxyz');
    else if (/[A-Z]/.test(c)) fake += pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    else if (/[0-9]/.test(c)) fake += pick('0123456789');
    else fake += c;
  }
  return fake === real ? fakeLike(real, seedText + '+') : fake;
}

const STRING = /"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'/g;

function substitute(text, fixture, entries) {
  let result = text;
  entries.forEach((entry, i) => {
    let hits = 0;
    result = result.replace(STRING, (whole, dq, sq) => {
      const content = dq ?? sq;
      if (sha12(content) !== entry.sha12) return whole;
      hits++;
      const fake = content.slice(0, entry.start) + fakeLike(content.slice(entry.start, entry.end), `${fixture}#${i}`) + content.slice(entry.end);
      return whole[0] + fake + whole[0];
    });
    if (hits === 0) throw new Error(`${fixture}: substitution ${i} (${entry.sha12}) matched no string`);
    entry.occurrences = hits;
  });
  return result;
}

rmSync(join(out, 'files'), { recursive: true, force: true });
const manifest = [];
for (const source of sources) {
  const git = join(mirrors, source.repo.replace('/', '+'), 'repo');
  const raw = execFileSync('git', ['-C', git, 'show', `${source.commit}:${source.path}`], { encoding: 'utf8', maxBuffer: 4 << 20 });
  const fixture = `files/${source.repo.replace('/', '__')}/${source.path}`;
  const entries = substitutions.filter((s) => s.fixture === fixture).map(({ fixture: _f, ...rest }) => ({ ...rest }));
  const text = entries.length ? substitute(raw, fixture, entries) : raw;
  mkdirSync(dirname(join(out, fixture)), { recursive: true });
  writeFileSync(join(out, fixture), text);
  manifest.push({
    ...source,
    fixture,
    ...(entries.length
      ? { substituted: entries.map((e) => ({ ...e, value: 'synthetic (fake), same length and character classes as the real credential it replaces' })) }
      : {}),
  });
}
writeFileSync(join(out, 'manifest.json'), JSON.stringify({ generatedBy: 'scripts/real-configs/build.mjs', files: manifest }, null, 2) + '\n');
console.log(
  `${manifest.length} files from ${new Set(manifest.map((m) => m.repo)).size} repositories; ${manifest.filter((m) => m.substituted).length} with synthetic credentials`,
);
