import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIo } from './scan';

/** Writes a command's report to `--output FILE` (relative to the current folder) or to standard output; false, after saying why, when the file cannot be written. */
export function writeReport(io: CliIo, output: string | undefined, text: string): boolean {
  if (!output) {
    io.stdout(text);
    return true;
  }
  try {
    writeFileSync(resolve(io.cwd, output), text);
    return true;
  } catch (e) {
    io.stderr(`mcp-warden: cannot write ${output}: ${(e as Error).message}\n`);
    return false;
  }
}
