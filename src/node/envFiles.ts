import { MAX_ENV_FILE_BYTES } from '../core/config/envText';
import type { Project } from '../core/index';
import { envFilePathOf } from '../core/secrets/envFileRefs';
import { BoundedReadError, readBoundedText } from './boundedRead';

/**
 * An env file's text (BOM removed), or why it could not be read: `too-large`, a refusal of the bounded reader (a link
 * to a device, a FIFO: never read, so a hostile repository cannot stall a scan), or the system's error code.
 */
export function readEnvFileText(path: string): { text: string } | { problem: string } {
  try {
    return { text: readBoundedText(path, { maxBytes: MAX_ENV_FILE_BYTES }).replace(/^\uFEFF/, '') };
  } catch (e) {
    if (e instanceof BoundedReadError) return { problem: e.code === 'too-large' ? 'too-large' : e.message };
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
