// Recall and precision of `plaintext-secret` and `unpinned-package` on real MCP client configs taken
// from public repositories (test/fixtures/real-configs: manifest, labels, README). The labels were set
// by hand review before the rules were scored; every credential in the files is a synthetic stand-in
// of the real one's format and length. This module is the judge of the issue-13 yardstick (≥ 98 %).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfigText } from '../src/core/config/load';
import { lintFile } from '../src/core/engine/lint';
import { createProject } from '../src/core/engine/project';
import type { Finding } from '../src/core/model/finding';
import { plaintextSecret } from '../src/core/rules/plaintext-secret';
import { unpinnedPackage } from '../src/core/rules/unpinned-package';

interface ManifestFile {
  repo: string;
  commit: string;
  path: string;
  fixture: string;
}
interface Labels {
  secrets: { fixture: string; value: string; kind: string }[];
  unpinned: { fixture: string; server: string; disabled?: boolean }[];
}

export interface RealConfigScore {
  files: number;
  repos: number;
  secrets: Tally;
  /** Labelled secrets found at severity error, which the default `--fail-on error` gate stops on. */
  secretsAtError: number;
  unpinned: Tally;
  disabledUnpinned: Tally;
  misses: string[];
  falseAlarms: string[];
}
interface Tally {
  labelled: number;
  found: number;
  falseAlarms: number;
}

export function realConfigsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'test', 'fixtures', 'real-configs');
    if (existsSync(join(candidate, 'labels.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('test/fixtures/real-configs not found above ' + __dirname);
}

function occurrences(text: string, value: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let i = text.indexOf(value); i !== -1; i = text.indexOf(value, i + 1)) spans.push({ start: i, end: i + value.length });
  return spans;
}

const overlaps = (f: Finding, s: { start: number; end: number }) => f.range.start < s.end && s.start < f.range.end;

export function scoreRealConfigs(): RealConfigScore {
  const dir = realConfigsDir();
  const files = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: ManifestFile[] }).files;
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Labels;
  const score: RealConfigScore = {
    files: files.length,
    repos: new Set(files.map((f) => f.repo)).size,
    secrets: { labelled: 0, found: 0, falseAlarms: 0 },
    secretsAtError: 0,
    unpinned: { labelled: 0, found: 0, falseAlarms: 0 },
    disabledUnpinned: { labelled: 0, found: 0, falseAlarms: 0 },
    misses: [],
    falseAlarms: [],
  };
  for (const entry of files) {
    const text = readFileSync(join(dir, entry.fixture), 'utf8');
    const file = loadConfigText(text, { path: `/corpus/${entry.repo}/${entry.path}` });
    const findings = lintFile(file, createProject([file]), { rules: [plaintextSecret, unpinnedPackage] });
    const secretFindings = findings.filter((f) => f.ruleId === 'plaintext-secret');
    const unpinnedFindings = findings.filter((f) => f.ruleId === 'unpinned-package');

    const secretSpans: { start: number; end: number }[] = [];
    for (const label of labels.secrets.filter((s) => s.fixture === entry.fixture)) {
      const spans = occurrences(text, label.value);
      secretSpans.push(...spans);
      score.secrets.labelled++;
      const hits = secretFindings.filter((f) => spans.some((s) => overlaps(f, s)));
      if (hits.length > 0) score.secrets.found++;
      else score.misses.push(`secret ${label.kind} in ${entry.fixture}`);
      if (hits.some((f) => f.severity === 'error')) score.secretsAtError++;
    }
    for (const f of secretFindings) {
      if (secretSpans.some((s) => overlaps(f, s))) continue;
      score.secrets.falseAlarms++;
      score.falseAlarms.push(`plaintext-secret ${entry.fixture}:${f.start.line}: ${text.slice(f.range.start, Math.min(f.range.end, f.range.start + 60))}`);
    }

    const expected = labels.unpinned.filter((u) => u.fixture === entry.fixture);
    for (const label of expected) {
      const tally = label.disabled ? score.disabledUnpinned : score.unpinned;
      tally.labelled++;
      if (unpinnedFindings.some((f) => f.server === label.server)) tally.found++;
      else score.misses.push(`unpinned ${label.disabled ? '(disabled) ' : ''}${label.server} in ${entry.fixture}`);
    }
    for (const f of unpinnedFindings) {
      if (expected.some((u) => u.server === f.server)) continue;
      score.unpinned.falseAlarms++;
      score.falseAlarms.push(`unpinned-package ${entry.fixture}: ${f.server ?? '?'}: ${f.message.slice(0, 80)}`);
    }
  }
  return score;
}

function line(name: string, t: Tally): string {
  const recall = t.labelled ? ((100 * t.found) / t.labelled).toFixed(1) : '—';
  const flagged = t.found + t.falseAlarms;
  const precision = flagged ? ((100 * t.found) / flagged).toFixed(1) : '—';
  return `${name.padEnd(28)} ${String(t.labelled).padStart(8)} ${String(t.found).padStart(6)} ${String(t.falseAlarms).padStart(12)}   recall ${recall} %   precision ${precision} %`;
}

export async function run(): Promise<void> {
  const s = scoreRealConfigs();
  const both: Tally = {
    labelled: s.unpinned.labelled + s.disabledUnpinned.labelled,
    found: s.unpinned.found + s.disabledUnpinned.found,
    falseAlarms: s.unpinned.falseAlarms,
  };
  console.log(`real configs: ${s.files} files from ${s.repos} public repositories (test/fixtures/real-configs)`);
  console.log('                              labelled  found  false alarms');
  console.log(line('plaintext-secret', s.secrets));
  console.log(`${' '.repeat(30)}${s.secretsAtError} of the ${s.secrets.found} found at severity error (the default --fail-on gate)`);
  console.log(line('unpinned-package (enabled)', s.unpinned));
  console.log(line('unpinned-package (disabled)', s.disabledUnpinned));
  console.log(line('unpinned-package (all)', both));
  for (const m of s.misses) console.log(`  missed: ${m}`);
  for (const f of s.falseAlarms) console.log(`  false alarm: ${f}`);
}
