import { isExactVersion, isRange } from './semver';
import { isLocalPath, LOCAL, readGit, shift, type Reading, type SpecReading } from './specReading';
import type { PinState } from './types';

const GIT_PREFIX = /^(?:git\+[a-z]+:|git:\/\/|github:|gitlab:|bitbucket:|gist:)/i;
const HOSTED_URL = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org)\//i;
const GITHUB_SHORTHAND = /^[A-Za-z0-9][\w.-]{0,99}\/[\w.-]{1,100}(?:#\S*)?$/;
const TARBALL = /\.(?:tgz|tar\.gz|tar)$/i;
const NAME = /^(?:@[a-z0-9~][\w.~-]{0,213}\/)?[a-z0-9~][\w.~-]{0,213}/i;
const DIST_TAG = /^[A-Za-z][\w.-]{0,63}$/;

/** How a version written after `name@` pins the package (npm and JSR use the same syntax). */
export function classifyNpmVersion(version: string): PinState {
  if (version === '') return 'none';
  if (version === 'latest') return 'latest';
  if (isExactVersion(version)) return 'exact';
  if (isRange(version)) return 'range';
  if (DIST_TAG.test(version)) return 'tag';
  return 'range';
}

/**
 * Reads what `npx` and its kin accept: `name`, `@scope/name@1.2.3`, `name@^1`, `name@next`,
 * `alias@npm:real@1`, git sources, local paths. With `subpath` (Deno's `npm:` specifiers), a `/…`
 * after the version is a file inside the package.
 */
export function readNpmSpec(text: string, subpath = false): Reading {
  if (text === '' || isLocalPath(text)) return LOCAL;
  if (GIT_PREFIX.test(text) || (HOSTED_URL.test(text) && !TARBALL.test(text))) return readGit(text, '#');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return undefined;
  if (TARBALL.test(text)) return LOCAL;
  if (!text.startsWith('@') && GITHUB_SHORTHAND.test(text)) return readGit(text, '#');
  if (text.startsWith('npm:')) {
    const inner = readNpmSpec(text.slice(4), subpath);
    return inner && inner !== LOCAL ? shift(inner, 4) : inner;
  }
  const m = NAME.exec(text);
  if (!m) return undefined;
  const name = m[0];
  const rest = text.slice(name.length);
  if (rest === '' || (subpath && rest.startsWith('/'))) {
    return { ecosystem: 'npm', name, pin: 'none', pinStart: name.length, pinEnd: name.length, pinPrefix: '@', end: name.length };
  }
  if (!rest.startsWith('@')) return undefined;
  let version = rest.slice(1);
  if (version.startsWith('npm:')) {
    const inner = readNpmSpec(version.slice(4), subpath);
    return inner && inner !== LOCAL ? shift(inner, name.length + 5) : undefined;
  }
  if (subpath && version.includes('/')) version = version.slice(0, version.indexOf('/'));
  const start = name.length + 1;
  const reading: SpecReading = {
    ecosystem: 'npm',
    name,
    pin: classifyNpmVersion(version),
    version,
    pinStart: start,
    pinEnd: start + version.length,
    pinPrefix: '',
    end: start + version.length,
  };
  return reading;
}

const JSR_NAME = /^@[a-z0-9][a-z0-9-]{0,63}\/[a-z0-9][a-z0-9-]{0,63}/;

/** Deno's `jsr:@scope/name@version/subpath`, relative to the text after `jsr:`. */
export function readJsrSpec(text: string): Reading {
  const m = JSR_NAME.exec(text);
  if (!m) return undefined;
  const name = m[0];
  const rest = text.slice(name.length);
  if (!rest.startsWith('@')) return { ecosystem: 'jsr', name, pin: 'none', pinStart: name.length, pinEnd: name.length, pinPrefix: '@', end: name.length };
  let version = rest.slice(1);
  if (version.includes('/')) version = version.slice(0, version.indexOf('/'));
  const start = name.length + 1;
  return {
    ecosystem: 'jsr',
    name,
    pin: classifyNpmVersion(version),
    version,
    pinStart: start,
    pinEnd: start + version.length,
    pinPrefix: '',
    end: start + version.length,
  };
}
