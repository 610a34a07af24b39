import type { Rule } from './rule';

/**
 * Binary content, a file over the size limit, or invalid UTF-8. A project's config over the limit is an error: its
 * client may still load it (VS Code does), so padding a committed file past the limit would otherwise hide it.
 */
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
      const unchecked = p.kind === 'too-large' && file.scope === 'workspace';
      context.report({
        range: { start: p.offset, end: p.offset + p.length },
        message: p.message,
        path: [],
        ...(unchecked ? { severity: 'error' as const } : {}),
      });
    }
  },
};
