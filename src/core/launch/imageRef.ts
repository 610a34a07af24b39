import type { SpecReading } from './specReading';

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const HOST = /^(?:[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/;

/** The parts of an image reference `[registry/]repository[:tag][@digest]`. */
export interface ImageParts {
  /** The registry host as written, if any (`ghcr.io`, `localhost:5000`). */
  registry?: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImageRef(text: string): ImageParts | undefined {
  if (text === '' || text.length > 512) return undefined;
  const at = text.indexOf('@');
  const digest = at === -1 ? undefined : text.slice(at + 1);
  if (digest !== undefined && !DIGEST.test(digest)) return undefined;
  const named = at === -1 ? text : text.slice(0, at);
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const tag = colon > slash ? named.slice(colon + 1) : undefined;
  if (tag !== undefined && !TAG.test(tag)) return undefined;
  const path = (tag === undefined ? named : named.slice(0, colon)).split('/');
  let registry: string | undefined;
  if (path.length > 1 && (path[0]!.includes('.') || path[0]!.includes(':') || path[0] === 'localhost')) {
    registry = path.shift()!;
    if (!HOST.test(registry)) return undefined;
  }
  if (path.length === 0 || !path.every((c) => COMPONENT.test(c))) return undefined;
  const out: ImageParts = { repository: path.join('/') };
  if (registry !== undefined) out.registry = registry;
  if (tag !== undefined) out.tag = tag;
  if (digest !== undefined) out.digest = digest;
  return out;
}

/** An image reference as a package: no tag, `:latest`, another tag, or pinned by digest. */
export function readImageRef(text: string): SpecReading | undefined {
  const parts = parseImageRef(text);
  if (!parts) return undefined;
  const name = (parts.registry ? parts.registry + '/' : '') + parts.repository;
  const end = parts.digest === undefined ? text.length : text.indexOf('@');
  const reading: SpecReading = {
    ecosystem: 'oci',
    name,
    pin: parts.digest ? 'digest' : parts.tag === undefined ? 'none' : parts.tag === 'latest' ? 'latest' : 'tag',
    pinStart: end,
    pinEnd: end,
    pinPrefix: '@',
  };
  if (parts.tag !== undefined) reading.version = parts.tag;
  if (parts.digest !== undefined) reading.digest = parts.digest;
  return reading;
}
