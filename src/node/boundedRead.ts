import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/**
 * The one way MCP Warden reads a file it did not write. A repository can commit a symlink to
 * `/dev/zero`, a FIFO nobody writes to, or a gigabyte of padding under a name we read: so only
 * regular files are read, by streaming, never past a size cap. Pipes are read only when the user
 * names one on purpose (`-`, `/dev/stdin`, `/dev/fd/N` as `<(…)` gives them), still with the cap.
 */
export interface BoundedReadOptions {
  /** Largest number of bytes read; a file over it is not returned (see `tooLarge`). */
  maxBytes: number;
  /** The user named this path on the command line: a pipe or `<(…)` is read (with the cap). */
  explicit?: boolean;
}

export interface BoundedRead {
  /** The bytes (empty when `tooLarge`). */
  bytes: Uint8Array;
  /** The file is over `maxBytes`: not read (a regular file) or cut off (a pipe). */
  tooLarge: boolean;
  /** The size on disk, or for a stream the bytes seen before giving up. */
  byteLength: number;
}

export type BoundedReadErrorCode = 'not-regular' | 'too-large' | 'io';

/** A read refused or failed; the message says what the path is and what to do. */
export class BoundedReadError extends Error {
  constructor(
    readonly code: BoundedReadErrorCode,
    message: string,
    readonly errno?: string,
  ) {
    super(message);
  }
}

export const MB = 1024 * 1024;
/** Caps of the files MCP Warden reads (configs have their own: the `maxFileSizeMB` setting, 10 MB). */
export const READ_CAPS = {
  settings: 1 * MB,
  policy: 4 * MB,
  lockfile: 32 * MB,
  toolsInput: 32 * MB,
  envFile: 1 * MB,
  npmrc: 256 * 1024,
} as const;

const CHUNK = 64 * 1024;

/** `-`, `/dev/stdin`, `/dev/fd/N`, `/proc/self/fd/N`: what a shell passes for a pipe or `<(…)`. */
export function isStreamPath(path: string): boolean {
  return path === '-' || /^\/dev\/(?:stdin|fd\/\d+)$/.test(path) || /^\/proc\/(?:self|\d+)\/fd\/\d+$/.test(path);
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function notRegular(stat: Stats, explicit: boolean | undefined): BoundedReadError {
  const hint = explicit && !stat.isDirectory() ? '; to read a pipe on purpose, pass it as - or /dev/stdin' : '';
  return new BoundedReadError('not-regular', `it is ${kindOf(stat)}, not a regular file: not read${hint}`);
}

function ioError(e: unknown): BoundedReadError {
  if (e instanceof BoundedReadError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  return new BoundedReadError('io', code ?? (e as Error).message, code);
}

/** Reads at most `maxBytes + 1` bytes from an open descriptor, chunk by chunk. */
function streamFd(fd: number, maxBytes: number): BoundedRead {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) return { bytes: new Uint8Array(0), tooLarge: true, byteLength: total };
    chunks.push(chunk.subarray(0, n));
  }
  return { bytes: new Uint8Array(Buffer.concat(chunks, total)), tooLarge: false, byteLength: total };
}

/**
 * Reads a file with the rules above. Throws `BoundedReadError` for what is not a regular file
 * (unless it is a stream named on purpose) and for I/O errors; returns `tooLarge` past the cap.
 */
export function readBounded(path: string, options: BoundedReadOptions): BoundedRead {
  const stream = options.explicit === true && isStreamPath(path);
  // Standard input is read from descriptor 0: opening /dev/stdin fails when it is a socket (ENXIO).
  if (stream && /^(?:-|\/dev\/stdin|\/dev\/fd\/0|\/proc\/self\/fd\/0)$/.test(path)) {
    try {
      return streamFd(0, options.maxBytes);
    } catch (e) {
      throw ioError(e);
    }
  }
  let fd: number | undefined;
  try {
    if (!stream) {
      // stat first: opening a FIFO nobody writes to would block for ever.
      const before = statSync(path);
      if (!before.isFile()) throw notRegular(before, options.explicit);
      if (before.size > options.maxBytes) return { bytes: new Uint8Array(0), tooLarge: true, byteLength: before.size };
    }
    // O_NONBLOCK: a file swapped for a FIFO after the stat still opens at once, and fstat refuses it.
    fd = openSync(path, stream ? constants.O_RDONLY : constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!stream) {
      const opened = fstatSync(fd);
      if (!opened.isFile()) throw notRegular(opened, options.explicit);
    }
    return streamFd(fd, options.maxBytes);
  } catch (e) {
    throw ioError(e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `readBounded` as UTF-8 text without a BOM; over the cap is an error naming the cap. */
export function readBoundedText(path: string, options: BoundedReadOptions): string {
  const read = readBounded(path, options);
  if (read.tooLarge) {
    throw new BoundedReadError('too-large', `it is larger than ${formatCap(options.maxBytes)}: not read`);
  }
  return new TextDecoder('utf-8').decode(read.bytes).replace(/^\uFEFF/, '');
}

/** The message of a read failure as the CLI prints it after "cannot read X: ". */
export function readFailure(e: unknown): string {
  if (e instanceof BoundedReadError) return e.message;
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

function formatCap(bytes: number): string {
  return bytes >= MB ? `${bytes / MB} MB` : `${Math.round(bytes / 1024)} KB`;
}
