import type { Finding, Severity } from '../model/finding';
import type { Rule } from '../rules/rule';
import { displayPath, type ReportInput } from './types';

export interface SarifOptions {
  rules: readonly Rule[];
  /** Markdown of a rule's doc page, embedded as `help` so code-scanning UIs can show it. */
  ruleHelp?: (ruleId: string) => string | undefined;
}

export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** One `tool.driver.rules` entry; `help` embeds the rule's doc page so code-scanning UIs can show it. */
export function sarifRule(id: string, description: string, level: Severity, help: string | undefined, properties: Record<string, unknown>) {
  return {
    id,
    name: id.replace(/(^|-)([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase()),
    shortDescription: { text: description },
    ...(help ? { help: { text: help, markdown: help } } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[level] },
    properties,
  };
}

/** SARIF 2.1.0, one run. Paths inside `cwd` are relative to `%SRCROOT%`; others are file URIs. */
export function formatSarif(input: ReportInput, options: SarifOptions): string {
  const ruleIndex = new Map(options.rules.map((r, i) => [r.meta.id, i]));
  const results = input.files.flatMap(({ findings }) => findings.map((f) => result(f, input.cwd, ruleIndex)));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'MCP Warden',
            semanticVersion: input.toolVersion,
            version: input.toolVersion,
            rules: options.rules.map((r) =>
              sarifRule(r.meta.id, r.meta.description, r.meta.defaultSeverity, options.ruleHelp?.(r.meta.id), {
                category: r.meta.category,
                tags: ['security', 'mcp', r.meta.category],
              }),
            ),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: toFileUri(input.cwd.replace(/\\/g, '/').replace(/\/?$/, '/')) } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function result(f: Finding, cwd: string, ruleIndex: Map<string, number>) {
  return {
    ruleId: f.ruleId,
    ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f.file, f.start, f.end, cwd, logicalName(f))],
    ...(f.related.length > 0
      ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, ...location(r.file, r.start, r.end, cwd), message: { text: r.message } })) }
      : {}),
    partialFingerprints: { 'mcpWardenFinding/v1': fingerprint(`${f.ruleId}|${displayPath(f.file, cwd)}|${JSON.stringify(f.path)}|${f.server ?? ''}`) },
    properties: { path: f.path, ...(f.server !== undefined ? { server: f.server } : {}) },
  };
}

function location(file: string, start: Finding['start'], end: Finding['end'], cwd: string, logical?: string) {
  const rel = displayPath(file, cwd);
  const inside = rel !== file.replace(/\\/g, '/') || !/^([a-zA-Z]:)?\//.test(rel);
  return {
    physicalLocation: {
      artifactLocation: inside ? { uri: encodeURI(rel), uriBaseId: 'SRCROOT' } : { uri: toFileUri(rel) },
      region: {
        startLine: start.line,
        startColumn: start.column,
        endLine: end.line,
        endColumn: Math.max(end.column, end.line === start.line ? start.column + 1 : 1),
      },
    },
    ...(logical ? { logicalLocations: [{ fullyQualifiedName: logical, kind: 'member' }] } : {}),
  };
}

function logicalName(f: Finding): string | undefined {
  return f.path.length > 0 ? f.path.map(String).join('.') : undefined;
}

function toFileUri(path: string): string {
  const p = path.replace(/\\/g, '/');
  return encodeURI(/^[a-zA-Z]:\//.test(p) ? `file:///${p}` : `file://${p.startsWith('/') ? '' : '/'}${p}`);
}

/** FNV-1a, 64-bit, hex: a stable fingerprint that needs no crypto module. */
export function fingerprint(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}
