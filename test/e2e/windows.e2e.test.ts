import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchEditor, skipReason, type Editor, type WardenState } from './harness';
import { keepImage } from './support/docImages';

/**
 * Issue 14 in a real VS Code: a multi-root window (team.code-workspace over folders a and b) is one session.
 * The filesystem server of a, the fetch server of b and the memory server in the workspace file's
 * `settings.mcp` are loaded together, so the flow through them is found; and Claude Code's
 * `.claude/settings.local.json` in folder a rejects that folder's `.mcp.json` server, which is then reported as
 * disabled, naming the setting; the live side agrees: its Servers row says so, and Connect All leaves it out.
 */
describe('windows: a multi-root workspace in a real VS Code', { skip: skipReason(), timeout: 600_000 }, () => {
  let editor: Editor;
  const it = (name: string, body: () => Promise<void>) => test(name, { timeout: 180_000 }, () => editor.step(name.replace(/\W+/g, '-'), body));

  before(
    async () => {
      editor = await launchEditor({ workspace: 'multiroot', workspaceFile: 'team.code-workspace' });
    },
    { timeout: 240_000 },
  );

  after(async () => {
    await editor?.close();
  });

  it('loads every folder and the workspace file as one VS Code session, with the flow across them', async () => {
    const state = await editor.waitForState((s) => toxic(editor, s, 'b/.vscode/mcp.json').length === 1, 90_000, 'a toxic flow across the folders');
    const [flow] = toxic(editor, state, 'b/.vscode/mcp.json');
    assert.match(flow!.message, /^Toxic flow \(destructive\) in VS Code: A web page read by `fetch` \(fetch\) can instruct .* \(\+1 more server\)$/);
    // The other legs, in the other folder and in the workspace file, are its related information.
    const related = flow!.relatedInformation.map((r) => [r.uri, r.message.split(':')[0]]).sort();
    assert.deepEqual(related, [
      [editor.uri('a/.vscode/mcp.json'), 'files'],
      [editor.uri('team.code-workspace'), 'notes'],
    ]);
    assert.deepEqual(toxic(editor, state, 'a/.vscode/mcp.json'), [], 'one finding per flow, on the source');
    const vscodeSessions = sessionsOf(state).filter((s) => s.label.startsWith('VS Code'));
    assert.equal(
      vscodeSessions.length,
      1,
      sessionsOf(state)
        .map((s) => s.label)
        .join(', '),
    );
    const servers = vscodeSessions[0]!.children.find((c) => c.label === 'Servers in this session')!.children.map((c) => c.label);
    for (const name of ['files', 'fetch', 'notes']) assert.ok(servers.includes(name), `${name} not in the session: ${servers.join(', ')}`);
  });

  it("reports the .mcp.json server Claude Code's settings reject as disabled, naming the setting", async () => {
    const state = await editor.waitForState((s) => editor.diagnosticsOf(s, 'a/.mcp.json').length > 0, 60_000, 'findings of a/.mcp.json');
    const found = editor.diagnosticsOf(state, 'a/.mcp.json').filter((d) => d.code?.value === 'unpinned-package');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'info');
    assert.ok(found[0]!.message.includes('Disabled (`disabledMcpjsonServers` in .claude/settings.local.json)'), found[0]!.message);
    assert.deepEqual(editor.diagnosticsOf(state, 'a/.claude/settings.local.json'), [], 'a settings file has no findings of its own');
  });

  it('Connect All leaves out the server Claude Code rejects and says why; its row says so too (screenshot multiroot-session.png)', async () => {
    const REASON = 'disabledMcpjsonServers in .claude/settings.local.json';
    const state = await editor.waitForState((s) => rowsNamed(s, 'github').length > 0, 30_000, 'the Servers view');
    assert.deepEqual(
      rowsNamed(state, 'github').map((r) => r.description),
      [`disabled (${REASON}) · not started`],
    );
    for (const name of ['files', 'fetch', 'notes'])
      assert.deepEqual(
        rowsNamed(state, name).map((r) => r.description),
        ['not started'],
        name,
      );

    // The command waits for the start dialog's answer: read it and cancel, so nothing starts (the servers would fetch packages).
    const connecting = editor.runCommand('mcpWarden.connectAll');
    const dialog = editor.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    const text = await dialog.innerText();
    assert.match(text, /Start 3 MCP servers defined by this workspace/);
    for (const name of ['files', 'fetch', 'notes']) assert.match(text, new RegExp(`• ${name}: `), name);
    assert.doesNotMatch(text, /github/);
    await dialog.locator('a.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    await connecting;
    await editor.page
      .locator('.notification-toast', {
        hasText: `MCP Warden did not connect "github": Claude Code would not load it (${REASON}). Connect it from its row to inspect it anyway.`,
      })
      .first()
      .waitFor({ timeout: 20_000 });
    assert.equal(rowsNamed(editor.readState()!, 'github')[0]!.description, `disabled (${REASON}) · not started`);

    // What a person sees: the one session of the window, and the Servers view with the rejected server's row.
    await editor.runCommand('notifications.clearAll');
    await editor.runCommand('mcpWarden.sessions.focus');
    const sessions = editor.page
      .locator('.pane')
      .filter({ has: editor.page.locator('.pane-header', { hasText: 'Sessions & Toxic Flows' }) })
      .first();
    const serversRow = sessions.locator('.monaco-list-row', { hasText: 'Servers in this session' }).first();
    await serversRow.waitFor({ timeout: 20_000 });
    if ((await serversRow.getAttribute('aria-expanded')) !== 'true') await serversRow.click();
    await sessions.locator('.monaco-list-row', { hasText: 'notes' }).first().waitFor({ timeout: 10_000 });
    const sash = editor.page.locator('.monaco-sash.primary-sidebar-sash');
    const box = await sash.boundingBox();
    if (box) {
      await editor.page.mouse.move(box.x + box.width / 2, 400);
      await editor.page.mouse.down();
      await editor.page.mouse.move(640, 400, { steps: 10 });
      await editor.page.mouse.up();
    }
    const servers = editor.page
      .locator('.pane')
      .filter({ has: editor.page.locator('.pane-header', { hasText: 'Servers' }) })
      .first();
    await servers.locator('.monaco-list-row', { hasText: 'github' }).first().waitFor({ timeout: 20_000 });
    await editor.page.mouse.move(1000, 10);
    keepImage(await editor.screenshot('multiroot-session'), 'multiroot-session');
  });
});

interface TreeRow {
  label: string;
  description: string;
  children: TreeRow[];
}

function toxic(editor: Editor, state: WardenState, file: string) {
  return editor.diagnosticsOf(state, file).filter((d) => d.code?.value === 'toxic-flow');
}

/** Every row of the Servers view with this label, at any depth. */
function rowsNamed(state: WardenState, label: string): TreeRow[] {
  const walk = (rows: TreeRow[]): TreeRow[] => rows.flatMap((r) => [...(r.label === label ? [r] : []), ...walk(r.children ?? [])]);
  return walk((state.extra.tree as TreeRow[] | undefined) ?? []);
}

function sessionsOf(state: WardenState): TreeRow[] {
  return (state.extra.sessions as TreeRow[] | undefined) ?? [];
}
