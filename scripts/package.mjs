// Packages two VSIXes: mcp-warden-test.vsix (the test build, with the end-to-end test hooks; what the
// e2e harness installs) and then mcp-warden.vsix (production: what is published). The production
// build is built last, so dist/ holds it afterwards. test/e2e/package.e2e.test.ts inspects both.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const vsce = ['vsce', 'package', '--no-dependencies', '--allow-package-secrets', 'slack'];
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run(process.execPath, ['scripts/build.mjs', '--production', '--test']);
run('npx', [...vsce, '--out', 'mcp-warden-test.vsix']);
rmSync('dist', { recursive: true, force: true });
run(process.execPath, ['scripts/build.mjs', '--production']);
run('npx', [...vsce, '--out', 'mcp-warden.vsix']);
