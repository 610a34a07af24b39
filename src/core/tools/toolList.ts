import type { ServerSnapshot, ToolDefinition } from '../model/tool';

export interface ToolListInput {
  /** One snapshot per server named in the input, in order of first appearance. */
  snapshots: ServerSnapshot[];
  /** Input entries that are not tool definitions, e.g. `line 3: no "name"`. */
  problems: string[];
}

/**
 * Reads tool definitions given as a `tools/list` result (`{"tools":[…]}`, also inside a JSON-RPC
 * `result`), a plain array of tools, or JSON Lines of tools. Each tool may carry a `server` field;
 * tools without one belong to `defaultServer`.
 */
export function parseToolList(text: string, defaultServer = 'server'): ToolListInput {
  const problems: string[] = [];
  const entries: { tool: unknown; where: string; server?: unknown }[] = [];
  const whole = tryJson(text);
  if (whole.ok) {
    const value = whole.value as { tools?: unknown; result?: { tools?: unknown }; server?: unknown };
    const single = value && typeof value === 'object' && !Array.isArray(value) && typeof (value as { name?: unknown }).name === 'string';
    const list = Array.isArray(value)
      ? value
      : single
        ? [value]
        : Array.isArray(value?.tools)
          ? value.tools
          : Array.isArray(value?.result?.tools)
            ? value.result!.tools
            : undefined;
    if (!list) return { snapshots: [], problems: ['expected {"tools": [...]}, an array of tools, or JSON Lines of tools'] };
    const server = !Array.isArray(value) && !single && typeof value?.server === 'string' ? value.server : undefined;
    (list as unknown[]).forEach((tool, i) => entries.push({ tool, where: `tools[${i}]`, server }));
  } else {
    const lines = text.split(/\r?\n/);
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = tryJson(line);
      if (!parsed.ok) {
        problems.push(`line ${i + 1}: not valid JSON (${parsed.error})`);
        return;
      }
      const value = parsed.value as { tools?: unknown; server?: unknown };
      if (value && typeof value === 'object' && Array.isArray(value.tools)) {
        value.tools.forEach((tool, j) => entries.push({ tool, where: `line ${i + 1} tools[${j}]`, server: value.server }));
      } else entries.push({ tool: value, where: `line ${i + 1}` });
    });
  }
  const byServer = new Map<string, ToolDefinition[]>();
  for (const { tool, where, server } of entries) {
    if (!tool || typeof tool !== 'object' || Array.isArray(tool) || typeof (tool as { name?: unknown }).name !== 'string') {
      problems.push(`${where}: not a tool definition (no "name" string)`);
      continue;
    }
    const { server: own, ...definition } = tool as ToolDefinition & { server?: unknown };
    const name = typeof own === 'string' && own !== '' ? own : typeof server === 'string' && server !== '' ? server : defaultServer;
    (byServer.get(name) ?? byServer.set(name, []).get(name)!).push(definition as ToolDefinition);
  }
  const snapshots = [...byServer.entries()].map(([server, tools]) => ({ server, tools, prompts: [], resources: [], resourceTemplates: [] }));
  return { snapshots, problems };
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
