import type { InventoryRow } from './rows';
import { riskLevel } from './risk';
import { plural } from '../text/plural';
import { visibleText } from '../text/visible';

const COLUMNS: { title: string; value: (r: InventoryRow) => string | number; numeric?: true }[] = [
  { title: 'client', value: (r) => r.client },
  { title: 'scope', value: (r) => r.scope },
  { title: 'file', value: (r) => r.file },
  { title: 'project', value: (r) => r.project },
  { title: 'server', value: (r) => r.server },
  { title: 'transport', value: (r) => r.transport },
  { title: 'launch', value: (r) => r.launch },
  { title: 'package', value: (r) => r.package },
  { title: 'version', value: (r) => r.version },
  { title: 'pin', value: (r) => r.pin },
  { title: 'approval', value: (r) => r.approval },
  { title: 'errors', value: (r) => r.findings.error, numeric: true },
  { title: 'warnings', value: (r) => r.findings.warning, numeric: true },
  { title: 'infos', value: (r) => r.findings.info, numeric: true },
  { title: 'rules', value: (r) => r.rules.join(' ') },
  { title: 'advisories', value: (r) => r.advisories.join(' ') },
  { title: 'risk', value: (r) => r.risk, numeric: true },
];

export function inventoryJson(rows: readonly InventoryRow[]): string {
  return JSON.stringify({ version: 1, servers: rows.map((r) => ({ ...r, riskLevel: riskLevel(r.risk) })) }, null, 2) + '\n';
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A text
 * cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`, so spreadsheets
 * never run it as a formula (a server name is attacker-controlled text).
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function inventoryCsv(rows: readonly InventoryRow[]): string {
  const lines = [COLUMNS.map((c) => c.title), ...rows.map((r) => COLUMNS.map((c) => c.value(r)))];
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function mdCell(value: string | number): string {
  // The text table goes to a terminal: names and paths made visible on one line (the one escaping function).
  const text = visibleText(String(value), { singleLine: true });
  return text === ''
    ? ' '
    : text
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/([`*_<>[\]])/g, '\\$1');
}

export function inventoryMarkdown(rows: readonly InventoryRow[]): string {
  const head = `| ${COLUMNS.map((c) => c.title).join(' | ')} |\n| ${COLUMNS.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |\n`;
  const body = rows.map((r) => `| ${COLUMNS.map((c) => mdCell(c.value(r))).join(' | ')} |`).join('\n');
  const total = plural(rows.length, 'server');
  return `# MCP server inventory\n\n${total}. Risk score: 25 per error, 10 per warning, 2 per info finding, capped at 100 (see docs/inventory.md).\n\n${head}${body}${body ? '\n' : ''}`;
}
