import type { DocNode } from '../../model/docNode';
import { describeAt, fail } from './scanner';

const DECIMAL = /^[+-]?(?:0|[1-9](?:_?\d)*)$/;
const PREFIXED = /^0(?:x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*|o[0-7](?:_?[0-7])*|b[01](?:_?[01])*)$/;
const FLOAT = /^[+-]?(?:0|[1-9](?:_?\d)*)(?:\.\d(?:_?\d)*)?(?:[eE][+-]?\d(?:_?\d)*)?$/;
const SPECIAL_FLOAT = /^[+-]?(?:inf|nan)$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|[+-](\d{2}):(\d{2}))?)?$/;
const LOCAL_TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const TIME_AHEAD = /^ \d{2}:/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
/** `0b` and 64 binary digits: anything longer is out of range in every base. */
const MAX_INTEGER_CHARS = 66;

/** Reads a boolean, number or date/time at `start`; dates and times keep their text as string nodes. */
export function readScalar(text: string, start: number): DocNode {
  let end = tokenEnd(text, start);
  let token = text.slice(start, end);
  if (token.length === 10 && DATE_ONLY.test(token) && TIME_AHEAD.test(text.slice(end, end + 4))) {
    end = tokenEnd(text, end + 1);
    token = text.slice(start, end);
  }
  const length = end - start;
  if (token === 'true' || token === 'false') return { type: 'boolean', value: token === 'true', offset: start, length };
  if (token === '') return fail(start, `expected a value, found ${describeAt(text, start)}`);
  if (DECIMAL.test(token) || PREFIXED.test(token)) return { type: 'number', value: integerValue(token, start), offset: start, length };
  if (SPECIAL_FLOAT.test(token)) return { type: 'number', value: specialFloat(token), offset: start, length };
  if (FLOAT.test(token)) return { type: 'number', value: Number(token.replace(/_/g, '')), offset: start, length };
  if (DATE_TIME.test(token) || LOCAL_TIME.test(token)) {
    checkDateTime(token, start);
    return { type: 'string', value: token, offset: start, length };
  }
  const shown = token.length > 40 ? `${token.slice(0, 40)}…` : token;
  const hint = /^[A-Za-z]/.test(token) ? ' (strings must be in quotes)' : '';
  return fail(start, `invalid value '${shown}'${hint}`, token.length);
}

/** Scalars run up to whitespace, a comma, a closing bracket or a comment. */
function tokenEnd(text: string, start: number): number {
  let i = start;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 44 || c === 93 || c === 125 || c === 35 || c === 127) break;
  }
  return i;
}

function integerValue(token: string, offset: number): number {
  const digits = token.replace(/_/g, '');
  if (digits.length > MAX_INTEGER_CHARS) fail(offset, `integer ${token.slice(0, 40)}… does not fit in 64 bits`, token.length);
  const prefixed = digits.length > 1 && digits.charCodeAt(0) === 48;
  if (!prefixed && digits.length <= 15) return Number(digits) || 0; // `|| 0`: an integer -0 is 0
  const big = BigInt(digits);
  if (big < INT64_MIN || big > INT64_MAX) fail(offset, `integer ${token} does not fit in 64 bits`, token.length);
  return big === 0n ? 0 : Number(big);
}

function specialFloat(token: string): number {
  if (token.endsWith('nan')) return NaN;
  return token.startsWith('-') ? -Infinity : Infinity;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function checkDateTime(token: string, offset: number): void {
  const date = DATE_TIME.exec(token);
  const time = date ? date.slice(4, 7) : LOCAL_TIME.exec(token)!.slice(1, 4);
  let valid = true;
  if (date) {
    const year = Number(date[1]);
    const month = Number(date[2]);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
    const day = Number(date[3]);
    valid = month >= 1 && day >= 1 && day <= days && inRange(date[8], 23) && inRange(date[9], 59);
  }
  valid &&= inRange(time[0], 23) && inRange(time[1], 59) && inRange(time[2], 59);
  if (!valid) fail(offset, `invalid date or time '${token.slice(0, 40)}'`, token.length);
}

function inRange(part: string | undefined, max: number): boolean {
  return part === undefined || Number(part) <= max;
}
