// Step 1 of action.yml: installs the mcp-warden CLI at an exact version into the runner's temp folder and tells
// the next steps where it is (MCP_WARDEN_BIN in $GITHUB_ENV). No dependency of the repository being scanned is used.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const version = (process.env.MW_VERSION ?? '').trim();
const override = (process.env.MW_PACKAGE ?? '').trim();

if (!override && !EXACT_VERSION.test(version)) {
  console.log(
    `::error title=MCP Warden::The version input must be an exact version such as 0.1.0, not '${version}': an unpinned scanner is the supply-chain risk it warns about.`,
  );
  process.exit(2);
}
const spec = override || `mcp-warden@${version}`;
const prefix = join(process.env.RUNNER_TEMP ?? process.cwd(), 'mcp-warden-cli');
mkdirSync(prefix, { recursive: true });
writeFileSync(join(prefix, 'package.json'), JSON.stringify({ name: 'mcp-warden-action-install', private: true }));
console.log(`Installing ${spec}`);
execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', spec], { cwd: prefix, stdio: 'inherit' });

const bin = join(prefix, 'node_modules', '.bin', 'mcp-warden');
const installed = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
if (!override && installed !== version) {
  console.log(`::error title=MCP Warden::Asked for mcp-warden ${version} but ${installed} was installed.`);
  process.exit(2);
}
console.log(`mcp-warden ${installed} is ready`);
if (process.env.GITHUB_ENV) appendFileSync(process.env.GITHUB_ENV, `MCP_WARDEN_BIN=${bin}\n`);
