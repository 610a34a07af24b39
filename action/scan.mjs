// Step 2 of action.yml: runs `mcp-warden scan` twice over the same paths, once for the SARIF file that code scanning
// takes and once in the format the job log shows, then writes the job summary and the step's outputs. It always exits 0
// so the SARIF is uploaded; the last step of the action turns the scan's exit code into the job's result.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { summaryMarkdown } from './summary.mjs';

const env = process.env;
const bin = env.MCP_WARDEN_BIN || 'mcp-warden';
const paths = splitPaths(env.MW_PATHS ?? '.');
const format = env.MW_FORMAT || 'text';
const failOn = env.MW_FAIL_ON || 'error';
const sarifFile = env.MW_SARIF_FILE || 'mcp-warden.sarif';
const shared = [...paths, ...(env.MW_POLICY ? ['--policy', env.MW_POLICY] : []), ...(env.MW_CONFIG ? ['--config', env.MW_CONFIG] : [])];

const sarifRun = run(['scan', ...shared, '--format', 'sarif', '--output', sarifFile, '--fail-on', 'never']);
if (sarifRun.status !== 0 || !existsSync(sarifFile)) {
  process.stdout.write(sarifRun.stdout ?? '');
  process.stderr.write(sarifRun.stderr ?? '');
  console.log(`::error title=MCP Warden::mcp-warden scan failed (exit ${sarifRun.status ?? sarifRun.error?.message}); see the log above.`);
  finish({ 'exit-code': '2', findings: '0', 'sarif-file': '' });
} else {
  const shown = run(['scan', ...shared, '--format', format, '--fail-on', failOn]);
  process.stdout.write(shown.stdout ?? '');
  process.stderr.write(shown.stderr ?? '');
  const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
  const code = shown.status ?? 2;
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, summaryMarkdown(sarif, { failOn, exitCode: code, paths }));
  const findings = sarif.runs.reduce((n, r) => n + (r.results?.length ?? 0), 0);
  finish({ 'exit-code': String(code), findings: String(findings), 'sarif-file': sarifFile });
}

function run(args) {
  return spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...env, NO_COLOR: '1' } });
}

function finish(outputs) {
  if (!env.GITHUB_OUTPUT) return;
  appendFileSync(
    env.GITHUB_OUTPUT,
    Object.entries(outputs)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
}

/** One path per line; a single line may hold several paths separated by spaces. */
function splitPaths(text) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const list = lines.length === 1 ? lines[0].split(/\s+/) : lines;
  return list.length ? list : ['.'];
}
