import { plural } from '../text/plural';
import { CLIENTS } from '../config/clients';
import { guessedServers } from '../config/guessServers';
import type { Rule } from './rule';

/** A file given to MCP Warden whose name and content match no client's config format. */
export const unknownConfigFormat: Rule = {
  meta: {
    id: 'unknown-config-format',
    category: 'config',
    defaultSeverity: 'warning',
    description: "The file is not recognised as any MCP client's config.",
  },
  check(file, context) {
    if (file.client !== undefined) return;
    const guessed = guessedServers(file);
    if (!file.explicit && guessed.length === 0) return;
    if (file.problems.some((p) => p.kind !== 'encoding')) return; // parse-error or unreadable-file already speaks
    const keys = [...new Set(Object.values(CLIENTS).flatMap((c) => c.serverContainers.map((p) => p.join('.'))))].filter((k) => !k.includes('*'));
    const firstLineEnd = file.text.indexOf('\n');
    context.report({
      range: { start: 0, end: firstLineEnd === -1 ? file.text.length : firstLineEnd },
      path: [],
      message:
        guessed.length > 0
          ? `Not a layout MCP Warden knows; only the launch commands of ${guessed.length === 1 ? 'its server' : plural(guessed.length, 'server')} (${guessed
              .slice(0, 3)
              .map((g) => g.name)
              .join(', ')}${guessed.length > 3 ? ', …' : ''}) were checked. Name the client with --client if it is a known one.`
          : `Not recognised as an MCP config: it has none of ${keys.map((k) => '`' + k + '`').join(', ')}. If it is one, use --client.`,
    });
  },
};
