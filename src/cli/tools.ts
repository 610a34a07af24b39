import { basename, resolve } from 'node:path';
import { SEVERITY_ORDER } from '../core/model/finding';
import { analyzeServer } from '../core/tools/analyze';
import { formatToolsJson, formatToolsSarif, formatToolsText, type ToolVerdict } from '../core/tools/report';
import { parseToolList } from '../core/tools/toolList';
import { readBoundedText, readFailure, READ_CAPS } from '../node/boundedRead';
import { ruleDocReader } from '../node/ruleDocs';
import { commandArgs, usageError } from './options';
import { writeReport } from './writeReport';
import type { CliIo } from './scan';
import { visibleText } from '../core/text/visible';

export const TOOLS_HELP = `mcp-warden tools — analyse MCP tool definitions for poisoning, shadowing, hidden text and exfiltration

Usage:
  mcp-warden tools FILE [options]     FILE holds a tools/list result ({"tools":[…]}), an array of tools,
                                      or JSON Lines of tools (each may carry a "server" field); - reads stdin

Options:
  -f, --format text|json|sarif   output format (default text)
      --fail-on error|warning|info|never
                                 exit 1 when a finding is at or above this severity (default error)
      --server NAME              server name for tools that carry none (default: the file name)
  -o, --output FILE              write the report to FILE instead of standard output
      --color / --no-color       colour in text output (default: when the output is a terminal)
      --verbose                  also list clean tools and informational findings

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or input error.
`;

const TOOLS_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'text' },
  'fail-on': { type: 'string', default: 'error' },
  server: { type: 'string' },
  output: { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  verbose: { type: 'boolean', default: false },
} as const;

/** `mcp-warden tools FILE`: returns the exit code. */
export function runTools(argv: string[], io: CliIo, isTty = false): number {
  const parsed = commandArgs(io, 'tools', argv, TOOLS_OPTIONS, TOOLS_HELP);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const format = values.format!;
  const failOn = values['fail-on']!;
  if (!['text', 'json', 'sarif'].includes(format)) return usage(io, `--format must be one of text, json, sarif (got "${format}")`);
  if (!['error', 'warning', 'info', 'never'].includes(failOn)) return usage(io, `--fail-on must be one of error, warning, info, never (got "${failOn}")`);
  if (positionals.length !== 1) return usage(io, positionals.length === 0 ? 'name the file with the tool definitions' : 'give exactly one file');
  const file = positionals[0]!;

  let text: string;
  try {
    text = readBoundedText(file === '-' ? '-' : resolve(io.cwd, file), { maxBytes: READ_CAPS.toolsInput, explicit: true });
  } catch (e) {
    io.stderr(`mcp-warden: cannot read ${visibleText(file, { singleLine: true })}: ${readFailure(e)}\n`);
    return 2;
  }
  const defaultServer = values.server ?? (file === '-' ? 'stdin' : basename(file).replace(/\.[^.]*$/, ''));
  const input = parseToolList(text, defaultServer);
  for (const problem of input.problems) io.stderr(`mcp-warden: ${visibleText(file, { singleLine: true })}: ${visibleText(problem, { singleLine: true })}\n`);
  if (input.snapshots.length === 0) {
    io.stderr(`mcp-warden: ${visibleText(file, { singleLine: true })}: no tool definitions found\n`);
    return 2;
  }

  const tools: ToolVerdict[] = [];
  for (const snapshot of input.snapshots) {
    const otherServers = input.snapshots.filter((s) => s !== snapshot).map((s) => ({ server: s.server, toolNames: s.tools.map((t) => t.name) }));
    const findings = analyzeServer(snapshot, { otherServers });
    for (const tool of snapshot.tools) {
      tools.push({ server: snapshot.server, name: tool.name, findings: findings.filter((f) => f.target.kind === 'tool' && f.target.name === tool.name) });
    }
  }

  const color = values['no-color'] ? false : (values.color ?? (isTty && !io.env.NO_COLOR));
  const report =
    format === 'json'
      ? formatToolsJson(tools) + '\n'
      : format === 'sarif'
        ? formatToolsSarif(tools, { artifact: file === '-' ? 'stdin' : file, toolVersion: io.version, ruleHelp: ruleDocReader(io.packageRoot) }) + '\n'
        : formatToolsText(tools, { color: color && !values.output, verbose: values.verbose! });
  if (!writeReport(io, values.output, report)) return 2;

  if (input.problems.length > 0 && failOn !== 'never') return 2;
  if (failOn === 'never') return 0;
  const threshold = SEVERITY_ORDER[failOn as keyof typeof SEVERITY_ORDER];
  return tools.some((t) => t.findings.some((f) => SEVERITY_ORDER[f.severity] >= threshold)) ? 1 : 0;
}

function usage(io: CliIo, message: string): number {
  return usageError(io, message, 'tools');
}
