// The GitHub Action (action.yml): its steps run here as a runner would run them — the expressions of each step's `env`
// and `if` evaluated, $GITHUB_OUTPUT, $GITHUB_ENV and $GITHUB_STEP_SUMMARY as files — against the packed CLI, installed
// through the action's own `cli-package` input. Only the SARIF upload (a `uses:` step, GitHub's own action) is not run;
// its inputs are checked instead.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { REPO } from '../unit/live/lab';
import { packCli } from './packedCli';

interface Step {
  name: string;
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as Action;
const FAKE_TOKEN = 'xoxb-' + '000000000000-000000000000-FAKEfakeFAKEfakeFAKEfake'; // clearly fake, assembled at run time

let scratch: string;
let tarball: string;
before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'mcp-warden-action-'));
  tarball = packCli(join(scratch, 'release'));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  exitCode: number | null;
  outputs: Record<string, string>;
  summary: string;
  log: string;
  skipped: string[];
  uploadWith?: Record<string, string>;
}

/** Runs the composite action's steps in `workspace` with these inputs (others take their defaults). */
function runAction(workspace: string, inputs: Record<string, string>): Run {
  const runnerTemp = join(scratch, `runner-${Math.random().toString(36).slice(2)}`);
  mkdirSync(runnerTemp, { recursive: true });
  const files = { output: join(runnerTemp, 'output'), env: join(runnerTemp, 'env'), summary: join(runnerTemp, 'summary') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const values: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) values[name] = inputs[name] ?? input.default ?? '';
  const stepOutputs: Record<string, Record<string, string>> = {};
  const exported: Record<string, string> = {};
  const result: Run = { exitCode: 0, outputs: {}, summary: '', log: '', skipped: [] };

  const expression = (text: string): string => text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expr: string) => String(evaluate(expr)));
  const evaluate = (expr: string): string | boolean => {
    const and = expr.split(/\s*&&\s*/);
    if (and.length > 1) return and.every((part) => evaluate(part) === true);
    const comparison = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(expr);
    if (comparison) {
      const equal = value(comparison[1]) === value(comparison[3]);
      return comparison[2] === '==' ? equal : !equal;
    }
    return value(expr);
  };
  const value = (term: string): string => {
    const literal = /^'(.*)'$/.exec(term);
    if (literal) return literal[1];
    let m = /^inputs\.([\w-]+)$/.exec(term);
    if (m) return values[m[1]];
    m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(term);
    if (m) return stepOutputs[m[1]]?.[m[2]] ?? '';
    throw new Error(`the test runner does not know the expression '${term}': keep action.yml's expressions simple`);
  };

  for (const step of action.runs.steps) {
    if (step.if !== undefined && evaluate(step.if.replace(/^\$\{\{\s*|\s*\}\}$/g, '')) !== true) {
      result.skipped.push(step.name);
      continue;
    }
    if (step.uses) {
      result.uploadWith = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expression(v)]));
      continue;
    }
    assert.equal(step.shell, 'bash', `${step.name}: composite run steps need a shell`);
    writeFileSync(files.output, '');
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: join(runnerTemp, 'home'),
      GITHUB_ACTION_PATH: REPO,
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: runnerTemp,
      GITHUB_OUTPUT: files.output,
      GITHUB_ENV: files.env,
      GITHUB_STEP_SUMMARY: files.summary,
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_offline: 'true',
      ...exported,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expression(v)])),
    };
    const r = spawnSync('bash', ['-e', '-c', step.run!], { cwd: workspace, env, encoding: 'utf8', timeout: 180_000 });
    result.log += `## ${step.name}\n${r.stdout}${r.stderr}`;
    if (step.id) stepOutputs[step.id] = keyValues(readFileSync(files.output, 'utf8'));
    Object.assign(exported, keyValues(readFileSync(files.env, 'utf8')));
    if (r.status !== 0) {
      result.exitCode = r.status;
      break;
    }
  }
  for (const [name, output] of Object.entries(action.outputs)) result.outputs[name] = expression(output.value);
  result.summary = readFileSync(files.summary, 'utf8');
  return result;
}

function keyValues(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

function repository(name: string, servers: Record<string, unknown>): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  writeFileSync(join(dir, '.vscode', 'mcp.json'), JSON.stringify({ servers }, null, 2));
  return dir;
}

describe('action.yml', () => {
  test('is a composite action whose CLI version is pinned to this release, and whose upload step is GitHub’s', () => {
    const root = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    assert.equal(action.runs.using, 'composite');
    assert.equal(action.inputs.version.default, root.version);
    assert.match(action.inputs.version.default!, /^\d+\.\d+\.\d+$/);
    for (const name of ['paths', 'format', 'fail-on', 'policy', 'version', 'upload-sarif']) assert.ok(action.inputs[name]?.description, `input ${name}`);
    const uses = action.runs.steps.filter((s) => s.uses).map((s) => s.uses);
    assert.deepEqual(uses, ['github/codeql-action/upload-sarif@v4']);
  });

  test('findings at or above fail-on: SARIF written and handed to the upload, summary by rule and severity, job fails', () => {
    const dir = repository('leaky', {
      slack: { command: 'npx', args: ['-y', 'slack-mcp-server'], env: { SLACK_BOT_TOKEN: FAKE_TOKEN } },
    });
    const run = runAction(dir, { 'cli-package': tarball, 'fail-on': 'warning' });
    assert.equal(run.exitCode, 1, run.log);
    assert.equal(run.outputs['exit-code'], '1');
    assert.equal(run.outputs['sarif-file'], 'mcp-warden.sarif');
    assert.deepEqual(run.uploadWith, { sarif_file: 'mcp-warden.sarif', category: 'mcp-warden' });
    const sarif = JSON.parse(readFileSync(join(dir, 'mcp-warden.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    const rules = sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort();
    assert.deepEqual([...new Set(rules)], ['plaintext-secret', 'unpinned-package']);
    assert.equal(run.outputs.findings, String(rules.length));
    assert.match(run.summary, /^## MCP Warden$/m);
    assert.match(run.summary, /\*\*failed \(findings at or above `warning`\)\*\*/);
    assert.match(run.summary, /^\| `plaintext-secret` \| 1 \| 0 \| 0 \|$/m);
    assert.match(run.summary, /^\| `unpinned-package` \| 0 \| 1 \| 0 \|$/m);
    assert.match(run.log, /plaintext-secret/, 'the text report is in the job log');
    for (const text of [run.log, run.summary, readFileSync(join(dir, 'mcp-warden.sarif'), 'utf8')])
      assert.ok(!text.includes(FAKE_TOKEN), 'the token is never printed whole');
  });

  test('a clean repository passes, and upload-sarif: false skips the upload', () => {
    const dir = repository('clean', { notes: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory@2026.8.31'] } });
    const run = runAction(dir, { 'cli-package': tarball, 'upload-sarif': 'false', format: 'json' });
    assert.equal(run.exitCode, 0, run.log);
    assert.equal(run.outputs['exit-code'], '0');
    assert.equal(run.uploadWith, undefined);
    assert.deepEqual(run.skipped, ['Upload SARIF to code scanning']);
    assert.match(run.summary, /\*\*passed/);
    assert.match(run.log, /"version": 1/, 'format json is what the log shows');
  });

  test('an unpinned version input is refused before anything is installed', () => {
    const dir = repository('unpinned', {});
    const run = runAction(dir, { version: 'latest' });
    assert.equal(run.exitCode, 2);
    assert.match(run.log, /::error title=MCP Warden::The version input must be an exact version/);
  });

  test('a scan that cannot run fails the job with exit code 2 and no upload', () => {
    const dir = repository('bad-policy', {});
    const run = runAction(dir, { 'cli-package': tarball, policy: 'no-such-policy.json' });
    assert.equal(run.exitCode, 2, run.log);
    assert.equal(run.outputs['sarif-file'], '');
    assert.equal(run.uploadWith, undefined);
  });
});
