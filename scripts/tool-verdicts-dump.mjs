// Every tool-definition finding (category, severity, field, span, message, evidence) on every definition
// the repository holds, as JSON lines: the real corpus (attacks, benign and our own variants), the
// hand-written corpus, and the lab's servers listed live. Each is analysed twice: span detectors alone
// and spans + the shipped learned model. For proving that a change to the detectors is structural only:
// dump before and after, then compare the files byte for byte.
//
//   OUT_DIR=out-base node scripts/build-tests.mjs   (on the commit before)
//   OUT_DIR=out-mine node scripts/build-tests.mjs   (on yours)
//   node scripts/tool-verdicts-dump.mjs out-base > /tmp/before.jsonl
//   node scripts/tool-verdicts-dump.mjs out-mine > /tmp/after.jsonl
//   cmp /tmp/before.jsonl /tmp/after.jsonl
//
// The lab's servers are started (node, stdio, loopback only) from this checkout; the hostile ones that
// crash, hang or flood on purpose are left out. test/fixtures/tool-corpus-holdout is never read.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const out = resolve(process.argv[2] ?? 'out');
const ROOT = resolve(process.env.ROOT ?? '.');
const require = createRequire(import.meta.url);
const { analyzeServer } = require(`${out}/src/core/tools/analyze.js`);
const { loadRealCorpus } = require(`${out}/bench/tool-eval/real-corpus.js`);
const { evaluateFiles } = require(`${out}/bench/tool-eval/evaluate.js`);
const { loadCorpus, snapshotOf } = require(`${out}/test/unit/tools/corpus.js`);
const { inspectServer } = require(`${out}/src/live/inspect.js`);
const { loadConfigText } = require(`${out}/src/core/config/load.js`);

const MODES = [
  ['spans', { model: null }],
  ['shipped', {}],
];
const line = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const plain = (f) => ({
  target: f.target,
  category: f.category,
  severity: f.severity,
  field: f.field,
  start: f.start,
  end: f.end,
  excerpt: f.excerpt,
  message: f.message,
  evidence: f.evidence,
});

const { files, problems } = loadRealCorpus();
if (problems.length > 0) throw new Error(problems.join('\n'));
for (const [mode, options] of MODES) {
  for (const r of evaluateFiles(files, (s, c) => analyzeServer(s, { ...c, ...options })))
    line({ corpus: 'real', mode, file: r.record.file.path, id: r.record.id, flagged: r.flagged, findings: r.findings.map(plain) });
  for (const file of loadCorpus())
    line({ corpus: 'hand', mode, file: file.path, findings: analyzeServer(snapshotOf(file), { otherServers: file.otherServers, ...options }).map(plain) });
}

// Past the candidate budgets: for each category, every distinct phrase the span detectors marked in the
// corpus, one a line, repeated until the field holds more candidates than the budget allows, so each
// detector's loop runs until a budget is spent and stops there. These findings are many; each text's
// are recorded as their count, the budgets that ran out and a sha-256 of the findings.
const STRUCTURAL = new Set(['invisible-characters', 'ansi-escapes', 'encoded-blob', 'abnormal-size']);
const phrases = new Map();
for (const r of evaluateFiles(files, (s, c) => analyzeServer(s, { ...c, model: null })))
  for (const f of r.findings) if (!STRUCTURAL.has(f.category)) (phrases.get(f.category) ?? phrases.set(f.category, new Set()).get(f.category)).add(f.excerpt);
for (const [mode, options] of MODES) {
  for (const category of [...phrases.keys()].sort()) {
    const block = [...phrases.get(category)].sort().join('\n');
    const description = `${block}\n`.repeat(Math.ceil(2_100 / phrases.get(category).size) + 1);
    const snapshot = { server: 'stress', tools: [{ name: 'stress', description }], prompts: [], resources: [], resourceTemplates: [] };
    const findings = analyzeServer(snapshot, { otherServers: [{ server: 'mail', toolNames: ['send_email', 'read_file'] }], ...options }).map(plain);
    const spent = findings.filter((f) => f.category === 'abnormal-size').map((f) => f.message);
    const sha256 = createHash('sha256').update(JSON.stringify(findings)).digest('hex');
    line({ corpus: 'stress', mode, category, chars: description.length, count: findings.length, spent, sha256 });
  }
}

// The lab: every stdio server that answers tools/list, analysed as one session.
const SKIP = /^hostile-(?:crash|daemon|flood|grandchild|hang|invalid-jsonrpc)\.mjs$|^notes-(?:http|sse)\.mjs$/;
const scripts = readdirSync(join(ROOT, 'test', 'lab', 'servers'))
  .filter((n) => n.endsWith('.mjs') && !SKIP.test(n))
  .sort();
const servers = Object.fromEntries(
  scripts.map((n) => [n.replace(/\.mjs$/, ''), { command: process.execPath, args: [join(ROOT, 'test', 'lab', 'servers', n)] }]),
);
const entries = loadConfigText(JSON.stringify({ servers }), { path: join(ROOT, 'test', 'lab', 'workspace', '.vscode', 'mcp.json') }).servers;
const snapshots = [];
for (const entry of entries) {
  const result = await inspectServer(entry, { cwd: ROOT });
  if (!result.snapshot) throw new Error(`lab server ${entry.name}: ${JSON.stringify(result.status)}`);
  snapshots.push(result.snapshot);
}
for (const [mode, options] of MODES) {
  for (const s of snapshots) {
    const otherServers = snapshots.filter((o) => o !== s).map((o) => ({ server: o.server, toolNames: o.tools.map((t) => t.name) }));
    line({ corpus: 'lab', mode, server: s.server, findings: analyzeServer(s, { otherServers, ...options }).map(plain) });
  }
}
