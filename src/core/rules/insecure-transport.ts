import { tokenFileRange } from '../launch/literal';
import { launchOf } from '../launch/parse';
import type { Token } from '../launch/types';
import { isLoopbackHost, mask, parseHttpUrl } from '../launch/urls';
import { fieldToken } from '../launch/words';
import type { ConfigFile } from '../model/configFile';
import type { ServerEntry } from '../model/server';
import type { RuleContext, Rule } from './rule';
import { disabledBy } from '../config/disabledBy';

const CREDENTIAL_PARAM =
  /^(?:access[_-]?token|token|auth[_-]?token|id[_-]?token|refresh[_-]?token|api[_-]?key|apikey|x-api-key|key|auth|authorization|secret|client[_-]?secret|password|passwd|pass|pwd|sig|signature|jwt|bearer|private[_-]?token|session[_-]?token|credentials?)$/i;
/** Local bridges that connect a stdio client to a remote server named in their arguments. */
const BRIDGES = /^(?:mcp-remote|supergateway|mcp-proxy|@modelcontextprotocol\/inspector|mcp-remote-client)$/;

function findUrlProblems(file: ConfigFile, context: RuleContext, server: ServerEntry, token: Token, checkScheme: boolean): void {
  const url = parseHttpUrl(token.text);
  if (!url) return;
  const where = { server, range: tokenFileRange(file.text, token), path: token.field.path };
  if (checkScheme && url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    context.report({
      ...where,
      message: `Server "${server.name}" is reached over plain http:// at ${url.host}: requests, tool results and any token in headers travel unencrypted and can be read or changed on the network. Use https://.`,
    });
  }
  if (url.password !== '' || (url.username !== '' && url.username.length >= 8)) {
    context.report({
      ...where,
      message: `The URL of "${server.name}" carries credentials before the host (${mask(decodeURIComponent(url.username))}…@${url.host}): URLs end up in logs, proxies and process lists. Send them in a header instead.`,
    });
  }
  for (const [name, value] of url.searchParams) {
    if (!CREDENTIAL_PARAM.test(name) || value === '') continue;
    const shown = /^\$\{[^}]*\}$|^\$[A-Z_]+$/.test(value) ? value : mask(value);
    context.report({
      ...where,
      message: `The URL of "${server.name}" passes a credential in its query string (${name}=${shown}): query strings are written to server and proxy logs and browser history. Send it in a header instead.`,
    });
  }
}

/**
 * Remote servers reached over http:// on a non-loopback host, and credentials in a URL (query string
 * or user-info) — in the `url` field or in the arguments of a local bridge such as `mcp-remote`.
 */
export const insecureTransport: Rule = {
  meta: {
    id: 'insecure-transport',
    category: 'launch',
    defaultSeverity: 'warning',
    description: 'A server is reached over plain http:// beyond this machine, or its URL carries a credential.',
  },
  check(file, context) {
    for (const server of file.servers) {
      if (disabledBy(server, file, context.project)) continue;
      if (server.url) findUrlProblems(file, context, server, fieldToken(server.url), true);
      const launch = launchOf(server);
      if (!launch) continue;
      const bridge = launch.packages.some((p) => BRIDGES.test(p.name));
      for (const arg of launch.programArgs) findUrlProblems(file, context, server, arg, bridge);
    }
  },
};
