import type { Rule } from './rule';

/** Syntax errors, what a strict JSON client rejects (comments, trailing commas) and settings of the wrong type, at their exact position. */
export const parseError: Rule = {
  meta: {
    id: 'parse-error',
    category: 'config',
    defaultSeverity: 'error',
    description: 'The file has a syntax error, or JSON that its client will not accept.',
  },
  check(file, context) {
    for (const p of file.problems) {
      if (p.kind !== 'syntax' && p.kind !== 'strict-json' && p.kind !== 'too-deep' && p.kind !== 'schema') continue;
      const end = Math.min(file.text.length, p.offset + p.length);
      context.report({ range: { start: Math.min(p.offset, file.text.length), end }, message: p.message, path: [] });
    }
  },
};
