import { isLocalPath, LOCAL, readGit, shift, type Reading } from './specReading';

const NAME = /^[A-Za-z0-9](?:[\w.-]{0,200}[A-Za-z0-9])?/;
const EXTRAS = /^\[[\w\s,.-]{0,200}\]/;
const DIRECT_REFERENCE = /^\s*@\s*/;
const UV_VERSION = /^@(latest|[0-9][\w.+!-]{0,63})$/;
const EXACT = /^(===?)\s*([^\s,;*]+)\s*$/;

/**
 * Reads a Python requirement as `uvx`, `uv` and `pipx` take it: `name`, `name[extra]==1.2.3`,
 * `name>=1,<2`, `name~=1.2`, uv's `name@1.2.3` / `name@latest`, `name @ git+https://…@ref`,
 * bare `git+https://…@ref`, local paths and archives.
 */
export function readPypiSpec(text: string): Reading {
  if (text === '' || isLocalPath(text) || /\.(?:whl|tar\.gz|zip)$/i.test(text)) return LOCAL;
  if (text.startsWith('git+')) return readGit(text, '@');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return undefined;
  const m = NAME.exec(text);
  if (!m) return undefined;
  let at = m[0].length;
  const extras = EXTRAS.exec(text.slice(at));
  if (extras) at += extras[0].length;
  const name = m[0];
  const rest = text.slice(at);
  if (rest.trim() === '') return { ecosystem: 'pypi', name, pin: 'none', pinStart: at, pinEnd: at, pinPrefix: '==' };
  const direct = DIRECT_REFERENCE.exec(rest);
  if (direct && !UV_VERSION.test(rest)) {
    const url = rest.slice(direct[0].length);
    if (url.startsWith('git+')) return shift(readGit(url, '@'), at + direct[0].length);
    return isLocalPath(url) || url.startsWith('file:') ? LOCAL : undefined;
  }
  const uv = UV_VERSION.exec(rest);
  if (uv) {
    const version = uv[1]!;
    return { ecosystem: 'pypi', name, pin: version === 'latest' ? 'latest' : 'exact', version, pinStart: at + 1, pinEnd: text.length, pinPrefix: '' };
  }
  const marker = rest.indexOf(';');
  const specifiers = (marker === -1 ? rest : rest.slice(0, marker)).trimEnd();
  const lead = specifiers.length - specifiers.trimStart().length;
  const version = specifiers.trim();
  if (!/^[=<>!~]/.test(version)) return undefined;
  const pinStart = at + lead;
  return { ecosystem: 'pypi', name, pin: EXACT.test(version) ? 'exact' : 'range', version, pinStart, pinEnd: pinStart + version.length, pinPrefix: '==' };
}
