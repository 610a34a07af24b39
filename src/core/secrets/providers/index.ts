import type { SecretPattern } from '../types';
import { AI_PATTERNS } from './ai';
import { CLOUD_PATTERNS } from './cloud';
import { CRYPTO_PATTERNS } from './crypto';
import { DATA_AND_PAYMENT_PATTERNS } from './dataAndPayments';
import { DEVOPS_PATTERNS } from './devops';
import { KEY_PATTERNS } from './keys';
import { MESSAGING_PATTERNS } from './messaging';
import { SOURCE_CODE_PATTERNS } from './sourceCode';
import { WEB_TOOL_PATTERNS } from './webTools';

/**
 * Every provider token format, most specific first: when two patterns match the same text, the
 * earlier one names it (e.g. `sk-ant-…` is Anthropic's before it could be anyone's `sk-…`).
 */
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  ...KEY_PATTERNS.filter((p) => p.id === 'private-key'),
  ...SOURCE_CODE_PATTERNS,
  ...AI_PATTERNS,
  ...WEB_TOOL_PATTERNS,
  ...CLOUD_PATTERNS,
  ...DEVOPS_PATTERNS,
  ...DATA_AND_PAYMENT_PATTERNS,
  ...MESSAGING_PATTERNS,
  ...CRYPTO_PATTERNS,
  ...KEY_PATTERNS.filter((p) => p.id !== 'private-key'),
];
