import * as fs from 'node:fs';
import * as vscode from 'vscode';

/**
 * Test-only bridge for the end-to-end tests (test/e2e): active only when MCP_WARDEN_TEST_HOOKS names a
 * directory. It mirrors MCP Warden's diagnostics into `<dir>/state.json` and runs commands that the test
 * drops into `<dir>/requests/<id>.json`, answering in `<dir>/responses/<id>.json`.
 */

const SOURCE = 'MCP Warden';
const STATE_INTERVAL_MS = 500;
const REQUEST_POLL_MS = 100;
const SEVERITY = ['error', 'warning', 'info', 'hint'] as const;

export function activateTestHooks(context: vscode.ExtensionContext, getExtraState: () => Record<string, unknown>): void {
  const dir = process.env.MCP_WARDEN_TEST_HOOKS;
  if (!dir) return;
  const requests = `${dir}/requests`;
  const responses = `${dir}/responses`;
  fs.mkdirSync(requests, { recursive: true });
  fs.mkdirSync(responses, { recursive: true });

  const writeAtomically = (path: string, value: unknown): void => {
    const temp = `${path}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(value, null, 2));
    fs.renameSync(temp, path);
  };

  let lastWritten = '';
  const writeState = (): void => {
    const body = toJson({ diagnostics: wardenDiagnostics(), extra: safeExtra(getExtraState) });
    if (body === lastWritten) return;
    lastWritten = body;
    writeAtomically(`${dir}/state.json`, { time: Date.now(), ...(JSON.parse(body) as object) });
  };

  let pending: ReturnType<typeof setTimeout> | undefined;
  const soon = (): void => {
    pending ??= setTimeout(() => {
      pending = undefined;
      writeState();
    }, 50);
  };

  const running = new Set<string>();
  const pollRequests = (): void => {
    let names: string[];
    try {
      names = fs.readdirSync(requests);
    } catch {
      return;
    }
    for (const name of names) {
      if (!name.endsWith('.json') || running.has(name)) continue;
      running.add(name);
      const id = name.slice(0, -'.json'.length);
      void runRequest(`${requests}/${name}`)
        .then((response) => writeAtomically(`${responses}/${id}.json`, response))
        .finally(() => {
          running.delete(name);
          soon();
        });
    }
  };

  const stateTimer = setInterval(writeState, STATE_INTERVAL_MS);
  const requestTimer = setInterval(pollRequests, REQUEST_POLL_MS);
  context.subscriptions.push(vscode.languages.onDidChangeDiagnostics(soon), {
    dispose: () => {
      clearInterval(stateTimer);
      clearInterval(requestTimer);
      if (pending) clearTimeout(pending);
    },
  });
  writeState();
}

async function runRequest(path: string): Promise<{ ok: true; result: unknown } | { ok: false; error: string }> {
  try {
    const text = fs.readFileSync(path, 'utf8');
    fs.rmSync(path, { force: true });
    const request = JSON.parse(text) as { command?: unknown; args?: unknown[] };
    if (typeof request.command !== 'string') throw new Error('request has no "command" string');
    const args = (request.args ?? []).map(reviveUris);
    const result: unknown = await vscode.commands.executeCommand(request.command, ...args);
    return { ok: true, result: JSON.parse(toJson(result ?? null)) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
  }
}

function reviveUris(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveUris);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.$uri === 'string' && Object.keys(record).length === 1) return vscode.Uri.parse(record.$uri);
  return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, reviveUris(inner)]));
}

function wardenDiagnostics(): unknown[] {
  const files: unknown[] = [];
  for (const [uri, all] of vscode.languages.getDiagnostics()) {
    const mine = all.filter((d) => d.source === SOURCE);
    if (mine.length === 0) continue;
    files.push({
      uri: uri.toString(),
      diagnostics: mine.map((d) => ({
        source: d.source,
        code: describeCode(d.code),
        message: d.message,
        severity: SEVERITY[d.severity],
        range: plainRange(d.range),
        relatedInformation: (d.relatedInformation ?? []).map((r) => ({
          uri: r.location.uri.toString(),
          range: plainRange(r.location.range),
          message: r.message,
        })),
      })),
    });
  }
  return files.sort((a, b) => ((a as { uri: string }).uri < (b as { uri: string }).uri ? -1 : 1));
}

function describeCode(code: vscode.Diagnostic['code']): { value: string; target?: string } | undefined {
  if (code === undefined) return undefined;
  if (typeof code === 'object') return { value: String(code.value), target: code.target.toString() };
  return { value: String(code) };
}

function plainRange(range: vscode.Range): { start: { line: number; character: number }; end: { line: number; character: number } } {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

function safeExtra(getExtraState: () => Record<string, unknown>): Record<string, unknown> {
  try {
    return getExtraState();
  } catch (error) {
    return { error: String(error) };
  }
}

/** JSON text of any value: Uris as strings, functions dropped, a cyclic value as its string form. */
function toJson(value: unknown): string {
  try {
    return (
      JSON.stringify(value, function replacer(this: Record<string, unknown>, key: string, inner: unknown) {
        const original = this[key];
        if (original instanceof vscode.Uri) return original.toString();
        if (typeof inner === 'bigint') return inner.toString();
        return inner;
      }) ?? 'null'
    );
  } catch {
    return JSON.stringify(String(value));
  }
}
