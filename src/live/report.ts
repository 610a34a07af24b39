import { CLIENTS } from '../core/config/clients';
import { plainReason } from '../core/config/notLoaded';
import type { ToolDefinition } from '../core/model/tool';
import { displayPath } from '../core/report/types';
import { formatMs } from './errors';
import { visibleText } from '../core/text/visible';
import type { InspectResult } from './inspect';
import type { LiveSnapshot } from './types';
import { plural } from '../core/text/plural';

const TEXT_DESCRIPTION_LIMIT = 1_000;

/** `mcp-warden inspect --format json`, version 1 (documented in docs/inspect.md). */
export function inspectJson(results: readonly InspectResult[], cwd: string, toolVersion: string): string {
  return JSON.stringify(
    {
      version: 1,
      tool: { name: 'mcp-warden', version: toolVersion },
      servers: results.map((r) => {
        const s = r.snapshot;
        return {
          name: r.entry.name,
          client: r.entry.client,
          file: displayPath(r.entry.file, cwd),
          scope: r.entry.scope,
          status: r.skipped ? 'skipped' : r.status.state,
          ...(r.skipped ? { skipped: r.skipped } : {}),
          ...(r.disabledBy !== undefined ? { disabledBy: plainReason(r.disabledBy) } : {}),
          ...(r.status.state === 'error' ? { error: { kind: r.status.kind, message: r.status.message } } : {}),
          commandLine: r.commandLine ?? null,
          durationMs: Math.round(r.durationMs),
          ...(s ? snapshotJson(s) : {}),
          ...(r.stderr && r.status.state === 'error' ? { stderr: r.stderr } : {}),
        };
      }),
    },
    null,
    2,
  );
}

function snapshotJson(s: LiveSnapshot): Record<string, unknown> {
  return {
    transport: s.transport,
    protocolVersion: s.protocolVersion ?? null,
    serverInfo: s.serverInfo ?? null,
    instructions: s.instructions ?? null,
    capabilities: s.capabilities,
    tools: s.tools,
    prompts: s.prompts,
    resources: s.resources,
    resourceTemplates: s.resourceTemplates,
    truncated: s.truncated,
    listedAt: s.listedAt,
  };
}

/** Human output: a block per server; server text made visible (escapes shown, never interpreted) and clipped. */
export function inspectText(results: readonly InspectResult[], cwd: string): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(
      `${visibleText(r.entry.name, { singleLine: true, max: 200 })}  (${CLIENTS[r.entry.client].name}, ${visibleText(displayPath(r.entry.file, cwd), { singleLine: true, max: 400 })})`,
    );
    if (r.skipped) out.push(`  skipped: ${skippedBecause(r)}`);
    else if (r.status.state === 'error') out.push(`  error (${r.status.kind}): ${r.status.message}`);
    else if (r.snapshot) out.push(...snapshotText(r.snapshot, r.durationMs));
    out.push('');
  }
  const count = (state: string) => results.filter((r) => !r.skipped && r.status.state === state).length;
  const skipped = results.filter((r) => r.skipped).length;
  out.push(`${plural(results.length, 'server')}: ${count('connected')} connected, ${count('error')} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return out.join('\n') + '\n';
}

/** "disabled (disabledMcpjsonServers in .claude/settings.local.json)", or "disabled in the config" when the caller gave no reason. */
export function skippedBecause(r: Pick<InspectResult, 'skipped' | 'disabledBy'>): string {
  return r.disabledBy !== undefined ? `${r.skipped} (${plainReason(r.disabledBy)})` : `${r.skipped} in the config`;
}

function snapshotText(s: LiveSnapshot, durationMs: number): string[] {
  const info = s.serverInfo
    ? `${visibleText(s.serverInfo.name, { singleLine: true, max: 100 })} ${visibleText(s.serverInfo.version ?? '', { singleLine: true, max: 40 })}`.trim()
    : 'no serverInfo';
  const out = [
    `  connected in ${formatMs(durationMs)} · ${info} · ${s.transport}${s.protocolVersion ? ` · protocol ${visibleText(s.protocolVersion, { singleLine: true, max: 40 })}` : ''}`,
  ];
  if (s.instructions) out.push(`  instructions: ${block(s.instructions, '    ')}`);
  section(out, 'tools', s.tools, (t) => [
    `${visibleText(t.name, { singleLine: true, max: 200 })}${describe(t.description)}`,
    ...parameters(t),
    ...annotations(t),
  ]);
  section(out, 'prompts', s.prompts, (p) => [
    `${visibleText(p.name, { singleLine: true, max: 200 })}${describe(p.description)}`,
    ...(p.arguments ?? []).map((a) => `    ${visibleText(a.name, { singleLine: true, max: 200 })}${a.required ? ' (required)' : ''}${describe(a.description)}`),
  ]);
  section(out, 'resources', s.resources, (r) => [
    `${visibleText(r.uri, { singleLine: true, max: 300 })} (${visibleText(r.name, { singleLine: true, max: 200 })})${describe(r.description)}`,
  ]);
  section(out, 'resource templates', s.resourceTemplates, (r) => [
    `${visibleText(r.uriTemplate, { singleLine: true, max: 300 })} (${visibleText(r.name, { singleLine: true, max: 200 })})${describe(r.description)}`,
  ]);
  for (const [list, cut] of Object.entries(s.truncated.lists)) out.push(`  truncated: ${list} list stopped at ${plural(cut.kept, 'item')} (${cut.reason})`);
  for (const t of s.truncated.texts.slice(0, 20)) {
    out.push(
      `  truncated: ${t.list} ${visibleText(t.item, { singleLine: true, max: 100 })}: ${t.field} ${t.length < 0 ? 'nested too deep' : `had ${plural(t.length, 'character')}`}`,
    );
  }
  return out;
}

function section<T>(out: string[], title: string, items: readonly T[], lines: (item: T) => string[]): void {
  if (items.length === 0) return;
  out.push(`  ${title} (${items.length})`);
  for (const item of items) {
    const [first, ...rest] = lines(item);
    out.push(`    ${first}`, ...rest.map((l) => `    ${l}`));
  }
}

function describe(text: string | undefined): string {
  return text ? ` — ${block(text, '        ')}` : '';
}

/** Multi-line server text, each line indented, escapes visible, clipped. */
function block(text: string, indent: string): string {
  const clipped = text.length > TEXT_DESCRIPTION_LIMIT ? text.slice(0, TEXT_DESCRIPTION_LIMIT) : text;
  const shown = clipped
    .split('\n')
    .map((line, i) => (i === 0 || line.trim() === '' ? '' : indent) + visibleText(line, { singleLine: true }))
    .join('\n');
  return text.length > TEXT_DESCRIPTION_LIMIT ? `${shown}… (${plural(text.length, 'character')}; --format json has all of it)` : shown;
}

function parameters(tool: ToolDefinition): string[] {
  const schema = tool.inputSchema as { properties?: Record<string, { type?: unknown; description?: unknown }>; required?: unknown } | undefined;
  if (!schema?.properties || typeof schema.properties !== 'object') return [];
  const required = Array.isArray(schema.required) ? schema.required : [];
  return Object.entries(schema.properties).map(([name, p]) => {
    const type = typeof p?.type === 'string' ? `: ${visibleText(p.type, { singleLine: true, max: 40 })}` : '';
    const description = typeof p?.description === 'string' ? describe(p.description) : '';
    return `    ${visibleText(name, { singleLine: true, max: 200 })}${type}${required.includes(name) ? ' (required)' : ''}${description}`;
  });
}

function annotations(tool: ToolDefinition): string[] {
  const a = tool.annotations;
  if (!a) return [];
  const hints = (['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const).filter((k) => a[k] !== undefined).map((k) => `${k}=${a[k]}`);
  return hints.length > 0 ? [`    annotations: ${hints.join(' ')}`] : [];
}
