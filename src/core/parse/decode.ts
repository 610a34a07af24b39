import type { ParseProblem } from './problem';
import { plural } from '../text/plural';

export interface DecodedText {
  text: string;
  problems: ParseProblem[];
  /** True when the bytes are not text at all; nothing should be parsed. */
  binary: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Bytes from disk to the text an editor shows: a UTF-8 BOM is dropped (so offsets match the editor's),
 * NUL bytes mark binary content, and invalid UTF-8 is reported at its first position and replaced.
 */
export function decodeConfigBytes(bytes: Uint8Array, maxBytes: number, byteLength = bytes.length): DecodedText {
  if (byteLength > maxBytes) {
    return {
      text: '',
      binary: true,
      problems: [
        {
          kind: 'too-large',
          offset: 0,
          length: 0,
          message: `File is ${formatBytes(byteLength)}, over the ${formatBytes(maxBytes)} limit: not read, so nothing in it was checked. Raise the limit with the mcpWarden.maxFileSizeMB setting (editor) or --max-file-mb (CLI).`,
        },
      ],
    };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      text: '',
      binary: true,
      problems: [
        {
          kind: 'binary',
          offset: 0,
          length: 0,
          message: 'File is UTF-16 encoded (byte order mark FF FE or FE FF); MCP clients read UTF-8: not read. Save it as UTF-8.',
        },
      ],
    };
  }
  const probe = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (probe.includes(0)) {
    return {
      text: '',
      binary: true,
      problems: [{ kind: 'binary', offset: 0, length: 0, message: 'File holds binary data (NUL bytes), not a text config: not read.' }],
    };
  }
  const text = utf8.decode(bytes);
  const problems: ParseProblem[] = [];
  const badByte = text.includes('\uFFFD') ? firstInvalidUtf8(bytes) : -1;
  if (badByte !== -1) {
    const offset = utf8.decode(bytes.subarray(0, badByte)).length;
    problems.push({
      kind: 'encoding',
      offset,
      length: 1,
      message: `Invalid UTF-8 byte sequence (byte ${badByte}, 0x${bytes[badByte]!.toString(16).padStart(2, '0')}): it was read as U+FFFD; the client may read this file differently or refuse it.`,
    });
  }
  return { text, problems, binary: false };
}

/** Index of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return plural(n, 'byte');
}
