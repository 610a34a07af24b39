import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './processes';

/** What `src/extension/testHooks.ts` writes to `state.json`. Lines and characters are 0-based. */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface WardenDiagnostic {
  source: string;
  code?: { value: string; target?: string };
  message: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  range: Range;
  relatedInformation: { uri: string; range: Range; message: string }[];
}
export interface WardenState {
  time: number;
  diagnostics: { uri: string; diagnostics: WardenDiagnostic[] }[];
  extra: { statusBarText?: string; lintedFiles?: string[]; [key: string]: unknown };
}

/** The test side of the file channel to the extension's test hooks. */
export class HookChannel {
  private nextId = 0;

  constructor(readonly dir: string) {
    mkdirSync(join(dir, 'requests'), { recursive: true });
    mkdirSync(join(dir, 'responses'), { recursive: true });
  }

  readState(): WardenState | undefined {
    const file = join(this.dir, 'state.json');
    if (!existsSync(file)) return undefined;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as WardenState;
    } catch {
      return undefined; // renamed into place atomically, so only a vanished file lands here
    }
  }

  /** Polls state.json until `predicate` holds; the error names `what` and shows the last state seen. */
  async waitForState(predicate: (state: WardenState) => boolean, timeoutMs: number, what: string): Promise<WardenState> {
    const deadline = Date.now() + timeoutMs;
    let last: WardenState | undefined;
    while (Date.now() < deadline) {
      last = this.readState();
      if (last && predicate(last)) return last;
      await sleep(100);
    }
    const seen = last ? JSON.stringify(summarize(last), null, 1) : 'no state.json at all (did the extension activate with MCP_WARDEN_TEST_HOOKS set?)';
    throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Last state: ${seen}`);
  }

  /** Runs a VS Code command in the extension host. `{ $uri: 'file:///…' }` arguments arrive as Uris. */
  async runCommand(command: string, args: unknown[], timeoutMs: number): Promise<unknown> {
    const id = `${process.pid}-${Date.now()}-${this.nextId++}`;
    const request = join(this.dir, 'requests', `${id}.json`);
    writeFileSync(`${request}.tmp`, JSON.stringify({ command, args }));
    renameSync(`${request}.tmp`, request);
    const response = join(this.dir, 'responses', `${id}.json`);
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(response)) {
      if (Date.now() > deadline) {
        const pickedUp = !existsSync(request);
        rmSync(request, { force: true });
        const why = pickedUp ? 'the extension took the request but did not answer' : 'nobody took the request: is the extension active, with its test hooks?';
        throw new Error(`Command ${command} got no answer within ${timeoutMs} ms: ${why}`);
      }
      await sleep(50);
    }
    const answer = JSON.parse(readFileSync(response, 'utf8')) as { ok: boolean; result?: unknown; error?: string };
    rmSync(response, { force: true });
    if (!answer.ok) throw new Error(`Command ${command} failed in the extension host: ${answer.error}`);
    return answer.result;
  }
}

/** The last state in a form short enough for an error message. */
function summarize(state: WardenState): unknown {
  return {
    extra: state.extra,
    diagnostics: state.diagnostics.map((file) => ({
      uri: file.uri,
      found: file.diagnostics.map((d) => `${d.code?.value ?? '?'} @${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`),
    })),
  };
}
