import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchEditor, skipReason, type Editor, type WardenState } from './harness';
import { keepImage } from './support/docImages';

/**
 * A new user's first minutes (issue 16): a folder opened in Restricted Mode says once, quietly, that MCP Warden lints
 * and starts nothing; a server that is not started leads somewhere (Workspace Trust, then "Connect to list tools" with
 * its command line); the status bar opens the Problems panel and never closes it; the Get Started walkthrough.
 */

interface Row {
  label: string;
  description?: unknown;
  contextValue?: string;
  children: Row[];
}

describe(
  'first contact: Restricted Mode, the path from a server to its tools, the status bar and the walkthrough',
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

    it('says once that it lints only in Restricted Mode, and the not-started row leads to Workspace Trust', async () => {
      await editor.page.locator('.statusbar-item').filter({ hasText: 'Restricted Mode' }).first().waitFor({ timeout: 30_000 });
      await editor.runCommand('notifications.showList');
      const notice = "MCP Warden is linting this folder's MCP configs. It starts no server they define until you trust the folder.";
      const toast = editor.page.locator('.notifications-center .notification-list-item').filter({ hasText: notice }).first();
      await toast.waitFor({ timeout: 30_000 });
      assert.equal(await toast.locator('.monaco-button', { hasText: 'Manage Workspace Trust' }).count(), 1);

      await openSidebar(editor);
      const state = await editor.waitForState(
        (s) => connectRow(s)?.label === 'Trust this folder to connect',
        20_000,
        'the row under "notes" to lead to Workspace Trust',
      );
      assert.match(String(connectRow(state)!.description), /^connects? to: |^runs: node .*notes\.mjs/);
      await expandServer(editor, 'notes');
      await editor.page.locator('.monaco-list-row', { hasText: 'Trust this folder to connect' }).first().waitFor();
      keepImage(await editor.screenshot('first-open-restricted'), 'first-open-restricted');
      await editor.runCommand('notifications.clearAll');
      await editor.runCommand('notifications.hideList');
    });

    it('the Sessions view counts in the right number and says where capability counts come from before anything is connected (screenshot sessions-capability-source.png)', async () => {
      const state = await editor.waitForState((s) => sessionRows(s).length > 0, 20_000, 'the Sessions view');
      const [session] = sessionRows(state);
      // One server: "1 server", and the header names the file, not only the client.
      assert.equal(session!.label, 'VS Code');
      assert.equal(String(session!.description), 'live-trust/.vscode/mcp.json · 1 server');
      const servers = session!.children.find((c) => c.label === 'Servers in this session')!;
      assert.match(String(servers.description), /^1 server · tools: 1 (guessed|unknown|catalog|recorded)$/);
      const [row] = servers.children;
      assert.equal(row!.label, 'notes');
      assert.match(String(row!.description), /^(guessed from its name|tools unknown|catalog|recorded listing) · \d+ tools?$/);
      const everyText = JSON.stringify(sessionRows(state));
      assert.doesNotMatch(everyText, /\b1 (servers|tools|findings|files)\b/, 'no "1 <plural>"');
      assert.doesNotMatch(everyText, /\b([02-9]|\d\d+) (server|tool|finding|file)\b/, 'no "<n> <singular>"');

      await editor.runCommand('mcpWarden.sessions.focus');
      const pane = editor.page
        .locator('.pane')
        .filter({ has: editor.page.locator('.pane-header', { hasText: 'Sessions & Toxic Flows' }) })
        .first();
      const serversRow = pane.locator('.monaco-list-row', { hasText: 'Servers in this session' }).first();
      await serversRow.waitFor({ timeout: 20_000 });
      if ((await serversRow.getAttribute('aria-expanded')) !== 'true') await serversRow.click();
      await pane.locator('.monaco-list-row', { hasText: 'notes' }).first().waitFor({ timeout: 10_000 });
      // Wide enough to read the whole rows (a narrow sidebar cuts their ends; the tooltips have all of it).
      const sash = editor.page.locator('.monaco-sash.primary-sidebar-sash');
      const box = await sash.boundingBox();
      if (box) {
        await editor.page.mouse.move(box.x + box.width / 2, 400);
        await editor.page.mouse.down();
        await editor.page.mouse.move(620, 400, { steps: 10 });
        await editor.page.mouse.up();
      }
      await pane.getByText('1 server · tools: 1', { exact: false }).first().waitFor({ timeout: 10_000 });
      keepImage(await editor.screenshot('sessions-capability-source'), 'sessions-capability-source');
    });

    it('the status bar item opens the Problems panel and never toggles it closed', async () => {
      const item = editor.page.locator('.statusbar-item').filter({ hasText: /MCP/ }).first();
      const problems = editor.page.locator('.part.panel .markers-panel');
      for (let i = 0; i < 2; i++) {
        await item.click();
        await problems.first().waitFor({ state: 'visible', timeout: 15_000 });
      }
      assert.ok(await problems.first().isVisible(), 'a second click leaves the Problems panel open');
      await editor.runCommand('workbench.action.closePanel');
    });

    it('after trusting the folder, "Connect to list tools" shows the command and connects from the row', async () => {
      await editor.palette('Workspaces: Manage Workspace Trust');
      await editor.page
        .locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ })
        .first()
        .click();
      await editor.page.locator('.statusbar-item').filter({ hasText: 'Restricted Mode' }).first().waitFor({ state: 'detached', timeout: 30_000 });
      await editor.runCommand('workbench.action.closeAllEditors');
      const state = await editor.waitForState((s) => connectRow(s)?.label === 'Connect to list tools', 20_000, 'the row to offer connecting');
      assert.match(String(connectRow(state)!.description), /^runs: node \S*test\/lab\/servers\/notes\.mjs/);
      assert.ok(!String(connectRow(state)!.description).includes('not-a-real-token'), 'values stay masked');

      await openSidebar(editor);
      const row = editor.page.locator('.monaco-list-row', { hasText: 'Connect to list tools' }).first();
      await row.waitFor({ timeout: 20_000 });
      keepImage(await editor.screenshot('connect-from-row'), 'connect-from-row');
      await row.click();
      const dialog = editor.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 30_000 });
      assert.match(await dialog.innerText(), /Start the MCP server "notes" defined by this workspace, to list its tools\?/);
      await dialog.locator('a.monaco-button', { hasText: 'Start' }).click();
      const connected = await editor.waitForState((s) => notes(s)?.contextValue === 'server-connected', 60_000, '"notes" to connect from its row');
      assert.deepEqual(
        notes(connected)!.children.map((c) => c.label),
        ['Instructions', 'Tools', 'Prompts', 'Resources', 'Resource Templates'].filter((l) => notes(connected)!.children.some((c) => c.label === l)),
      );
      assert.ok(!notes(connected)!.children.some((c) => c.contextValue === 'connect'), 'no connect row once connected');
      // The Sessions view now counts the live listing.
      const live = await editor.waitForState(
        (s) => String(sessionRows(s)[0]?.children.find((c) => c.label === 'Servers in this session')?.description).endsWith('tools: 1 live'),
        20_000,
        'the session to count the live listing',
      );
      assert.match(
        String(sessionRows(live)[0]!.children.find((c) => c.label === 'Servers in this session')!.children[0]!.description),
        /^live tools · \d+ tools?$/,
      );
      await editor.runCommand('mcpWarden.disconnectAll');
    });

    it('the Get Started walkthrough lists its five steps', async () => {
      await editor.runCommand('workbench.action.openWalkthrough', 'mcp-warden.mcp-warden#gettingStarted', false);
      const page = editor.page.locator('.gettingStartedContainer');
      await page.locator('h2', { hasText: 'Get Started with MCP Warden' }).first().waitFor({ timeout: 30_000 });
      for (const step of [
        'Scan your MCP configs',
        'Move a token into SecretStorage',
        'Connect a server and read its tools',
        'Read a toxic flow',
        'Open the lab',
      ]) {
        await page.locator('.step-title', { hasText: step }).first().waitFor({ timeout: 10_000 });
      }
      keepImage(await editor.screenshot('walkthrough'), 'walkthrough');
    });
  },
);

function sessionRows(state: WardenState): Row[] {
  return (state.extra.sessions ?? []) as Row[];
}

function configRows(state: WardenState): Row[] {
  return (state.extra.tree ?? []) as Row[];
}

function notes(state: WardenState): Row | undefined {
  return configRows(state)
    .find((r) => String(r.description).endsWith('.vscode/mcp.json'))
    ?.children.find((s) => s.label === 'notes');
}

function connectRow(state: WardenState): Row | undefined {
  return notes(state)?.children.find((c) => c.contextValue === 'connect');
}

/** Shows the Servers view (a command, not the activity-bar icon, which would close an open sidebar). */
async function openSidebar(editor: Editor): Promise<void> {
  await editor.runCommand('mcpWarden.servers.focus');
  await editor.page.locator('.pane-header[aria-label^="Servers"]').first().waitFor();
}

async function expandServer(editor: Editor, name: string): Promise<void> {
  const row = editor.page
    .locator('.monaco-list-row')
    .filter({ has: editor.page.locator('.label-name', { hasText: new RegExp(`^${name}$`) }) })
    .first();
  await row.waitFor({ timeout: 30_000 });
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
}
