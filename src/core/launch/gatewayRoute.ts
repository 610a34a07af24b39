/** A word that starts MCP Warden's gateway: `mcp-warden`, `mcp-warden@0.2.0` (npx), `…/dist/cli.js`, `…/dist/gateway.js`. */
const LAUNCHER = /(^|[\\/])(mcp-warden(\.cmd)?(@[^\s\\/]+)?|cli\.js|gateway\.js)$/i;

/**
 * Where a command line runs through the gateway: `<launcher…> gateway [options] -- <server's command line>`.
 * `gatewayAt` is the index of `gateway`, `separatorAt` that of the `--` after which the server's own words start.
 */
export function gatewayRouteAt(words: readonly string[]): { gatewayAt: number; separatorAt: number } | undefined {
  const launcherAt = words.findIndex((w) => LAUNCHER.test(w));
  if (launcherAt === -1 || words[launcherAt + 1] !== 'gateway') return undefined;
  const gatewayAt = launcherAt + 1;
  const separatorAt = words.indexOf('--', gatewayAt + 1);
  return separatorAt === -1 || separatorAt === words.length - 1 ? undefined : { gatewayAt, separatorAt };
}
