// `duplicate-server-name` over many files of one client: it indexes the project's names once, so the
// time grows linearly with the number of files (it was quadratic: 10,000 files took 68 s).
import { loadConfigText } from '../src/core/config/load';
import { createProject } from '../src/core/engine/project';
import { lintProject } from '../src/core/engine/lint';
import { duplicateServerName } from '../src/core/rules/duplicate-server-name';

function project(files: number) {
  const configs = Array.from({ length: files }, (_, i) =>
    loadConfigText(JSON.stringify({ servers: { [`own-${i}`]: { command: 'node', args: ['s.js'] }, shared: { command: 'node', args: ['t.js'] } } }), {
      path: `/bench/p${i}/.vscode/mcp.json`,
    }),
  );
  return createProject(
    configs,
    Array.from({ length: files }, (_, i) => `/bench/p${i}`),
  );
}

export async function run(): Promise<void> {
  for (const files of [1_000, 2_000, 5_000, 10_000]) {
    const p = project(files);
    const started = performance.now();
    const findings = lintProject(p, { rules: [duplicateServerName] }).reduce((n, r) => n + r.findings.length, 0);
    const ms = performance.now() - started;
    console.log(`duplicate-server-name: ${files} files (2 servers each, one name in all): ${Math.round(ms)} ms, ${findings} findings`);
  }
}
