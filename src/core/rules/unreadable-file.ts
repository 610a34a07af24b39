import type { Rule } from './rule';

/** Binary content, a file over the size limit, or invalid UTF-8. */
export const unreadableFile: Rule = {
  meta: {
    id: 'unreadable-file',
    category: 'config',
    defaultSeverity: 'warning',
    description: 'The file could not be read as text, in full or in part.',
  },
  check(file, context) {
    for (const p of file.problems) {
      if (p.kind !== 'binary' && p.kind !== 'too-large' && p.kind !== 'encoding') continue;
      context.report({ range: { start: p.offset, end: p.offset + p.length }, message: p.message, path: [] });
    }
  },
};
