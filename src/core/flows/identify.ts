import type { ServerEntry } from '../model/server';

/**
 * What a server runs, as far as its launch says: `npm:@scope/pkg`, `pypi:pkg`, `docker:image`,
 * `url:host/path`, `binary:name`, `goose:builtin-name`. Deliberately minimal; to be unified with
 * the fuller launch parser in `src/core/launch/` once it lands.
 */
export interface LaunchIdentity {
  kind: 'npm' | 'pypi' | 'docker' | 'url' | 'binary' | 'goose';
  name: string;
  version?: string;
}

export function identityKey(id: LaunchIdentity): string {
  return `${id.kind}:${id.name}`;
}

const NPX_VALUE_OPTIONS = new Set(['-p', '--package', '-c', '--call', '--cache', '--registry', '--userconfig']);
const UVX_VALUE_OPTIONS = new Set([
  '--from',
  '--with',
  '--python',
  '-p',
  '--index',
  '--index-url',
  '--extra-index-url',
  '--with-requirements',
  '--directory',
  '--project',
]);
const DOCKER_VALUE_OPTIONS = new Set([
  '-e',
  '--env',
  '-v',
  '--volume',
  '--name',
  '-p',
  '--publish',
  '--network',
  '--net',
  '--env-file',
  '--mount',
  '-w',
  '--workdir',
  '--entrypoint',
  '-u',
  '--user',
  '--platform',
  '-l',
  '--label',
  '--add-host',
  '--cpus',
  '-m',
  '--memory',
  '--pull',
  '--cap-add',
  '--cap-drop',
  '--security-opt',
  '--tmpfs',
  '--device',
  '--ulimit',
  '--hostname',
  '-h',
  '--restart',
  '--log-driver',
  '--runtime',
]);

export function commandBase(command: string): string {
  let name = COMMAND_BASES.get(command);
  if (name === undefined) {
    const base = command.replace(/\\/g, '/').split('/').pop() ?? command;
    name = base.toLowerCase().replace(/\.(exe|cmd|bat|ps1)$/, '');
    if (command.length > 256) return name;
    if (COMMAND_BASES.size >= 2048) COMMAND_BASES.clear();
    COMMAND_BASES.set(command, name);
  }
  return name;
}

/** Commands repeat across servers (`npx`, `uvx`, `docker`), so their base names are remembered. */
const COMMAND_BASES = new Map<string, string>();

/** Candidate identities of a server, most specific first. */
export function identifyServer(server: ServerEntry): LaunchIdentity[] {
  if (server.declaredType === 'builtin') return [{ kind: 'goose', name: server.name.toLowerCase() }];
  const out: LaunchIdentity[] = [];
  if (server.url) {
    const id = urlIdentity(server.url.value);
    if (id) out.push(id);
  }
  if (!server.command) return out;
  let command = commandBase(server.command.value);
  let args = server.args.map((a) => a.value);
  if ((command === 'cmd' && /^\/[ck]$/i.test(args[0] ?? '')) || ((command === 'sh' || command === 'bash') && args[0] === '-c' && args.length === 2)) {
    const inner = command === 'cmd' ? args.slice(1) : (args[1] ?? '').split(/\s+/).filter(Boolean);
    command = commandBase(inner[0] ?? '');
    args = inner.slice(1);
  }
  const launched = launchedPackage(command, args);
  if (launched) out.push(launched);
  else if (command && !['node', 'python', 'python3', 'deno', 'bun', 'java', 'sh', 'bash', 'cmd'].includes(command)) out.push({ kind: 'binary', name: command });
  return out;
}

function launchedPackage(command: string, args: string[]): LaunchIdentity | undefined {
  if (command === 'npx' || command === 'bunx' || command === 'pnpx') return npmSpec(firstPositional(args, NPX_VALUE_OPTIONS, ['-p', '--package']));
  if ((command === 'npm' && args[0] === 'exec') || ((command === 'pnpm' || command === 'yarn') && args[0] === 'dlx')) {
    return npmSpec(firstPositional(args.slice(1), NPX_VALUE_OPTIONS, ['-p', '--package']));
  }
  if (command === 'uvx' || (command === 'uv' && args[0] === 'tool' && args[1] === 'run') || (command === 'pipx' && args[0] === 'run')) {
    const rest = command === 'uvx' ? args : args.slice(command === 'uv' ? 2 : 1);
    return pypiSpec(firstPositional(rest, UVX_VALUE_OPTIONS, ['--from']));
  }
  if ((command === 'docker' || command === 'podman') && args[0] === 'run') {
    const image = firstPositional(args.slice(1), DOCKER_VALUE_OPTIONS, []);
    return image ? { kind: 'docker', name: dockerImage(image) } : undefined;
  }
  if (command.startsWith('python') && args[0] === '-m' && args[1]) return { kind: 'pypi', name: args[1].replace(/_/g, '-').toLowerCase() };
  if (command === 'node' || command === 'bun' || command === 'deno') {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec((args.find((a) => !a.startsWith('-')) ?? '').replace(/\\/g, '/'));
    if (m) return { kind: 'npm', name: m[1]!.toLowerCase() };
  }
  return undefined;
}

/** The first argument that is not an option (or the value of one of `preferred`, which names the package). */
function firstPositional(args: string[], valueOptions: ReadonlySet<string>, preferred: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return args[i + 1];
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (preferred.includes(flag)) return eq > 0 ? arg.slice(eq + 1) : args[i + 1];
    if (!arg.startsWith('-')) return arg;
    if (eq < 0 && valueOptions.has(flag)) i++;
  }
  return undefined;
}

export function npmSpec(spec: string | undefined): LaunchIdentity | undefined {
  if (!spec || (!spec.startsWith('@') && (spec.includes('/') || spec.includes(':')))) return undefined;
  const at = spec.indexOf('@', 1);
  const name = (at > 0 ? spec.slice(0, at) : spec).toLowerCase();
  return at > 0 ? { kind: 'npm', name, version: spec.slice(at + 1) } : { kind: 'npm', name };
}

export function pypiSpec(spec: string | undefined): LaunchIdentity | undefined {
  if (!spec || spec.includes('/') || spec.includes(':')) return undefined;
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?(?:(?:==|@|>=|~=)(.+))?$/.exec(spec);
  if (!m) return undefined;
  const name = m[1]!.toLowerCase().replace(/_/g, '-');
  return m[2] ? { kind: 'pypi', name, version: m[2] } : { kind: 'pypi', name };
}

export function dockerImage(image: string): string {
  let name = image.split('@')[0]!;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > slash) name = name.slice(0, colon);
  name = name.toLowerCase().replace(/^(docker\.io|index\.docker\.io)\//, '');
  return name.replace(/^library\//, '');
}

export function urlIdentity(url: string): LaunchIdentity | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const path = parsed.pathname.replace(/\/+$/, '');
  return { kind: 'url', name: `${parsed.hostname.toLowerCase()}${path}` };
}
