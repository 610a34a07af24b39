import type { Runner } from './types';

/** How a runner is written on a command line, for messages. */
export const RUNNER_LABEL: Record<Runner, string> = {
  npx: 'npx',
  'npm-exec': 'npm exec',
  bunx: 'bunx',
  'pnpm-dlx': 'pnpm dlx',
  pnpx: 'pnpx',
  'yarn-dlx': 'yarn dlx',
  uvx: 'uvx',
  'uv-tool-run': 'uv tool run',
  'uv-run': 'uv run',
  'pipx-run': 'pipx run',
  docker: 'docker',
  podman: 'podman',
  nerdctl: 'nerdctl',
  deno: 'deno',
  'go-run': 'go run',
};
