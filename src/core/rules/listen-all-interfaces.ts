import { tokenFileRange } from '../launch/literal';
import { launchOf } from '../launch/parse';
import { CONTAINER_TOOLS } from '../launch/program';
import type { Token } from '../launch/types';
import { isAllInterfaces } from '../launch/urls';
import { subToken } from '../launch/words';
import type { Rule } from './rule';
import { disabledBy } from '../config/disabledBy';

const BIND_OPTION =
  /^--?(?:host|hostname|bind|bind[-_]address|bind[-_]addr|listen|listen[-_]address|listen[-_]addr|address|addr|http[-_]host|server[-_]host|sse[-_]host|ip)$/i;
const BIND_ENV = /^(?:[A-Z0-9]+_)*(?:HOST|BIND|BIND_ADDRESS|BIND_ADDR|LISTEN|LISTEN_ADDRESS|LISTEN_ADDR|ADDRESS|ADDR|SERVER_HOST|HTTP_HOST)$/i;

/** The host part of `0.0.0.0`, `0.0.0.0:8080`, `[::]:8080`, `http://0.0.0.0:80`, `:8080` (Go: every interface). */
function bindsEverywhere(value: string, portOnlyCounts: boolean): boolean {
  const v = value
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/\/.*$/, '');
  if (portOnlyCounts && /^:\d{1,5}$/.test(v)) return true;
  const bracket = /^\[([^\]]*)\](?::\d+)?$/.exec(v);
  if (bracket) return isAllInterfaces(bracket[1]!);
  if (isAllInterfaces(v)) return true;
  const hostPort = /^([^:]*):\d{1,5}$/.exec(v);
  return hostPort !== null && isAllInterfaces(hostPort[1]!);
}

/** `-p 8080:80`, `-p 0.0.0.0:8080:80`: the host address of a published port is every interface unless one is given. */
function publishesEverywhere(value: string): boolean {
  const spec = value.replace(/\/(?:tcp|udp|sctp)$/i, '');
  const bracket = /^\[([^\]]*)\]:/.exec(spec);
  if (bracket) return isAllInterfaces(bracket[1]!);
  const parts = spec.split(':');
  if (parts.length <= 2) return true;
  return parts[0] === '' || isAllInterfaces(parts[0]!);
}

/**
 * A server told to listen on every network interface (`--host 0.0.0.0`, `HOST=::`, a container port
 * published without a host address): anyone on the same network can reach its tools. Inside a
 * container, binding 0.0.0.0 is normal; there the published ports decide.
 */
export const listenAllInterfaces: Rule = {
  meta: {
    id: 'listen-all-interfaces',
    category: 'launch',
    defaultSeverity: 'warning',
    description: 'A server is told to listen on every network interface (0.0.0.0, ::) instead of localhost.',
  },
  check(file, context) {
    for (const server of file.servers) {
      if (disabledBy(server, file, context.project)) continue;
      const launch = launchOf(server);
      const say = (token: Token, what: string) =>
        context.report({
          server,
          range: tokenFileRange(file.text, token),
          path: token.field.path,
          message: `Server "${server.name}" ${what}: anyone on the same network can call its tools. Bind it to 127.0.0.1.`,
        });
      if (launch?.runner && CONTAINER_TOOLS.has(launch.runner)) {
        for (const option of launch.options) {
          if ((option.name === '-p' || option.name === '--publish') && option.value && publishesEverywhere(option.value.text)) {
            say(
              option.value,
              `publishes container port ${option.value.text} on every interface (give a host address: 127.0.0.1:${option.value.text.split(':').slice(-2).join(':')})`,
            );
          } else if (option.name === '-P' || option.name === '--publish-all')
            say(option.token, 'publishes every container port on every interface of this machine');
        }
        continue;
      }
      const args = launch?.programArgs ?? [];
      for (let i = 0; i < args.length; i++) {
        const arg = args[i]!;
        const eq = arg.text.indexOf('=');
        const name = eq > 0 ? arg.text.slice(0, eq) : arg.text;
        if (!BIND_OPTION.test(name)) continue;
        const value = eq > 0 ? subToken(arg, eq + 1) : args[i + 1];
        if (value && bindsEverywhere(value.text, /addr|listen/i.test(name))) say(value, `is told to listen on ${value.text} (${name})`);
      }
      for (const env of server.env) {
        if (env.value !== undefined && BIND_ENV.test(env.key) && bindsEverywhere(env.value, /ADDR|LISTEN/i.test(env.key))) {
          context.report({
            server,
            node: env.node,
            message: `Server "${server.name}" is told to listen on ${env.value} (${env.key}): anyone on the same network can call its tools. Bind it to 127.0.0.1.`,
          });
        }
      }
    }
  },
};
