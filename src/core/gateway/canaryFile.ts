import { MIN_CANARY_LENGTH } from './canary';

export interface CanaryFile {
  values: string[];
  problems: string[];
}

/** A canary file: one value per line; blank lines and lines starting with `#` are skipped. */
export function parseCanaryFile(text: string): CanaryFile {
  const values: string[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.length < MIN_CANARY_LENGTH)
      problems.push(`line ${i + 1}: a canary needs at least ${MIN_CANARY_LENGTH} characters (a short one would match ordinary text)`);
    else values.push(line);
  });
  return { values, problems };
}
