// Entry of dist/cli.js, the `mcp-warden` command. `mcp-warden gateway` starts with every server a client
// config routes through it, so it loads the gateway alone (src/gateway/main.ts, as dist/gateway.js does);
// every other command loads the whole CLI. In the bundle (esbuild) each import below is evaluated only when taken,
// and the bundle is the program, so src/cli/main.ts runs itself once loaded (its `require.main === module`).
if (process.argv[2] === 'gateway') void import('../gateway/main');
else void import('./main');
