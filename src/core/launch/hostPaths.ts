/** What a host path given to a server or container exposes. */
export type HostPathRisk = 'root' | 'home' | 'all-homes' | 'docker-socket' | 'credentials';

const HOME_VARIABLE =
  /^(?:~|\$HOME|\$\{HOME\}|\$\{env:HOME\}|\$\{userHome\}|%USERPROFILE%|%HOMEDRIVE%%HOMEPATH%|\$\{env:USERPROFILE\}|\$env:USERPROFILE|\$\{USERPROFILE\}|\$USERPROFILE)$/i;
const SOCKETS =
  /^(?:\/var\/run\/docker\.sock|\/run\/docker\.sock|\/\/\.\/pipe\/docker_engine|\\\\\.\\pipe\\docker_engine|\/run\/podman\/podman\.sock|\/var\/run\/podman\/podman\.sock|.*\/podman\/podman\.sock|.*\/\.docker\/run\/docker\.sock|.*\/\.colima\/[^/]+\/docker\.sock)$/i;
const CREDENTIAL_DIRS = [
  '.ssh',
  '.aws',
  '.azure',
  '.kube',
  '.docker',
  '.gnupg',
  '.config/gcloud',
  '.config/gh',
  '.netrc',
  '.npmrc',
  '.pypirc',
  '.git-credentials',
];

function normalize(path: string): string {
  const p = path.trim().replace(/\\/g, '/');
  let end = p.length;
  while (end > 1 && p[end - 1] === '/') end--;
  const trimmed = p.slice(0, end);
  return /^[A-Za-z]:$/.test(trimmed) ? trimmed + '/' : trimmed;
}

/** The home folder part of a path and what follows it (`~/.ssh` → `.ssh`), or undefined if it is not under a home folder. */
function homeRelative(p: string): string | undefined {
  const variable = /^([^/]+)(?:\/(.*))?$/.exec(p);
  if (variable && HOME_VARIABLE.test(variable[1]!)) return variable[2] ?? '';
  const m = /^(?:\/home\/[^/]+|\/Users\/[^/]+|\/root|[A-Za-z]:\/Users\/[^/]+)(?:\/(.*))?$/i.exec(p);
  if (!m) return undefined;
  return m[1] ?? '';
}

/**
 * Classifies a host path: the filesystem root (`/`, `C:\`), a home folder (`~`, `$HOME`,
 * `/home/<user>`, `C:\Users\<user>`), every home (`/home`, `/Users`), a credentials folder in a home
 * (`~/.ssh`, `~/.aws` …), or the Docker/Podman socket. Project folders and other paths are undefined.
 */
export function classifyHostPath(path: string): HostPathRisk | undefined {
  const p = normalize(path);
  if (p === '') return undefined;
  if (SOCKETS.test(p)) return 'docker-socket';
  if (p === '/' || /^[A-Za-z]:\/$/.test(p)) return 'root';
  if (/^(?:\/home|\/Users|[A-Za-z]:\/Users)$/i.test(p)) return 'all-homes';
  const rest = homeRelative(p);
  if (rest === undefined) return undefined;
  if (rest === '') return 'home';
  return CREDENTIAL_DIRS.some((d) => rest === d || rest.startsWith(d + '/')) ? 'credentials' : undefined;
}

export const HOST_PATH_WORDS: Record<HostPathRisk, string> = {
  root: "the whole filesystem (the host's root)",
  home: 'your whole home folder (SSH keys, cloud credentials, app configs)',
  'all-homes': "every user's home folder",
  'docker-socket': 'the container engine socket, which controls the engine (root on the host)',
  credentials: 'a credentials folder',
};
