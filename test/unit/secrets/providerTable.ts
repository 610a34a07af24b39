import { COMPILED_PATTERNS } from '../../../src/core/secrets/compile';

export const TABLE_START = '<!-- provider-table:start (generated: node out/test/unit/secrets/providerTable.js) -->';
export const TABLE_END = '<!-- provider-table:end -->';

function code(text: string): string {
  return '`' + text.replace(/\|/g, '\\|') + '`';
}

/** The provider table of docs/rules/plaintext-secret.md, generated from the pattern data. */
export function providerTable(): string {
  const rows = [...COMPILED_PATTERNS]
    .sort((a, b) => a.pattern.provider.localeCompare(b.pattern.provider, 'en') || a.pattern.id.localeCompare(b.pattern.id))
    .map(({ pattern, publicPrefix }) => {
      const shape = pattern.regex.source.length > 56 ? pattern.regex.source.slice(0, 55) + '…' : pattern.regex.source;
      let how: string;
      if (pattern.keyName) how = `${code(shape)} as the whole value, under a name matching ${code(pattern.keyName.source)}`;
      else if (publicPrefix) how = `starts with ${code(publicPrefix)}`;
      else how = code(shape);
      return `| ${pattern.provider} | ${pattern.description} | ${how} | ${code(pattern.id)} |`;
    });
  return [TABLE_START, '| Provider | Secret | Recognized by | Pattern id |', '|---|---|---|---|', ...rows, TABLE_END].join('\n');
}

if (require.main === module) console.log(providerTable());
