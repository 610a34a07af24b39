import type { Severity } from '../model/finding';
import type { ToolCategory } from './types';

export interface ToolCategoryMeta {
  id: ToolCategory;
  title: string;
  /** The highest severity the category can reach; each finding carries its own. */
  maxSeverity: Severity;
  description: string;
}

export const TOOL_CATEGORIES: readonly ToolCategoryMeta[] = [
  {
    id: 'hidden-instructions',
    title: 'Hidden instruction block',
    maxSeverity: 'error',
    description: 'Instructions to the model inside <IMPORTANT>/<system>-style tags, fake chat turns or HTML comments.',
  },
  {
    id: 'concealment',
    title: 'Concealment from the user',
    maxSeverity: 'error',
    description: 'Asks the model to hide something from the user or to act without their knowledge or confirmation.',
  },
  {
    id: 'coercion',
    title: 'Coercion and call ordering',
    maxSeverity: 'warning',
    description: 'Forces the model to call the tool first, before or after every other tool, or threatens failure.',
  },
  {
    id: 'shadowing',
    title: 'Cross-tool shadowing',
    maxSeverity: 'error',
    description: 'Changes how other tools or servers behave (recipients, prefixes, replacements).',
  },
  {
    id: 'sensitive-target',
    title: 'Sensitive target',
    maxSeverity: 'error',
    description: 'Refers to SSH keys, .env files, cloud credentials, MCP configs or browser data, and asks for them.',
  },
  {
    id: 'exfiltration',
    title: 'Exfiltration channel',
    maxSeverity: 'error',
    description: 'Asks to send data to a URL, address or parameter whose only purpose is to carry context out.',
  },
  {
    id: 'invisible-characters',
    title: 'Invisible or deceptive characters',
    maxSeverity: 'error',
    description: 'Unicode tag characters, zero-width or bidi controls, and look-alike letters from other scripts.',
  },
  {
    id: 'ansi-escapes',
    title: 'Terminal escape sequences',
    maxSeverity: 'error',
    description: 'ANSI/OSC escapes and control characters that hide or rewrite text in a terminal.',
  },
  { id: 'encoded-blob', title: 'Encoded text', maxSeverity: 'error', description: 'Base64 or hex runs that decode to readable text or instructions.' },
  {
    id: 'prompt-injection',
    title: 'Prompt-injection phrasing',
    maxSeverity: 'error',
    description: '"Ignore previous instructions", role resets and safety overrides.',
  },
  {
    id: 'abnormal-size',
    title: 'Abnormal size',
    maxSeverity: 'warning',
    description: 'Definitions so large that nobody reviews them, or so many items that they flood the context.',
  },
];

export function toolCategory(id: ToolCategory): ToolCategoryMeta {
  return TOOL_CATEGORIES.find((c) => c.id === id)!;
}
