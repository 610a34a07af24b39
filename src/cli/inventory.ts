import { isClientId, lintProject, type ClientId, type Rule } from '../core/index';
import { inventoryCsv, inventoryJson, inventoryMarkdown } from '../core/inventory/render';
import { buildInventory } from '../core/inventory/rows';
import { displayPath } from '../core/report/types';
import { commandArgs, usageError } from './options';
import { writeReport } from './writeReport';
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

const INVENTORY_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'markdown' },
  client: { type: 'string' },
  policy: { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-user': { type: 'boolean', default: false },
  output: { type: 'string', short: 'o' },
} as const;

/** `mcp-warden inventory …` (argv without the command name): returns the exit code. */
export async function runInventory(argv: string[], io: CliIo, options: { rules?: readonly Rule[] } = {}): Promise<number> {
  const parsed = commandArgs(io, 'inventory', argv, INVENTORY_OPTIONS, INVENTORY_HELP);
  if (typeof parsed === 'number') return parsed;
  const v = parsed.values;
  const format = v.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) return usageError(io, `--format must be one of ${FORMATS.join(', ')} (got "${v.format}")`, 'inventory');
  if (v.client !== undefined && !isClientId(v.client)) return usageError(io, `unknown --client "${v.client}"`, 'inventory');
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
  if (!writeReport(io, v.output, text)) return 2;
  return loaded.ioError ? 2 : 0;
}
