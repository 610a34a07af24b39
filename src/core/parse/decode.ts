import type { ParseProblem } from './problem';

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
      problems: [{ kind: 'too-large', offset: 0, length: 0, message: `File is ${formatBytes(byteLength)}, over the ${formatBytes(maxBytes)} limit (setting maxFileBytes): not read.` }],
    };
  }
  const probe = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (probe.includes(0)) {
    return { text: '', binary: true, problems: [{ kind: 'binary', offset: 0, length: 0, message: 'File holds binary data (NUL bytes), not a text config: not read.' }] };
  }
  const text = utf8.decode(bytes);
  const problems: ParseProblem[] = [];
  const bad = text.indexOf('\uFFFD');
  if (bad !== -1 && !isValidUtf8(bytes)) {
    problems.push({ kind: 'encoding', offset: bad, length: 1, message: 'Invalid UTF-8 byte sequence: the bytes were replaced by U+FFFD; the client may read this file differently.' });
  }
  return { text, problems, binary: false };
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
