import { DEFAULT_MAX_FILE_BYTES, loadConfigBytes, type ConfigFile, type LoadOptions } from '../core/index';
import { readBounded } from './boundedRead';

/**
 * Reads a config through the bounded reader: a file over the limit is not read at all (the finding
 * says so); what is not a regular file throws, unless it is a pipe the user named (`/dev/stdin`, `<(…)`).
 */
export function readConfigFile(options: LoadOptions & { maxFileBytes?: number }): ConfigFile {
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const read = readBounded(options.path, { maxBytes: max, explicit: options.explicit === true });
  if (read.tooLarge) return loadConfigBytes(new Uint8Array(0), { ...options, maxFileBytes: max, byteLength: read.byteLength });
  return loadConfigBytes(read.bytes, { ...options, maxFileBytes: max });
}
