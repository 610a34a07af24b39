import { normalizeFsPath } from '../engine/project';
import { tokenFileRange } from '../launch/literal';
import { launchOf } from '../launch/parse';
import type { Token } from '../launch/types';
import type { ConfigFile } from '../model/configFile';
import type { ServerEntry } from '../model/server';
import type { Rule } from './rule';
import { plural } from '../text/plural';
import { disabledBy } from '../config/disabledBy';

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
  return roots.some((r) => r !== '' && (p === r || p.startsWith(r + '/'))) || inDevContainerCopy(p);
}

/**
 * `/workspaces/<folder>/…` is where a dev container mounts the repository; a committed config naming it was
 * written for that container, and the folder name there need not match this clone's.
 */
function inDevContainerCopy(path: string): boolean {
  return /^\/workspaces\/[^/]+\//.test(path);
}

/** The absolute path a relative launch path names, from the project folder (`..` resolved). */
function resolveFrom(root: string, path: string): string {
  const parts: string[] = [];
  for (const part of `${root}/${path.replace(/\\/g, '/')}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** Where a flagged path really is: in the opened folder, or (relative, but climbing out of it) somewhere else. */
function whereIs(path: string, roots: readonly string[]): string {
  if (isAbsolute(path) || roots[0] === '') return 'from this repository';
  const resolved = resolveFrom(roots[0]!, path);
  return roots.some((r) => r !== '' && (resolved === r || resolved.startsWith(r + '/'))) ? 'from this repository' : `outside the opened folder (${resolved})`;
}

/** Above this many servers in one file, one finding lists them all (with related locations) instead of one each. */
const GROUP_FROM = 3;

interface Hit {
  server: ServerEntry;
  token: Token;
  what: string;
}

/**
 * A project config (checked into the repository) that starts a program or script from inside the
 * repository: `./scripts/x.sh`, `node ./server.js`, `${workspaceFolder}/bin/x`, `npx ./tool`,
 * `npm run …`. Whoever opens the repo and starts the server runs whatever that file holds — including
 * changes from the last pull request. Many such servers in one file make one finding.
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
    const hits: Hit[] = [];
    for (const server of file.servers) {
      if (disabledBy(server, file, context.project)) continue;
      const launch = launchOf(server);
      if (!launch) continue;
      const cwd = server.cwd?.value;
      const cwdOutside = cwd !== undefined && isAbsolute(cwd) && !insideRepository(cwd, roots, false);
      if (launch.localTarget && insideRepository(launch.localTarget.text, roots, cwdOutside)) {
        hits.push({ server, token: launch.localTarget, what: `runs ${launch.localTarget.text} ${whereIs(launch.localTarget.text, roots)}` });
      } else if (!launch.runner && launch.program && PROJECT_SCRIPT_RUNNERS.has(launch.program) && !cwdOutside) {
        const sub = launch.words[1];
        const script = sub?.text === 'run' || sub?.text === 'run-script' ? launch.words[2] : sub?.text === 'start' ? sub : undefined;
        if (script) hits.push({ server, token: script, what: `runs the "${script.text}" script of the package.json` });
      }
    }
    const at = (hit: Hit) => ({ server: hit.server, range: tokenFileRange(file.text, hit.token), path: hit.token.field.path });
    if (hits.length < GROUP_FROM) {
      for (const hit of hits)
        context.report({
          ...at(hit),
          message: `Server "${hit.server.name}" ${hit.what}: whoever starts it runs what that file holds, including changes from the last pull request.`,
        });
      return;
    }
    const names = hits
      .slice(0, 3)
      .map((h) => `"${h.server.name}"`)
      .join(', ');
    context.report({
      ...at(hits[0]!),
      message: `${plural(hits.length, 'server')} run files of this project (${names}${hits.length > 3 ? ', …' : ''}): whoever starts them runs what those files hold.`,
      related: hits.map((hit) => ({ file, range: tokenFileRange(file.text, hit.token), message: `Server "${hit.server.name}" ${hit.what}` })),
    });
  },
};
