import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { DEFAULT_MAX_FILE_BYTES, loadConfigBytes, type ConfigFile, type LoadOptions } from '../core/index';

/** Reads a config from disk; a file over the limit is not read at all (the finding says so). */
export function readConfigFile(options: LoadOptions & { maxFileBytes?: number }): ConfigFile {
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const size = statSync(options.path).size;
  if (size > max) return loadConfigBytes(new Uint8Array(0), { ...options, maxFileBytes: max, byteLength: size });
  const bytes = new Uint8Array(size);
  const fd = openSync(options.path, 'r');
  try {
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return loadConfigBytes(bytes.subarray(0, read), { ...options, maxFileBytes: max });
  } finally {
    closeSync(fd);
  }
}
