import type { Ecosystem, PackageRef, PinState, Token } from './types';

/** What a package reference says, with positions relative to the reference's own text. */
export interface SpecReading {
  ecosystem: Ecosystem;
  name: string;
  pin: PinState;
  version?: string;
  digest?: string;
  pinStart: number;
  pinEnd: number;
  pinPrefix: string;
  /** Where the reference ends in the text it was read from (a Deno subpath or env marker may follow). */
  end?: number;
}

/** A reference to a local file or folder (not a package). */
export const LOCAL = 'local' as const;
export type Reading = SpecReading | typeof LOCAL | undefined;

export function toPackageRef(token: Token, from: number, reading: SpecReading, registry?: string): PackageRef {
  const specEnd = from + (reading.end ?? token.text.length - from);
  const ref: PackageRef = {
    ecosystem: reading.ecosystem,
    name: reading.name,
    spec: token.text.slice(from, specEnd),
    token,
    specStart: from,
    specEnd,
    pin: reading.pin,
    pinStart: from + reading.pinStart,
    pinEnd: from + reading.pinEnd,
    pinPrefix: reading.pinPrefix,
  };
  if (reading.version !== undefined) ref.version = reading.version;
  if (reading.digest !== undefined) ref.digest = reading.digest;
  if (registry !== undefined) ref.registry = registry;
  return ref;
}

export function shift(reading: SpecReading, by: number): SpecReading {
  const out = { ...reading, pinStart: reading.pinStart + by, pinEnd: reading.pinEnd + by };
  if (reading.end !== undefined) out.end = reading.end + by;
  return out;
}

const LOCAL_PATH = /^(?:\.{1,2}(?:[/\\]|$)|~[/\\]|[/\\]|[A-Za-z]:[/\\]|file:|\$\{workspaceFolder\}|\$\{userHome\}|\$HOME\b|\$\{HOME\}|%USERPROFILE%)/;

export function isLocalPath(text: string): boolean {
  return LOCAL_PATH.test(text);
}

const FULL_COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** A git source: `git+https://…#ref` (npm) or `…@ref` (pip/uv); `refSeparator` says which. */
export function readGit(text: string, refSeparator: '#' | '@'): SpecReading {
  let refAt = -1;
  if (refSeparator === '#') refAt = text.indexOf('#');
  else {
    const scheme = text.indexOf('://');
    const pathStart = scheme === -1 ? 0 : text.indexOf('/', scheme + 3);
    refAt = pathStart === -1 ? -1 : text.indexOf('@', pathStart);
  }
  const fragment = refSeparator === '@' ? text.indexOf('#') : -1;
  const end = fragment === -1 ? text.length : fragment;
  if (refAt === -1 || refAt >= end) return { ecosystem: 'git', name: text.slice(0, end), pin: 'none', pinStart: end, pinEnd: end, pinPrefix: refSeparator };
  let ref = text.slice(refAt + 1, end);
  let refStart = refAt + 1;
  if (ref.startsWith('commit=')) {
    ref = ref.slice(7);
    refStart += 7;
  }
  return {
    ecosystem: 'git',
    name: text.slice(0, refAt),
    pin: FULL_COMMIT.test(ref) ? 'commit' : ref === '' ? 'none' : 'tag',
    version: ref,
    pinStart: refStart,
    pinEnd: end,
    pinPrefix: '',
  };
}
