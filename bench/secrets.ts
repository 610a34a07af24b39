// Quality and speed of the `plaintext-secret` rule: precision and recall per location kind over the
// labelled corpus (test/fixtures/secrets-corpus), and the time to scan 1,000 server entries.
import { loadConfigText } from '../src/core/config/load';
import { scanConfigForSecrets } from '../src/core/secrets/scanConfig';
import { findSecretsInValue } from '../src/core/secrets/detect';
import { KINDS, loadCorpus, score } from '../test/unit/secrets/corpus';

const TARGET = { precision: 0.97, recall: 0.98 };
const GATED = ['env', 'arg', 'header', 'url'];

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`.padStart(7);
}

function reportQuality(): void {
  const corpus = loadCorpus();
  const { byKind, mistakes, limits } = score(corpus);
  console.log(`corpus: ${corpus.length} files (templates × seeds)`);
  console.log('kind      secrets  negatives   TP   FP   FN  precision  recall   target');
  for (const kind of KINDS) {
    const s = byKind[kind];
    const meets = s.precision >= TARGET.precision && s.recall >= TARGET.recall;
    const target = GATED.includes(kind) ? (meets ? 'met' : 'MISSED') : '(not gated)';
    console.log(
      `${kind.padEnd(9)} ${String(s.positives).padStart(7)} ${String(s.negatives).padStart(10)} ${String(s.truePositives).padStart(4)} ${String(s.falsePositives).padStart(4)} ${String(s.falseNegatives).padStart(4)}  ${pct(s.precision)}  ${pct(s.recall)}   ${target}`,
    );
  }
  console.log(`beyond the rule's claim (no name, no known format, too short): ${limits.found} of ${limits.total} found`);
  for (const m of mistakes.slice(0, 10)) console.log(`  ${m.kind}: ${m.file} seed ${m.seed} ${m.location} (${m.text.length} chars)`);
  reportIssue13(corpus);
}

/** The classes issue 13 added (connection strings, wallets, RPC keys, client password flags, shell strings, unparseable files), on their own. */
function reportIssue13(corpus: ReturnType<typeof loadCorpus>): void {
  for (const template of [...new Set(corpus.map((f) => f.template).filter((t) => t.includes('issue13')))]) {
    const { byKind } = score(corpus.filter((f) => f.template === template));
    const totals = KINDS.map((k) => byKind[k]).reduce(
      (a, s) => ({ p: a.p + s.positives, n: a.n + s.negatives, tp: a.tp + s.truePositives, fp: a.fp + s.falsePositives }),
      { p: 0, n: 0, tp: 0, fp: 0 },
    );
    console.log(
      `issue 13, ${template}: ${totals.p} secrets, ${totals.n} hard negatives: recall ${pct(totals.p ? totals.tp / totals.p : 1).trim()}, precision ${pct(totals.tp + totals.fp ? totals.tp / (totals.tp + totals.fp) : 1).trim()}`,
    );
  }
}

/** A Cursor-style file of `servers` entries, a quarter of them holding a plaintext secret. */
function syntheticConfig(servers: number): string {
  const entries: Record<string, unknown> = {};
  const token = (i: number) => 'ghp_' + (i.toString(36) + 'Zq8aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xYz').slice(0, 36);
  for (let i = 0; i < servers; i++) {
    const secret = i % 4 === 0;
    entries[`server-${i}`] =
      i % 3 === 2
        ? {
            type: 'http',
            url: `https://mcp-${i}.example.com/mcp?page=1${secret ? `&api_key=k${i}Zq8aB3dE5fG7hJ9kL1mN2` : ''}`,
            headers: { Authorization: secret ? `Bearer ${token(i)}` : `Bearer \${env:TOKEN_${i}}`, 'X-Team': 'platform' },
          }
        : {
            command: 'npx',
            args: ['-y', `@example/mcp-server-${i}@1.2.${i % 10}`, '--root', `/srv/projects/app-${i}`, '--port', String(3000 + (i % 100))],
            env: {
              API_KEY: secret ? token(i) : `\${env:API_KEY_${i}}`,
              LOG_LEVEL: 'info',
              REGION: 'eu-west-1',
              WORKSPACE_ID: `0000${i}-1a2b-4c3d-8e9f-00000000abcd`,
            },
          };
  }
  return JSON.stringify({ mcpServers: entries }, null, 2);
}

function medianMs(fn: () => void, samples: number): number {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) fn();
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

function reportSpeed(): void {
  for (const servers of [1_000, 10_000]) {
    const text = syntheticConfig(servers);
    const file = loadConfigText(text, { path: '/bench/.cursor/mcp.json' });
    const found = scanConfigForSecrets(file).length;
    const ms = medianMs(() => scanConfigForSecrets(file), servers >= 10_000 ? 5 : 20);
    const withParse = medianMs(() => scanConfigForSecrets(loadConfigText(text, { path: '/bench/.cursor/mcp.json' })), servers >= 10_000 ? 5 : 20);
    console.log(
      `${servers.toLocaleString('en')} server entries (${found} secrets): rule ${((ms * 1000) / servers).toFixed(1)} ms per 1,000 entries; with parsing ${((withParse * 1000) / servers).toFixed(1)} ms per 1,000`,
    );
  }
  const hostile: [string, string][] = [
    ['100k "a"', 'a'.repeat(100_000)],
    ['100k "-----BEGIN PRIVATE KEY-----" repeats', '-----BEGIN PRIVATE KEY-----'.repeat(3_700)],
    ['100k "sk-" repeats', 'sk-'.repeat(33_000)],
    ['100k "https://a:" repeats', 'https://a:'.repeat(10_000)],
    ['100k "eyJ." repeats', 'eyJaaaaaaaaa.'.repeat(7_700)],
    ['100k words, 11+ spaces (recovery-phrase scan)', 'abandon ability able about above absent '.repeat(2_500)],
    ['100k "password=" repeats', 'password=x;'.repeat(9_000)],
    [
      '100k random base64',
      Array.from({ length: 100_000 }, (_, i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[(i * 7919 + (i >> 3)) % 64]).join(''),
    ],
  ];
  for (const [label, value] of hostile) {
    const ms = medianMs(() => findSecretsInValue(value, 'API_TOKEN'), 5);
    console.log(`hostile value, ${label}: ${ms.toFixed(1)} ms`);
  }
}

export async function run(): Promise<void> {
  reportQuality();
  reportSpeed();
}

if (require.main === module) void run();
