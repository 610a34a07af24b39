import { caseChanges } from './entropy';

const BOOLEAN_OR_KEYWORD = /^(true|false|yes|no|on|off|null|none|enabled|disabled|auto|always|never)$/i;
const NUMBER = /^[-+]?\d+(\.\d+)?$/;
const HOST_PORT = /^[A-Za-z0-9.-]+:\d{2,5}$/;
const URL_START = /^[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\//;
const EMAIL = /^[^@\s]{1,64}@[^@\s]{1,255}\.[A-Za-z]{2,24}$/;
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{2,}$/;
const CLOUD_REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d{1,2}[a-z]?$|^(?:eastus|westus|westeurope|northeurope|centralus)\d?$/;
const VERSION = /^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]{1,40})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?$/;
const HASH_WITH_ALGORITHM = /^(?:sha\d{1,3}|md5|sha)[:-]|@sha256:/i;
const RESOURCE_NAME = /^arn:aws[a-z-]{0,20}:|^projects\/[\w-]+\/secrets\/|^op:\/\//;
const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9.:_/-]{0,120}$/;
const MODEL_FAMILY =
  /gpt|claude|gemini|llama|mistral|mixtral|sonnet|opus|haiku|(^|[^a-z])o[1-4](-|$)|embedding|whisper|dall-e|qwen|gemma|phi-\d|command-r|deepseek-(?:chat|coder|r1|v\d)/i;
const PATH_START = /^(?:~|\.{1,2})?[/\\]|^[A-Za-z]:[/\\]|^%[A-Za-z_]+%[/\\]|^\$\{?[A-Za-z_]+\}?[/\\]/;

/** A segment that reads like a word, a camelCase name, a number or a size (`70b`), not a random run. */
function isWordLike(segment: string): boolean {
  if (/^\d{1,8}$/.test(segment)) return true;
  if (/^[a-z]{1,4}\d{1,3}$|^\d{1,3}[a-z]{1,2}$/.test(segment)) return true;
  if (!/^[A-Za-z]+$/.test(segment)) return false;
  return segment.length <= 6 ? caseChanges(segment) <= 1 : caseChanges(segment) <= 3;
}

/** `my-server`, `owner/repo`, `@scope/pkg@1.2.3`, `us-east-1`: made of words, not random characters. */
export function looksLikeIdentifier(value: string): boolean {
  const segments = value.split(/[-_./:@+ ]+/).filter((s) => s.length > 0);
  return segments.length > 0 && segments.every(isWordLike);
}

function looksLikePath(value: string): boolean {
  if (!PATH_START.test(value) || /[+=]/.test(value)) return false;
  return value.split(/[/\\]/).every((segment) => segment.length <= 40);
}

/**
 * Values that cannot be a credential whatever their name says: booleans, numbers, paths, URLs
 * (their credentials are looked for separately), e-mail addresses, variable names, regions, model
 * ids, versions, dates, digests and word-like identifiers.
 */
export function isClearlyNotSecret(value: string): boolean {
  const v = value.trim();
  if (/\s/.test(v)) return true;
  if (BOOLEAN_OR_KEYWORD.test(v) || NUMBER.test(v) || HOST_PORT.test(v)) return true;
  if (URL_START.test(v) || EMAIL.test(v) || ENV_NAME.test(v)) return true;
  if (CLOUD_REGION.test(v) || VERSION.test(v) || DATE.test(v) || HASH_WITH_ALGORITHM.test(v) || RESOURCE_NAME.test(v)) return true;
  if (MODEL_FAMILY.test(v) && MODEL_ID.test(v) && looksLikeIdentifier(v.replace(/\d+/g, ''))) return true;
  if (looksLikePath(v)) return true;
  return looksLikeIdentifier(v);
}
