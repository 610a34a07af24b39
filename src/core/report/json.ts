import { CLIENTS } from '../config/clients';
import { isFixable } from '../engine/fixes';
import type { Finding } from '../model/finding';
import { displayPath, type ReportInput } from './types';

/** The CLI's JSON output, version 1 (documented in docs/cli.md). */
export function formatJson(input: ReportInput): string {
  return JSON.stringify(
    {
      version: 1,
      files: input.files.map(({ file, findings }) => ({
        path: displayPath(file.path, input.cwd),
        client: file.client ?? null,
        clientName: file.client ? CLIENTS[file.client].name : null,
        scope: file.scope,
        servers: file.servers.map((s) => s.name),
        findings: findings.map((f) => ({
          ruleId: f.ruleId,
          severity: f.severity,
          category: f.category,
          message: f.message,
          line: f.start.line,
          column: f.start.column,
          endLine: f.end.line,
          endColumn: f.end.column,
          server: f.server ?? null,
          path: f.path,
          fixable: isFixable(f),
          ...flowOf(f),
        })),
      })),
    },
    null,
    2,
  );
}

/** A toxic-flow finding's structured flow (kind, session, legs), so CI can filter and count flows. */
function flowOf(f: Finding): { flow?: unknown } {
  const data = f.data as { flow?: unknown } | undefined;
  return data && typeof data === 'object' && data.flow !== undefined ? { flow: data.flow } : {};
}
