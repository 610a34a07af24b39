import { parseEnvText } from '../core/config/envText';
import { readEnvFileText } from '../node/envFiles';
import { LiveError } from './errors';

/** Reads a `.env` file for a launch, with the same reader the secret scanner uses. */
export function readEnvFile(path: string): Record<string, string> {
  const read = readEnvFileText(path);
  if ('problem' in read)
    throw new LiveError(
      'config',
      `${read.problem === 'too-large' ? `the envFile "${path}" is larger than 1 MB` : `cannot read the envFile "${path}": ${read.problem}`}`,
    );
  return parseEnvText(read.text);
}

export { parseEnvText };
