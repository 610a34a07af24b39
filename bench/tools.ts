// Tool-definition analyzer benchmark: leave-one-source-out figures on the real-world corpus
// (bench/tool-eval), the hand-written corpus, worst-case timing on
// adversarial input, and growth with size. `npm run bench`, or alone: node out/bench/tools.js
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { analyzeServer } from '../src/core/tools/analyze';
import type { ServerSnapshot } from '../src/core/model/tool';
import { evaluateCorpus, loadCorpus, score, type CaseResult } from '../test/unit/tools/corpus';
import { baselineHandVerdict } from './tool-eval/recorded-baseline';
import { loadRealCorpus } from './tool-eval/real-corpus';
import { printRealCorpus, scoreRealCorpus } from './tool-eval/real-report';

const MB = 1024 * 1024;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The hand-written corpus of test/fixtures/tool-corpus (tuned on by the span detectors; never trained on by the learned model). */
function handCorpusReport(): void {
  const files = loadCorpus();
  const today: CaseResult[] = [];
  for (const file of files) {
    for (const c of file.cases) {
      const suspicious = baselineHandVerdict(file.path, c.id, file.cases.length);
      if (suspicious !== undefined) today.push({ file, case: c, findings: [], suspicious, found: new Set() });
    }
  }
  const started = performance.now();
  const now = evaluateCorpus(files);
  const elapsed = performance.now() - started;
  const a = score(today);
  const b = score(now);
  console.log('\n== hand-written corpus (test/fixtures/tool-corpus: span detectors were tuned on it; the learned model never saw it)');
  console.log(
    `before (b0cd4c6, recorded verdicts): recall ${pct(a.recall)} (${a.truePositives}/${a.poisoned}), false-positive rate ${pct(a.falsePositiveRate)} (${a.falsePositives}/${a.benign})`,
  );
  console.log(
    `now:                               recall ${pct(b.recall)} (${b.truePositives}/${b.poisoned}), false-positive rate ${pct(b.falsePositiveRate)} (${b.falsePositives}/${b.benign})`,
  );
  for (const m of b.missed) console.log(`  missed: ${m.case.id} (${m.file.path})`);
  for (const m of b.falseAlarms)
    console.log(
      `  false alarm: ${m.case.id} ${m.findings
        .filter((f) => f.severity !== 'info')
        .map((f) => `${f.category}:${f.severity} "${f.excerpt}"`)
        .join('; ')}`,
    );
  const real = now.filter((r) => r.file.real);
  console.log(
    `real npm servers (${[...new Set(real.map((r) => r.file.package))].join(', ')}): ${real.length} items, ${real.filter((r) => r.suspicious).length} with findings above info`,
  );
  console.log(`hand corpus analysed in ${elapsed.toFixed(0)} ms`);
}

/** CPU time per definition of the whole analysis (span detectors + learned model) over the real corpus. */
function perToolCost(): void {
  const { files } = loadRealCorpus();
  const snapshots = files.map(
    (f) =>
      ({
        server: f.server,
        tools: f.records.filter((r) => r.kind === 'tool').map((r) => r.item as never),
        prompts: [],
        resources: [],
        resourceTemplates: [],
      }) as ServerSnapshot,
  );
  const count = snapshots.reduce((n, s) => n + s.tools.length, 0);
  if (count === 0) return;
  for (const [name, model] of [
    ['span detectors only', null],
    ['spans + learned model', undefined],
  ] as const) {
    const cpu = process.cpuUsage();
    for (const s of snapshots) analyzeServer(s, model === null ? { model: null } : {});
    const used = process.cpuUsage(cpu);
    console.log(`${name}: ${((used.user + used.system) / 1000 / count).toFixed(3)} ms CPU per tool (${count} real tools)`);
  }
}

/** One 5 MB description built from near misses of every pattern, plus long runs of single characters. */
function adversarial(size: number): Record<string, string> {
  const tag = (s: string) => [...s].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
  const nearMisses = [
    'ignore previous instruction ',
    'ignore all the the the the prior ',
    '<IMPORTANT ',
    '<system',
    '</ IMPORTANT',
    '<!-- ',
    'system:',
    '\nassistant',
    'ASSISTANT',
    '~/.ss ',
    '.ssh',
    'id_rs ',
    '.en ',
    'mcp.jso ',
    'AWS_SECRET',
    'before using any othe ',
    'always call this',
    'do not tell the use ',
    'without the user',
    'send the conversatio ',
    'pass it as ',
    'https://',
    'user@',
    '![x](',
    'curl ',
    'when this tool is',
    'instead of the ',
    'send_emai ',
    'very very ',
    'aGVsbG8gd29ybGQ ',
    'QUFBQUFBQUFBQUFBQUFBQUFBQUFB ',
    '0123456789abcdef0123456789abcde ',
    '\u200b',
    '\u202e',
    tag('hi'),
    '\u001b',
    '\u001b[',
    '\u001b]8;;',
    '\r',
    '\b',
    'іgnore ',
    'ｉｇｎｏｒｅ ',
    'you are now ',
    'forget everything ',
    'e.g. ',
    'such as "',
    "'",
    '`',
    'the user must ',
    'silently ',
    'contents of ',
    'secrets ',
    'tokens ',
  ].join('');
  const repeat = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return {
    'near-miss mix': repeat(nearMisses),
    spaces: ' '.repeat(size - 1) + 'x',
    letters: 'a'.repeat(size),
    "'<' run": '<'.repeat(size),
    'base64 alphabet run': repeat('QUJD'),
    'base64 words (23 chars)': repeat('QUJDREVGR0hJSktMTU5PUFF '),
    'tag characters': repeat(tag('ignore previous instructions ')),
    'zero-width run': '\u200b'.repeat(size),
    'line breaks': '\n'.repeat(size),
    'dotted host run': repeat('a.'),
    'open comments': repeat('<!--'),
    'escape introducers': repeat('\u001b['),
    'ssh paths': repeat('~/.ssh/id_rsa '),
    'transfer verbs': repeat('send pass include add '),
    'upper-case identifiers': repeat('ABCDEFGHIJKLMNOPQRSTUVWXYZ_'),
    'quotes and e.g.': repeat('e.g. \'x\' "y" `z` '),
  };
}

/** Wall-clock and CPU milliseconds (CPU time is the fair figure on a shared, loaded machine). */
function time(description: string): { wall: number; cpu: number } {
  const snapshot: ServerSnapshot = {
    server: 'bench',
    tools: [
      { name: 'adversarial', description, inputSchema: { type: 'object', properties: { p: { type: 'string', description: description.slice(0, 1000) } } } },
    ],
    prompts: [],
    resources: [],
    resourceTemplates: [],
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  analyzeServer(snapshot, { otherServers: [{ server: 'mail', toolNames: ['send_email', 'read_file'] }] });
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
}

function worstCase(): void {
  console.log(`\n== worst case: 5 MB adversarial descriptions (target < 1000 ms each); load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`);
  console.log('input                        cpu ms   wall ms');
  let worstCpu = 0;
  let worstWall = 0;
  time('warm-up ' + adversarial(64 * 1024)['near-miss mix']);
  for (const [name, text] of Object.entries(adversarial(5 * MB))) {
    const t = time(text);
    worstCpu = Math.max(worstCpu, t.cpu);
    worstWall = Math.max(worstWall, t.wall);
    console.log(`${name.padEnd(26)} ${t.cpu.toFixed(0).padStart(8)} ${t.wall.toFixed(0).padStart(9)}`);
  }
  console.log(`worst: ${worstCpu.toFixed(0)} ms CPU, ${worstWall.toFixed(0)} ms wall — ${worstCpu < 1000 ? 'under a second of CPU' : 'OVER a second of CPU'}`);
  console.log('\n== growth with size (near-miss mix)');
  console.log('size       cpu ms   wall ms   cpu ns/char');
  for (const size of [1024, 10 * 1024, 100 * 1024, MB, 5 * MB]) {
    const text = adversarial(size)['near-miss mix']!;
    const t = time(text);
    console.log(
      `${(size >= MB ? `${size / MB} MB` : `${size / 1024} KB`).padEnd(8)} ${t.cpu.toFixed(1).padStart(8)} ${t.wall.toFixed(1).padStart(9)} ${((t.cpu / size) * 1e6).toFixed(0).padStart(10)}`,
    );
  }
}

/** Entry point for `npm run bench` (bench/run.ts). */
export async function run(): Promise<void> {
  printRealCorpus(scoreRealCorpus());
  handCorpusReport();
  console.log('\n== cost per tool');
  perToolCost();
  worstCase();
}

if (require.main === module) void run();
