// The live client (src/live: the MCP SDK with ajv and zod, process spawning) is a file of its own in the VSIX,
// dist/live.js (scripts/build.mjs), required on the first connect: activation does not load it. This is the
// extension's one runtime import of it; the build fails on any other.
export type LiveModule = typeof import('../../live/index');

let loading: Promise<LiveModule> | undefined;
let loaded: LiveModule | undefined;

/** The live client, loaded on first use. */
export function loadLive(): Promise<LiveModule> {
  // `require`, so the bundle keeps a plain CommonJS load of dist/live.js (a CommonJS file).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loading ??= Promise.resolve().then(() => (loaded = require('../../live/index') as LiveModule));
  return loading;
}

/** The live client if a connect loaded it (it then holds the registry of the processes it started), else undefined. */
export function loadedLive(): LiveModule | undefined {
  return loaded;
}
