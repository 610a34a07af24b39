import { CLIENTS } from '../config/clients';
import type { Severity } from '../model/finding';
import { visibleText } from '../text/visible';
import { displayPath, type ReportInput } from './types';
import { nounFor, plural } from '../text/plural';

export interface TextOptions {
  color: boolean;
  /** Also list files that have no findings. */
  verbose?: boolean;
}

const COLORS: Record<Severity | 'dim' | 'bold' | 'reset', string> = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  info: '\x1b[36m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  reset: '\x1b[0m',
};

/** Human output in the style of ESLint's "stylish": a block per file, a summary line. */
export function formatText(input: ReportInput, options: TextOptions): string {
  const c = (k: keyof typeof COLORS, s: string) => (options.color ? COLORS[k] + s + COLORS.reset : s);
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const { file, findings } of input.files) {
    const client = file.client ? CLIENTS[file.client].name : 'unknown format';
    const servers = plural(file.servers.length, 'server');
    if (findings.length === 0 && !options.verbose) continue;
    out.push(`${c('bold', shown(displayPath(file.path, input.cwd)))} ${c('dim', `(${client}, ${file.scope}, ${servers})`)}`);
    const rows = findings.map((f) => [`${f.start.line}:${f.start.column}`, f.severity, shown(f.message), f.ruleId, f.related] as const);
    const posWidth = Math.max(0, ...rows.map((r) => r[0].length));
    for (const [pos, sev, msg, rule, related] of rows) {
      counts[sev]++;
      out.push(`  ${c('dim', pos.padEnd(posWidth))}  ${c(sev, sev.padEnd(7))}  ${msg}  ${c('dim', rule)}`);
      // The detail under a short message (each advisory, each related server): with --verbose, as the editor shows it under the row.
      if (options.verbose) for (const r of related) out.push(`  ${' '.repeat(posWidth)}  ${' '.repeat(7)}  ${c('dim', `↳ ${shown(r.message)}`)}`);
    }
    if (findings.length === 0) out.push(c('dim', file.servers.length === 0 ? '  no findings: this file configures no MCP servers' : '  no findings'));
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info;
  const filesRead = input.files.length;
  if (total === 0) out.push(`No findings in ${filesRead} config ${nounFor(filesRead, 'file')}.`);
  else
    out.push(
      c(
        'bold',
        `${plural(total, 'finding')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info) in ${plural(filesRead, 'config file')}.`,
      ),
    );
  return out.join('\n') + '\n';
}

/** Paths and messages carry names from the repository: escapes and newlines are shown, never run or obeyed. */
function shown(s: string): string {
  return visibleText(s, { singleLine: true });
}
