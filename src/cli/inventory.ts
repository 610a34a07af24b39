import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isClientId, lintProject, type ClientId, type Rule } from '../core/index';
import { inventoryCsv, inventoryJson, inventoryMarkdown } from '../core/inventory/render';
import { buildInventory } from '../core/inventory/rows';
import { displayPath } from '../core/report/types';
import { loadProject, type CliIo } from './scan';

export const INVENTORY_HELP = `mcp-warden inventory — list every MCP server configured here and for this user

Usage:
  mcp-warden inventory [paths…] [options]

  With no path: the current folder plus this user's client configs (as scan).

Options:
  -f, --format json|csv|markdown   output format (default markdown)
      --client ID                  read every given file as this client's format
      --policy FILE                approved-server policy for the approval column
                                   (default: .vscode/mcp-policy.json of the scanned folder, if present)
  -c, --config FILE                settings file (rule severities count in the findings columns)
      --no-user                    with no path, do not read this user's client configs
  -o, --output FILE                write to FILE instead of standard output

Columns: client, scope, file, project, server, transport, launch, package, version, pin,
approval, errors, warnings, infos, rules, risk (formula: docs/inventory.md).
Exit codes: 0 listed; 2 usage or I/O error.
`;

const FORMATS = ['json', 'csv', 'markdown'] as const;

/** `mcp-warden inventory …` (argv without the command name): returns the exit code. */
export async function runInventory(argv: string[], io: CliIo, options: { rules?: readonly Rule[] } = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'markdown' },
        client: { type: 'string' },
        policy: { type: 'string' },
        config: { type: 'string', short: 'c' },
        'no-user': { type: 'boolean', default: false },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.stderr(`mcp-warden: ${(e as Error).message}\n`);
    return 2;
  }
  const v = parsed.values;
  if (v.help) {
    io.stdout(INVENTORY_HELP);
    return 0;
  }
  const format = v.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    io.stderr(`mcp-warden: --format must be one of ${FORMATS.join(', ')} (got "${v.format}")\n`);
    return 2;
  }
  if (v.client !== undefined && !isClientId(v.client)) {
    io.stderr(`mcp-warden: unknown --client "${v.client}"\n`);
    return 2;
  }
  const loaded = loadProject(
    {
      paths: parsed.positionals,
      user: !v['no-user'],
      ...(v.client !== undefined ? { client: v.client as ClientId } : {}),
      ...(v.config !== undefined ? { config: v.config } : {}),
      ...(v.policy !== undefined ? { policy: v.policy } : {}),
    },
    io,
  );
  if (!loaded) return 2;
  const results = lintProject(loaded.project, { settings: loaded.settings, ...(options.rules ? { rules: options.rules } : {}) });
  const rows = buildInventory(results, loaded.project, (p) => displayPath(p, io.cwd));
  const text = format === 'json' ? inventoryJson(rows) : format === 'csv' ? inventoryCsv(rows) : inventoryMarkdown(rows);
  if (v.output !== undefined) {
    try {
      writeFileSync(resolve(io.cwd, v.output), text);
    } catch (e) {
      io.stderr(`mcp-warden: cannot write ${v.output}: ${(e as Error).message}\n`);
      return 2;
    }
  } else io.stdout(text);
  return loaded.ioError ? 2 : 0;
}
