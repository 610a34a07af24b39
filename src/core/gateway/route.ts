import { modify } from 'jsonc-parser';
import type { ConfigFile } from '../model/configFile';
import type { TextEdit } from '../model/finding';
import type { ServerEntry } from '../model/server';
import { formattingOf } from '../policy/jsonEdit';
import { gatewayRouteAt } from '../launch/gatewayRoute';

/** How the gateway is started: e.g. `node /…/dist/gateway.js` (the gateway inside the extension) or `mcp-warden`. */
export interface GatewayLauncher {
  command: string;
  /** Arguments before `gateway`. */
  args: string[];
}

export interface RouteOptions {
  /** The approval lockfile and the server's key in it, when the project has one. */
  lock?: { path: string; key: string };
}

/** The gateway's own arguments in a routed entry: `gateway … --`, then the server's command line. */
export interface RoutedLaunch {
  /** Index in `args` of `gateway`. */
  gatewayAt: number;
  /** Index in `args` of the `--` that ends the gateway's options. */
  separatorAt: number;
}

/** Whether an entry already runs through the gateway, and where its own command line starts. */
export function routedLaunch(server: Pick<ServerEntry, 'command' | 'args'>): RoutedLaunch | undefined {
  if (!server.command) return undefined;
  const at = gatewayRouteAt([server.command.value, ...server.args.map((a) => a.value)]);
  return at && at.gatewayAt > 0 ? { gatewayAt: at.gatewayAt - 1, separatorAt: at.separatorAt - 1 } : undefined;
}

/** Only JSON configs of stdio servers with a command can be routed (the entry's command line is rewritten). */
export function canRoute(file: ConfigFile, server: ServerEntry): boolean {
  return (
    (file.format === 'json' || file.format === 'jsonc') && server.transport === 'stdio' && server.command !== undefined && routedLaunch(server) === undefined
  );
}

/** Edits that make the entry run `<launcher> gateway --server NAME [--lock …] -- <its command> <its args>`. */
export function routeEdits(file: ConfigFile, server: ServerEntry, launcher: GatewayLauncher, options: RouteOptions = {}): TextEdit[] | undefined {
  if (!canRoute(file, server)) return undefined;
  const own = [server.command!.value, ...server.args.map((a) => a.value)];
  const gateway = ['gateway', '--server', server.name, ...(options.lock ? ['--lock', options.lock.path, '--lock-key', options.lock.key] : []), '--'];
  return setLaunch(file, server, launcher.command, [...launcher.args, ...gateway, ...own]);
}

/** Edits that put the entry's own command line back. */
export function unrouteEdits(file: ConfigFile, server: ServerEntry): TextEdit[] | undefined {
  const routed = routedLaunch(server);
  if (!routed || (file.format !== 'json' && file.format !== 'jsonc')) return undefined;
  const own = server.args.slice(routed.separatorAt + 1).map((a) => a.value);
  return setLaunch(file, server, own[0]!, own.slice(1));
}

function setLaunch(file: ConfigFile, server: ServerEntry, command: string, args: string[]): TextEdit[] {
  const formattingOptions = formattingOf(file.text);
  const commandEdits = modify(file.text, [...server.path, 'command'], command, { formattingOptions });
  const afterCommand = applyOnce(file.text, commandEdits);
  const argsEdits = modify(afterCommand, [...server.path, 'args'], args, { formattingOptions });
  // Both edits as one replacement of the changed span of the original text.
  const result = applyOnce(afterCommand, argsEdits);
  let start = 0;
  while (start < file.text.length && file.text[start] === result[start]) start++;
  let endOld = file.text.length;
  let endNew = result.length;
  while (endOld > start && endNew > start && file.text[endOld - 1] === result[endNew - 1]) {
    endOld--;
    endNew--;
  }
  return [{ offset: start, length: endOld - start, newText: result.slice(start, endNew) }];
}

function applyOnce(text: string, edits: { offset: number; length: number; content: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  return out;
}
