import { launchedPackages } from '../advisories/configPackages';
import { lookalikeOf } from '../advisories/lookalike';
import { tokenFileRange } from '../launch/literal';
import type { JsonPath } from '../model/docNode';
import type { Rule } from './rule';
import { plural } from '../text/plural';
import { disabledBy } from '../config/disabledBy';

/** `Finding.data` of `package-name-lookalike`. */
export interface LookalikeData {
  kind: 'package-name-lookalike';
  serverPath: JsonPath;
  ecosystem: 'npm' | 'pypi';
  name: string;
  lookalikeOf: string;
  how: 'typo' | 'scope';
}

/**
 * A launched npm or PyPI package whose name is a letter or two away from a popular MCP server
 * package, or is that package's name under another scope: the pattern of typosquatting and of
 * unofficial re-publishing. The popular names themselves, and names under their own scope, are fine.
 */
export const packageNameLookalike: Rule = {
  meta: {
    id: 'package-name-lookalike',
    category: 'supply-chain',
    defaultSeverity: 'warning',
    description: 'A launched package name imitates a popular MCP server package (a typo or another scope).',
  },
  check(file, context) {
    for (const { server, ref } of launchedPackages(file)) {
      const found = lookalikeOf(ref.ecosystem, ref.name);
      if (!found) continue;
      const popular = found.popular.name;
      const how =
        found.how === 'scope'
          ? `is the name of the popular MCP server package "${popular}" under ${ref.name.startsWith('@') ? 'another scope' : 'no scope'}`
          : `is ${found.distance === 1 ? 'one edit' : plural(found.distance, 'edit')} away from the popular MCP server package "${popular}"`;
      const off = disabledBy(server, file, context.project);
      const data: LookalikeData = {
        kind: 'package-name-lookalike',
        serverPath: server.path,
        ecosystem: ref.ecosystem,
        name: ref.name,
        lookalikeOf: popular,
        how: found.how,
      };
      context.report({
        server,
        range: tokenFileRange(file.text, ref.token, ref.specStart, ref.specEnd),
        path: ref.token.field.path,
        message: `"${ref.name}" ${how}. Check that this is the package you meant.${off ? ` Disabled (${off}).` : ''}`,
        ...(off ? { severity: 'info' as const } : {}),
        data,
      });
    }
  },
};
