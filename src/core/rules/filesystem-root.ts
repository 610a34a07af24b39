import { classifyHostPath, HOST_PATH_WORDS } from '../launch/hostPaths';
import { tokenFileRange } from '../launch/literal';
import { launchOf } from '../launch/parse';
import { CONTAINER_TOOLS } from '../launch/program';
import type { LaunchSpec } from '../launch/types';
import type { Rule } from './rule';
import { disabledBy } from '../config/disabledBy';

const FILESYSTEM = /filesystem|(?:^|[/@_-])fs(?:[_-]|$)/i;

/** Filesystem servers: by package, Go module or program name (`@modelcontextprotocol/server-filesystem`, `mcp-server-filesystem` …). */
function isFilesystemServer(launch: LaunchSpec): boolean {
  if (launch.runner && CONTAINER_TOOLS.has(launch.runner)) return false;
  if (launch.packages.some((p) => FILESYSTEM.test(p.name))) return true;
  return !launch.runner && launch.program !== undefined && FILESYSTEM.test(launch.program);
}

/**
 * A filesystem server whose allowed directory is the filesystem root, a home folder or every home:
 * every file the user can read (SSH keys, tokens, browser profiles) becomes a tool call away.
 * Container launches are left to `docker-privileged`, which reads their mounts.
 */
export const filesystemRoot: Rule = {
  meta: {
    id: 'filesystem-root',
    category: 'launch',
    defaultSeverity: 'warning',
    description: 'A filesystem server is given the whole disk or a whole home folder.',
  },
  check(file, context) {
    for (const server of file.servers) {
      if (disabledBy(server, file, context.project)) continue;
      const launch = launchOf(server);
      if (!launch || !isFilesystemServer(launch)) continue;
      for (const arg of launch.programArgs) {
        if (arg.text.startsWith('-')) continue;
        const risk = classifyHostPath(arg.text.replace(/^--?[\w-]+=/, ''));
        if (!risk || risk === 'docker-socket') continue;
        context.report({
          server,
          range: tokenFileRange(file.text, arg),
          path: arg.field.path,
          message: `Filesystem server "${server.name}" is allowed ${arg.text}, ${HOST_PATH_WORDS[risk]}: a prompt can make it read or change them. Allow only the folders it needs.`,
          ...(risk === 'root' ? { severity: 'error' as const } : {}),
        });
      }
    }
  },
};
