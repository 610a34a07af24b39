// Entry of dist/gateway.js, the VSIX's one Node-side bundle besides the extension:
// - as a process, `mcp-warden gateway` alone: all the editor's "Route through MCP Warden gateway" quick
//   fix runs (`node <extension>/dist/gateway.js gateway … -- <server>`); the whole CLI (dist/cli.js) is
//   published on its own and stays out of the VSIX;
// - as a worker thread, the extension's tool-text analysis (src/node/toolAnalysis): the gateway carries
//   the analyzer anyway, so the VSIX ships it once, here, and the extension's own bundle stays without it;
// - loaded with require() on the extension host's thread (only when the worker cannot run), the analyzer.
import { isMainThread } from 'node:worker_threads';
import { runGatewayCommand } from '../cli/gateway';
import { serveAnalysisRequests } from '../node/toolAnalysis/answer';

export { analyzeServer } from '../core/tools/analyze';

if (!isMainThread) serveAnalysisRequests();
else if (require.main === module) runGateway();

function runGateway(): void {
  // The client closing the pipe early ends the gateway quietly, as it does the CLI (src/cli/main.ts).
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const argv = process.argv.slice(2);
  void runGatewayCommand(argv[0] === 'gateway' ? argv.slice(1) : argv, {
    cwd: process.cwd(),
    env: process.env,
    packageRoot: __dirname,
    version: '',
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`mcp-warden gateway: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
