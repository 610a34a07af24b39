import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchEditor, skipReason, type Editor, type WardenState } from './harness';
import { REPO_ROOT } from './support/install';
import { sleep } from './support/processes';

/**
 * Issue 5's Workspace Trust rules in a real VS Code: in Restricted Mode nothing a workspace config defines
 * is started; once the folder is trusted, the first start asks once, showing the exact command line with
 * its secret masked, and an approved launch is not asked for again.
 */

const NOTES = join(REPO_ROOT, 'test', 'lab', 'servers', 'notes.mjs');
const COMMAND_LINE = `• notes: node ${NOTES} (env: LAB_PID_FILE=\${wo…, NOTES_API_TOKEN=FAKE…)`;

describe(
  'trust: MCP Warden starts no workspace server until the workspace is trusted and the launch approved',
  { skip: skipReason(), timeout: 600_000 },
  () => {
    let editor: Editor;
    const it = (name: string, body: () => Promise<void>) => test(name, { timeout: 180_000 }, () => editor.step(name.replace(/\W+/g, '-'), body));

    before(
      async () => {
        editor = await launchEditor({ workspace: 'live-trust', workspaceTrust: true, settings: { 'security.workspace.trust.startupPrompt': 'never' } });
      },
      { timeout: 240_000 },
    );

    after(async () => {
      await editor?.close();
    });

    it('starts nothing in Restricted Mode', async () => {
      await editor.page.locator('.statusbar-item').filter({ hasText: 'Restricted Mode' }).first().waitFor({ timeout: 30_000 });
      await openSidebar(editor);
      await hoverAction(editor, 'notes', 'Connect', 'not started');
      await viewAction(editor, 'Connect All Servers');
      // The command returns once connecting is over: had anything started, its pid file would exist by then.
      await editor.runCommand('mcpWarden.connectAll');
      // Toasts shown while the workbench still starts go straight to the notification centre: look there.
      await editor.runCommand('notifications.showList');
      const warning = 'MCP Warden does not start "notes": this workspace is in Restricted Mode, and it is defined by the workspace.';
      await editor.page.locator('.notifications-center').filter({ hasText: warning }).first().waitFor({ timeout: 30_000 });
      const state = await editor.waitForState((s) => notes(s)?.description === 'not started', 10_000, '"notes" to be shown as not started');
      assert.equal(notes(state)?.contextValue, 'server-not-started');
      assert.deepEqual(pids(editor), [], 'no lab server wrote its pid file');
      assert.deepEqual(labProcesses(editor), [], 'no lab server runs');
      assert.equal(await editor.page.locator('.monaco-dialog-box').count(), 0, 'no start dialog in Restricted Mode');
      await editor.screenshot('trust-restricted');
      await editor.runCommand('notifications.clearAll');
      await editor.runCommand('notifications.hideList');
    });

    it('asks once, with the exact command line, after the workspace is trusted', async () => {
      await editor.palette('Workspaces: Manage Workspace Trust');
      await editor.page
        .locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ })
        .first()
        .click();
      await editor.page.locator('.statusbar-item').filter({ hasText: 'Restricted Mode' }).first().waitFor({ state: 'detached', timeout: 30_000 });
      await editor.runCommand('workbench.action.closeAllEditors');

      await viewAction(editor, 'Connect All Servers');
      const dialog = editor.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 30_000 });
      const text = await dialog.innerText();
      assert.match(text, /Start the MCP server "notes" defined by this workspace, to list its tools\?/);
      assert.ok(text.includes(`They run with your user's rights:\n\n${COMMAND_LINE}`), text);
      assert.ok(!text.includes('not-a-real-token'), 'the secret is masked');
      await editor.screenshot('trust-dialog');
      assert.deepEqual(pids(editor), [], 'nothing starts before the answer');
      await dialog.locator('a.monaco-button', { hasText: 'Start' }).click();
      const connected = await editor.waitForState((s) => notes(s)?.contextValue === 'server-connected', 60_000, '"notes" to connect');
      assert.match(String(notes(connected)?.description), /3 tools · 1 prompt · 2 resources$/);
      const first = pids(editor);
      assert.equal(first.length, 1);
      assert.ok(alive(first[0]!));
    });

    it('does not ask again for an approved launch', async () => {
      // Only the setup: the row's Disconnect button is covered by the live spec; a hover-click can miss under load.
      await editor.runCommand('mcpWarden.disconnectAll');
      await editor.waitForState((s) => notes(s)?.description === 'not started', 30_000, '"notes" to stop');
      await waitFor(() => pids(editor).every((pid) => !alive(pid)), 15_000, 'the "notes" process to end');
      await hoverAction(editor, 'notes', 'Connect', 'not started');
      const deadline = Date.now() + 60_000;
      let retryAt = Date.now() + 10_000;
      while (notes(editor.readState()!)?.contextValue !== 'server-connected') {
        assert.equal(await editor.page.locator('.monaco-dialog-box').count(), 0, 'an approved launch is not asked for again');
        assert.ok(Date.now() < deadline, '"notes" to connect again');
        if (Date.now() > retryAt && notes(editor.readState()!)?.description === 'not started') {
          // A hover-click can miss on a loaded machine: the row still says "not started", so click again.
          await hoverAction(editor, 'notes', 'Connect', 'not started');
          retryAt = Date.now() + 10_000;
        }
        await sleep(100);
      }
      assert.equal(pids(editor).filter(alive).length, 1, 'a new "notes" process runs');
      assert.equal(pids(editor).length, 2);
    });
  },
);

function notes(state: WardenState): { description?: unknown; contextValue?: string } | undefined {
  const roots = (state.extra.tree ?? []) as { description?: unknown; children: { label: string; description?: unknown; contextValue?: string }[] }[];
  return roots.find((r) => String(r.description).endsWith('.vscode/mcp.json'))?.children.find((s) => s.label === 'notes');
}

function pids(editor: Editor): number[] {
  const file = join(editor.workspace, '.pids', 'notes.pids');
  return existsSync(file) ? [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number))] : [];
}

function alive(pid: number): boolean {
  try {
    return !/^\S+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return false;
  }
}

/** Lab servers started by this session (their environment names the session folder). */
function labProcesses(editor: Editor): string[] {
  const found: string[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'latin1').split('\0').join(' ');
      if (cmd.includes('test/lab/servers/') && readFileSync(`/proc/${name}/environ`, 'latin1').includes(editor.dirs.root)) found.push(`${name} ${cmd}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

function serversPane(editor: Editor) {
  return editor.page.locator('.pane').filter({ has: editor.page.locator('.pane-header[aria-label^="Servers"]') });
}

async function openSidebar(editor: Editor): Promise<void> {
  // The findings badge covers the icon: click the whole activity bar entry.
  await editor.page
    .locator('.activitybar .action-item')
    .filter({ has: editor.page.locator('a[aria-label^="MCP Warden"]') })
    .click();
  await serversPane(editor).waitFor();
}

async function viewAction(editor: Editor, title: string): Promise<void> {
  await editor.page.locator('.part.sidebar').hover();
  await editor.page.locator(`.part.sidebar .action-label[aria-label="${title}"]`).first().click();
}

/** An inline action of a row (shown on hover), once the row shows `description` (the UI may lag the state). */
async function hoverAction(editor: Editor, label: string, title: string, description: string | RegExp): Promise<void> {
  const row = serversPane(editor)
    .locator('.monaco-list-row')
    .filter({ has: editor.page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) })
    .filter({ has: editor.page.locator('.label-description', { hasText: description }) })
    .first();
  await row.waitFor({ timeout: 30_000 });
  await row.hover();
  await row.locator(`.action-label[aria-label="${title}"]`).click();
  await editor.page.mouse.move(800, 10);
}
