import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { launchEditor, skipReason, type Editor, type WardenState } from './harness';
import { REPO_ROOT } from './support/install';
import { keepImage } from './support/docImages';

/**
 * Issue 15 in a real VS Code: the "Route through MCP Warden gateway" quick fix rewrites a lab server's
 * entry, the Servers view starts it (now behind the gateway), one step of `npm run lab:replay` (the
 * canary exfiltration) runs through the gateway, and the Monitor view shows the alert, with a
 * notification naming the server and the tool.
 */

const MCP_JSON = '.vscode/mcp.json';

interface MonitorState {
  logPath: string;
  servers: { server: string; alerts: number; items: string[] }[];
  notified: string[];
}

describe('gateway: route a server through the gateway, watch an attack in the Monitor view', { skip: skipReason(), timeout: 600_000 }, () => {
  let editor: Editor;
  const it = (name: string, body: () => Promise<void>) => test(name, { timeout: 240_000 }, () => editor.step(name.replace(/\W+/g, '-'), body));

  before(
    async () => {
      editor = await launchEditor({ workspace: 'gateway' });
    },
    { timeout: 240_000 },
  );

  after(async () => {
    await editor?.close();
  });

  it('routes "poisoned" through the gateway with the quick fix', async () => {
    await editor.openFile(MCP_JSON);
    const line = readFileSync(join(editor.workspace, MCP_JSON), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('"poisoned"'));
    await editor.keyboard.press('Control+G');
    await editor.type(`${line + 1}:8`);
    await editor.keyboard.press('Enter');
    const menu = editor.page.locator('.action-widget').first();
    for (let attempt = 1; ; attempt++) {
      await editor.keyboard.press('Control+.');
      if (
        await menu.waitFor({ state: 'visible', timeout: 5_000 }).then(
          () => true,
          () => false,
        )
      )
        break;
      assert.ok(attempt < 4, 'Ctrl+. opened no quick-fix menu');
    }
    await menu.locator('.monaco-list-row.action', { hasText: 'Route "poisoned" through MCP Warden gateway' }).click();
    await editor.keyboard.press('Control+S');
    const saved = await fileOnceItHolds(join(editor.workspace, MCP_JSON), '"gateway"');
    const args = (JSON.parse(saved.replace(/^\/\/.*$/m, '')) as { servers: { poisoned: { command: string; args: string[] } } }).servers.poisoned;
    assert.equal(args.command, 'node');
    // A copy in the extension's global storage: its path survives extension updates, unlike <extension>/dist.
    assert.match(args.args[0]!, /globalStorage\/mcp-warden\.mcp-warden\/gateway\.js$/);
    assert.ok(existsSync(args.args[0]!), 'the copy the entry runs exists');
    assert.deepEqual(args.args.slice(1), ['gateway', '--server', 'poisoned', '--', 'node', join(REPO_ROOT, 'test/lab/servers/poisoned.mjs')]);
  });

  it('starts it behind the gateway; the Monitor view shows the session', async () => {
    // The command waits for the start dialog's answer: answer it while the command runs.
    const connecting = editor.runCommand('mcpWarden.connectAll');
    const dialog = editor.page.locator('.monaco-dialog-box');
    if (
      await dialog.waitFor({ timeout: 20_000 }).then(
        () => true,
        () => false,
      )
    ) {
      assert.match(await dialog.innerText(), /gateway\.js gateway --server poisoned -- node /, 'the start dialog shows the gateway command line');
      await dialog.locator('a.monaco-button', { hasText: 'Start' }).click();
    }
    await connecting;
    await editor.waitForState((s) => poisoned(s)?.contextValue === 'server-connected', 90_000, '"poisoned" to connect through the gateway');
    const state = await editor.waitForState(
      (s) => monitor(s).servers.some((m) => m.server === 'poisoned'),
      30_000,
      'the Monitor view to show the gateway session',
    );
    assert.equal(monitor(state).logPath, join(editor.home, '.local', 'state', 'mcp-warden', 'gateway.jsonl'));
    assert.equal(monitor(state).servers.find((m) => m.server === 'poisoned')!.alerts, 0, 'listing tools raises no alert');
  });

  it('one replay step (the canary exfiltration) is blocked, and the alert shows in the Monitor view and as a notification', async () => {
    const log = monitor(editor.readState()!).logPath;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(REPO_ROOT, 'scripts', 'lab-replay.mjs'), '--step', 'canary', '--json', '--log', log, '--cli', join(REPO_ROOT, 'dist', 'cli.js')],
      { cwd: REPO_ROOT, timeout: 120_000 },
    );
    const outcome = (JSON.parse(stdout) as { steps: { canary: { refusal?: { code: number } } } }).steps.canary;
    assert.equal(outcome.refusal?.code, -32001, 'the replayed call was refused by the gateway');
    const state = await editor.waitForState(
      (s) => (monitor(s).servers.find((m) => m.server === 'poisoned')?.alerts ?? 0) > 0,
      30_000,
      'the alert in the Monitor view',
    );
    const row = monitor(state).servers.find((m) => m.server === 'poisoned')!;
    assert.ok(row.items.includes('tools/call add: canary (blocked)'), row.items.join('\n'));
    assert.ok(
      monitor(state).notified.some((n) => n.startsWith('MCP Warden gateway — poisoned, tool add (blocked): A canary (MCPW…) is leaving')),
      monitor(state).notified.join('\n'),
    );
    // The Monitor view starts collapsed (it has content only once a server runs through the gateway): focusing opens it.
    await editor.runCommand('mcpWarden.monitor.focus');
    const pane = editor.page
      .locator('.pane')
      .filter({ has: editor.page.locator('.pane-header', { hasText: 'Monitor' }) })
      .first();
    await pane.locator('.monaco-list-row', { hasText: 'ALERT tools/call add: canary (blocked)' }).first().waitFor({ timeout: 30_000 });
    await editor.page
      .locator('.notification-toast', { hasText: 'MCP Warden gateway — poisoned, tool add' })
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(() => undefined);
    keepImage(await editor.screenshot('gateway-monitor'), 'gateway-monitor');
    const text = readFileSync(log, 'utf8');
    assert.ok(!text.includes('MCPW-CANARY-ssh-4f1c9a7e2b6d8035'), 'the log holds no canary');
  });
});

function poisoned(state: WardenState): { description?: unknown; contextValue?: string } | undefined {
  const roots = (state.extra.tree ?? []) as { description?: unknown; children: { label: string; description?: unknown; contextValue?: string }[] }[];
  return roots.find((r) => String(r.description).endsWith('.vscode/mcp.json'))?.children.find((s) => s.label === 'poisoned');
}

function monitor(state: WardenState): MonitorState {
  return (state.extra.monitor ?? { logPath: '', servers: [], notified: [] }) as MonitorState;
}

async function fileOnceItHolds(path: string, text: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const content = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (content.includes(text)) return content;
    assert.ok(Date.now() < deadline, `${path} was not saved with ${text}:\n${content}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
