import { SEVERITY_ORDER, type Severity } from '../model/finding';
import { fingerprint, SARIF_LEVEL, sarifRule } from '../report/sarif';
import { TOOL_CATEGORIES } from './categories';
import { isSuspicious } from './escalate';
import type { ToolFinding } from './types';
import { visibleText } from '../text/visible';
import { plural } from '../text/plural';

/** The findings of one analysed tool. */
export interface ToolVerdict {
  server: string;
  name: string;
  findings: ToolFinding[];
}

export function verdictOf(findings: readonly ToolFinding[]): 'suspicious' | 'clean' {
  return isSuspicious(findings) ? 'suspicious' : 'clean';
}

/** `{"tools":[{"server","name","verdict","findings":[{"ruleId","category","severity","field","start","end","excerpt","message"}]}]}` */
export function formatToolsJson(tools: readonly ToolVerdict[]): string {
  return JSON.stringify(
    {
      tools: tools.map((t) => ({
        server: t.server,
        name: t.name,
        verdict: verdictOf(t.findings),
        findings: t.findings.map((f) => ({
          ruleId: f.ruleId,
          category: f.category,
          severity: f.severity,
          field: f.field,
          start: f.start,
          end: f.end,
          excerpt: f.excerpt,
          message: f.message,
        })),
      })),
    },
    null,
    2,
  );
}

const COLOR: Record<Severity, string> = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m' };
const RESET = '\u001b[0m';

export function formatToolsText(tools: readonly ToolVerdict[], options: { color?: boolean; verbose?: boolean } = {}): string {
  const paint = (s: Severity, text: string) => (options.color ? `${COLOR[s]}${text}${RESET}` : text);
  const lines: string[] = [];
  let suspicious = 0;
  for (const t of tools) {
    const verdict = verdictOf(t.findings);
    if (verdict === 'suspicious') suspicious++;
    const shown = options.verbose ? t.findings : t.findings.filter((f) => f.severity !== 'info');
    if (verdict === 'clean' && !options.verbose) continue;
    lines.push(`${line(t.server)} / ${line(t.name)}: ${verdict === 'suspicious' ? paint('error', 'SUSPICIOUS') : 'clean'}`);
    for (const f of [...shown].sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || a.field.localeCompare(b.field) || a.start - b.start)) {
      lines.push(`  ${paint(f.severity, f.severity.padEnd(7))} ${f.category.padEnd(21)} ${line(f.field)} [${f.start}-${f.end}]`);
      lines.push(`          ${line(f.message)}`);
      lines.push(`          > ${line(f.excerpt)}`);
    }
  }
  lines.push(`${plural(tools.length, 'tool')} analysed, ${suspicious} suspicious.`);
  return lines.join('\n') + '\n';
}

/** Server text on one line, escapes and newlines shown (the one escaping function, `visibleText`). */
function line(text: string): string {
  return visibleText(text, { singleLine: true });
}

export interface ToolsSarifOptions {
  /** Path or URI of the analysed input, as it should appear in results. */
  artifact: string;
  toolVersion: string;
  ruleHelp?: (ruleId: string) => string | undefined;
}

/** SARIF 2.1.0, one run; each finding is located by a logical location `server/tool/field` in the input. */
export function formatToolsSarif(tools: readonly ToolVerdict[], options: ToolsSarifOptions): string {
  const ruleIndex = new Map(TOOL_CATEGORIES.map((c, i) => [c.id, i]));
  const results = tools.flatMap((t) =>
    t.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.category)!,
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: encodeURI(options.artifact.replace(/\\/g, '/')) } },
          logicalLocations: [{ fullyQualifiedName: `${t.server}/${t.name}/${f.field}`, kind: 'member' }],
        },
      ],
      partialFingerprints: { 'mcpWardenToolFinding/v1': fingerprint(`${f.ruleId}|${t.server}|${t.name}|${f.field}|${f.excerpt}`) },
      properties: { server: t.server, tool: t.name, field: f.field, start: f.start, end: f.end, excerpt: f.excerpt, evidence: f.evidence },
    })),
  );
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'MCP Warden',
              semanticVersion: options.toolVersion,
              version: options.toolVersion,
              rules: TOOL_CATEGORIES.map((c) =>
                sarifRule(c.id, c.description, c.maxSeverity, options.ruleHelp?.(c.id), { category: 'tools', tags: ['security', 'mcp', 'tool-poisoning'] }),
              ),
            },
          },
          results,
        },
      ],
    },
    null,
    2,
  );
}
