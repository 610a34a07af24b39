// Shared helpers for the benign real-world corpus (issue 12): slugs, hard-negative cues, file writing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const BENIGN_DIR = join(REPO_ROOT, 'test', 'fixtures', 'tool-corpus-real', 'benign');

export function slugify(text) {
  return text
    .toLowerCase()
    .replace(/^@/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// Words and shapes that attacks also use. A benign record carrying any of them is a hard negative: the detector must
// not flag it although it looks like an instruction. Each cue is named so the bench can break figures down by cue.
const CUES = [
  [
    'routing-hint',
    /\b(always|only|must)\s+(use|call|invoke|run)\b|\buse this tool (when|whenever|if|to|for|before|after|instead)\b|\bcall this (tool|function) (when|whenever|if|before|after|first)\b|\bwhen the user (asks|wants|requests|says|mentions)\b/i,
  ],
  ['emphasis', /\bIMPORTANT\b|\bCRITICAL\b|\bWARNING\b|\bNOTE:|\bMUST\b|\bNEVER\b|\bALWAYS\b|\bDO NOT\b/],
  [
    'imperative-order',
    /\b(before|after|prior to) (using|calling|invoking|running) (this|the|any|another)\b|\bfirst (call|use|run)\b|\bthen (call|use|run)\b|\byou (must|should|need to)\b/i,
  ],
  [
    'negation',
    /\b(do not|don't|never|must not|should not|avoid)\b[^.]{0,80}\b(secret|password|token|credential|key|include|pass|send|share|store|expose|log)/i,
  ],
  ['secret-words', /\b(secret|password|passwd|api[ _-]?key|access[ _-]?token|bearer|credential|private key|ssh key|\.env\b|cookie)s?\b/i],
  ['xml-section', /<\/?[A-Za-z][A-Za-z0-9_-]*>/],
  ['bracket-marker', /\[(?:IMPORTANT|NOTE|WARNING|SYSTEM|INSTRUCTIONS?)\]|\{\{[^}]+\}\}/i],
  ['outside-target', /https?:\/\/|\b[\w.+-]+@[\w-]+\.[\w.]+\b|\b(?:10|127|192\.168|172\.(?:1[6-9]|2\d|3[01]))\.\d+\.\d+(?:\.\d+)?\b/],
  ['sensitive-path', /~\/\.|\/etc\/|\.ssh\b|\.aws\b|id_rsa|\.npmrc|\.netrc|keychain|browser (history|data|cookies)/i],
  [
    'model-address',
    /\b(the (assistant|model|AI|LLM|agent) (should|must|will)|you are an?\b|as an AI\b|your (task|job|role) is\b|ignore (previous|prior|the above))/i,
  ],
  [
    'security-doc',
    /\b(prompt injection|untrusted|sanitiz|malicious|exfiltrat|security (warning|note|feature)|permission(s)? (check|required)|destructive|irreversible|cannot be undone|confirm with the user|user (confirmation|approval))/i,
  ],
  ['cross-tool', /\b(use|call|invoke|run) (the )?[`'"]?[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+[`'"]?( tool)?\b/i],
  ['persistence', /\b(from now on|for the rest of|for all (future|subsequent)|remember (this|to)|in (all|every) (future|subsequent))\b/i],
];

function collectTexts(item) {
  const out = [];
  if (typeof item.description === 'string') out.push(item.description);
  if (typeof item.title === 'string') out.push(item.title);
  const walk = (schema, depth) => {
    if (!schema || typeof schema !== 'object' || depth > 8) return;
    if (Array.isArray(schema)) return schema.forEach((s) => walk(s, depth + 1));
    for (const [key, value] of Object.entries(schema)) {
      if ((key === 'description' || key === 'title') && typeof value === 'string') out.push(value);
      else if (value && typeof value === 'object') walk(value, depth + 1);
    }
  };
  walk(item.inputSchema, 0);
  if (Array.isArray(item.arguments)) for (const a of item.arguments) if (typeof a.description === 'string') out.push(a.description);
  return out;
}

export function hardNegativeCues(item) {
  const text = collectTexts(item).join('\n');
  return CUES.filter(([, re]) => re.test(text)).map(([name]) => name);
}

// A record is a hard negative when it carries words that attacks use; plain mentions of URLs or the word "token" alone
// are too common to count, so those two cues need company.
export function isHardNegative(cues) {
  const strong = cues.filter((c) => c !== 'outside-target' && c !== 'secret-words');
  return strong.length > 0 || cues.length >= 2;
}

/** Recomputes every record's hard-negative cues with the rules above and makes record ids unique within the file. */
export function normaliseRecords(records) {
  const ids = new Set();
  for (const r of records) {
    const cues = hardNegativeCues(r.item);
    r.hardNegative = isHardNegative(cues);
    if (cues.length) r.cues = cues;
    else delete r.cues;
    let id = r.id;
    for (let n = 2; ids.has(id); n++) id = `${r.id}#${n}`;
    r.id = id;
    ids.add(id);
  }
}

export function makeRecord(slug, kind, item) {
  const cues = hardNegativeCues(item);
  const record = {
    id: `${slug}/${kind === 'tool' ? '' : kind + ':'}${item.name ?? item.uri ?? item.uriTemplate}`,
    label: 'benign',
    hardNegative: isHardNegative(cues),
    kind,
    item,
  };
  if (cues.length) record.cues = cues;
  return record;
}

export function writeCorpusFile(slug, doc, dir = BENIGN_DIR) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${slug}.json`);
  writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
  return file;
}

export function today() {
  return new Date().toISOString().slice(0, 10);
}
