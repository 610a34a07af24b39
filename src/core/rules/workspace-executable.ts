import { normalizeFsPath } from '../engine/project';
import { tokenFileRange } from '../launch/literal';
import { launchOf } from '../launch/parse';
import type { Token } from '../launch/types';
import type { ConfigFile } from '../model/configFile';
import type { Rule } from './rule';

const CONFIG_DIRS = /\/(?:\.vscode|\.cursor|\.roo|\.kiro|\.amazonq|\.gemini|\.zed|\.codex|\.continue)\/.*$/;
const PROJECT_SCRIPT_RUNNERS = new Set(['npm', 'pnpm', 'yarn', 'bun']);

/** The repository folder of a workspace config: the folder holding `.vscode/`, `.cursor/` …, or `.mcp.json`. */
function projectRootOf(file: ConfigFile): string {
  const path = normalizeFsPath(file.path);
  return CONFIG_DIRS.test(path) ? path.replace(CONFIG_DIRS, '') : path.slice(0, path.lastIndexOf('/'));
}

function isAbsolute(path: string): boolean {
  return /^(?:[/\\]|[A-Za-z]:[/\\]|~|\$|%)/.test(path);
}

/** Whether a path the launch runs lies in the repository: relative (from the project folder), `${workspaceFolder}/…`, or absolute inside a root. */
function insideRepository(path: string, roots: readonly string[], cwdOutside: boolean): boolean {
  if (/^\$\{workspaceFolder(?::[^}]*)?\}/.test(path)) return true;
  if (!isAbsolute(path)) return !cwdOutside;
  const p = normalizeFsPath(path);
  return roots.some((r) => r !== '' && (p === r || p.startsWith(r + '/')));
}

/**
 * A project config (checked into the repository) that starts a program or script from inside the
 * repository: `./scripts/x.sh`, `node ./server.js`, `${workspaceFolder}/bin/x`, `npx ./tool`,
 * `npm run …`. Whoever opens the repo and starts the server runs whatever that file holds — including
 * changes from the last pull request.
 */
export const workspaceExecutable: Rule = {
  meta: {
    id: 'workspace-executable',
    category: 'launch',
    defaultSeverity: 'warning',
    description: 'A project config launches an executable or script that lives inside the repository.',
  },
  check(file, context) {
    if (file.scope !== 'workspace') return;
    const roots = [projectRootOf(file), ...context.project.workspaceRoots];
    for (const server of file.servers) {
      if (server.disabled) continue;
      const launch = launchOf(server);
      if (!launch) continue;
      const cwd = server.cwd?.value;
      const cwdOutside = cwd !== undefined && isAbsolute(cwd) && !insideRepository(cwd, roots, false);
      const say = (token: Token, what: string) =>
        context.report({
          server,
          range: tokenFileRange(file.text, token),
          path: token.field.path,
          message: `Server "${server.name}" ${what} from this repository: anyone who opens the project and starts the server runs whatever that file holds, including changes from the last pull request. Review changes to it like code, or launch a pinned package instead.`,
        });
      if (launch.localTarget && insideRepository(launch.localTarget.text, roots, cwdOutside)) {
        say(launch.localTarget, `runs ${launch.localTarget.text}`);
      } else if (!launch.runner && launch.program && PROJECT_SCRIPT_RUNNERS.has(launch.program) && !cwdOutside) {
        const sub = launch.words[1];
        const script = sub?.text === 'run' || sub?.text === 'run-script' ? launch.words[2] : sub?.text === 'start' ? sub : undefined;
        if (script) say(script, `runs the "${script.text}" script of the package.json`);
      }
    }
  },
};
