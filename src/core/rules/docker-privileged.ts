import { classifyHostPath, HOST_PATH_WORDS } from '../launch/hostPaths';
import { tokenFileRange } from '../launch/literal';
import { launchOf } from '../launch/parse';
import { CONTAINER_TOOLS } from '../launch/program';
import type { ParsedOption } from '../launch/types';
import type { Severity } from '../model/finding';
import type { Rule } from './rule';
import { disabledBy } from '../config/disabledBy';

const DANGEROUS_CAPS = new Set(['ALL', 'SYS_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'DAC_READ_SEARCH', 'NET_ADMIN', 'BPF']);
const HOST_NAMESPACES: Record<string, string> = {
  '--network': "shares the host's network: it reaches every service listening on your machine's localhost and can bind host ports",
  '--net': "shares the host's network: it reaches every service listening on your machine's localhost and can bind host ports",
  '--pid': 'sees and can signal every process on the host',
  '--ipc': "shares the host's shared memory and IPC",
  '--userns': 'runs without user-namespace remapping',
  '--uts': "shares the host's hostname namespace",
};
const UNCONFINED = /^(?:seccomp[=:]unconfined|apparmor[=:]unconfined|label[=:]disable|systempaths[=:]unconfined)$/i;

/** The host side of `-v src:dst[:opts]` or `--mount type=bind,source=src,…`. */
export function mountSource(option: ParsedOption): string | undefined {
  const value = option.value?.text;
  if (value === undefined) return undefined;
  if (option.name === '--mount') {
    const fields = Object.fromEntries(value.split(',').map((kv) => [kv.split('=')[0]!.trim().toLowerCase(), kv.slice(kv.indexOf('=') + 1)]));
    return fields.type === undefined || fields.type === 'bind' ? (fields.source ?? fields.src) : undefined;
  }
  const drive = /^[A-Za-z]:[\\/]/.test(value) ? 2 : 0;
  const colon = value.indexOf(':', drive);
  return colon === -1 ? undefined : value.slice(0, colon);
}

/**
 * Container launches that take the host's protections away: `--privileged`, host network/PID/IPC
 * namespaces, powerful capabilities, disabled seccomp/AppArmor, and mounts of the host's root, a home
 * folder, a credentials folder or the container engine's socket. Options after the image belong to
 * the server, not to the engine, and are not read.
 */
export const dockerPrivileged: Rule = {
  meta: {
    id: 'docker-privileged',
    category: 'launch',
    defaultSeverity: 'warning',
    description: 'A containerised server is given privileged access to the host (privileged mode, host namespaces, host root/home/socket mounts).',
  },
  check(file, context) {
    for (const server of file.servers) {
      if (disabledBy(server, file, context.project)) continue;
      const launch = launchOf(server);
      if (!launch?.runner || !CONTAINER_TOOLS.has(launch.runner)) continue;
      const say = (option: ParsedOption, what: string, severity?: Severity) =>
        context.report({
          server,
          range: tokenFileRange(file.text, option.value ?? option.token),
          path: (option.value ?? option.token).field.path,
          message: `Server "${server.name}" runs its container with ${what}.`,
          ...(severity ? { severity } : {}),
        });
      for (const option of launch.options) {
        const value = option.value?.text.trim() ?? '';
        if (option.name === '--privileged' && value !== 'false') {
          say(
            option,
            '--privileged: it gets every device and capability of the host and no seccomp or AppArmor confinement — escaping to the host is trivial',
            'error',
          );
        } else if (HOST_NAMESPACES[option.name] && value.toLowerCase() === 'host') {
          say(option, `${option.name} host, so it ${HOST_NAMESPACES[option.name]}`);
        } else if (option.name === '--cap-add' && DANGEROUS_CAPS.has(value.toUpperCase().replace(/^CAP_/, ''))) {
          say(option, `--cap-add ${value}, a capability that lets a process break out of the container or take over host resources`);
        } else if (option.name === '--security-opt' && UNCONFINED.test(value)) {
          say(option, `--security-opt ${value}, which turns off a kernel protection that confines containers`);
        } else if (['-v', '--volume', '--mount'].includes(option.name)) {
          const source = mountSource(option);
          const risk = source === undefined ? undefined : classifyHostPath(source);
          if (!risk) continue;
          const readOnly = /(?::|,)(?:ro|readonly)(?:,|$)|,readonly=true/.test(value) ? ' (read-only, still enough to steal secrets)' : '';
          const severity = risk === 'root' || risk === 'docker-socket' ? 'error' : undefined;
          say(option, `${source} mounted: that exposes ${HOST_PATH_WORDS[risk]}${readOnly}`, severity);
        }
      }
    }
  },
};
