import { readFileSync, statSync } from 'node:fs';
import { MAX_ENV_FILE_BYTES } from '../core/config/envText';
import type { Project } from '../core/index';
import { envFilePathOf } from '../core/secrets/envFileRefs';

/** An env file's text (BOM removed), or why it could not be read: `too-large`, or the system's error code. */
export function readEnvFileText(path: string): { text: string } | { problem: string } {
  try {
    if (statSync(path).size > MAX_ENV_FILE_BYTES) return { problem: 'too-large' };
    return { text: readFileSync(path, 'utf8').replace(/^\uFEFF/, '') };
  } catch (e) {
    return { problem: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
}

/** Reads the env files that workspace servers name (inside the workspace only, at most 1 MB each). */
export function readEnvFiles(project: Project): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of project.files) {
    for (const server of file.servers) {
      const path = envFilePathOf(server, file, project);
      if (path === undefined || out.has(path)) continue;
      const read = readEnvFileText(path);
      // A missing or oversized env file is the client's problem, not a secret.
      if ('text' in read) out.set(path, read.text);
    }
  }
  return out;
}
