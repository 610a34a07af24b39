import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchEditor, skipReason, type Editor, type WardenDiagnostic, type WardenState } from './harness';
import { keepImage } from './support/docImages';

/**
 * Issues 7, 14 and 16 in a real VS Code: the lab's trifecta servers (fetcher + private-notes + sender) in a
 * Gemini CLI and a VS Code config make a toxic flow: one warning per flow, on the server that brings the
 * untrusted content in, with the others as related information; the Sessions view's banner and capability
 * groups; a remedy quick fix for another leg (Gemini's `excludeTools` on the sender) offered from that one
 * finding; and the flow still there after the sender's secret moved to SecretStorage (MCP Warden then serves
 * it to VS Code, in the same session). Filesystem + memory (a Cursor config) is no trifecta.
 */
describe('flows: toxic flows in a real VS Code', { skip: skipReason(), timeout: 900_000 }, () => {
  let editor: Editor;
  const it = (name: string, body: () => Promise<void>) => test(name, { timeout: 180_000 }, () => editor.step(name.replace(/\W+/g, '-'), body));
  const GEMINI = '.gemini/settings.json';
  const VSCODE = '.vscode/mcp.json';
  const CURSOR = '.cursor/mcp.json';
  const SERVED = '.vscode/mcp-warden.json';

  before(
    async () => {
      // The MCP API (for the served sender after the secret move) needs VS Code's AI features; VS Code starts nothing by itself.
      editor = await launchEditor({ workspace: 'flows', settings: { 'chat.disableAIFeatures': false, 'chat.mcp.autostart': 'never' } });
    },
    { timeout: 240_000 },
  );

  after(async () => {
    await editor?.close();
  });

  it('finds the trifecta from the configs alone, before any server runs: one finding per flow', async () => {
    const state = await editor.waitForState(
      (s) => toxic(editor, s, GEMINI).length === 1 && toxic(editor, s, VSCODE).length === 1,
      60_000,
      'static toxic-flow findings',
    );
    for (const [file, client] of [
      [GEMINI, 'Gemini CLI'],
      [VSCODE, 'VS Code'],
    ] as const) {
      const [found] = toxic(editor, state, file);
      assert.deepEqual(
        [found!.range.start.line, found!.severity],
        [lineOf(editor, file, '"fetcher"'), 'info'],
        `${file}: a guessed flow is a note, on the source`,
      );
      assert.equal(
        found!.message,
        `Toxic flow (data leak) in ${client}: Untrusted content from \`fetcher\` can reach private data in \`private-notes\` and leave through \`sender\`.`,
      );
    }
    assert.deepEqual(toxic(editor, state, CURSOR), [], 'filesystem + memory is no toxic flow');
    assert.equal(
      state.extra.sessionsBanner,
      '⚠ Toxic flows: 2 data-leak combinations of untrusted content with sensitive tools. Expand a session for the path.',
    );
  });

  it('names the tools of the flow once the servers run, with the other servers as related information', async () => {
    await editor.runCommand('workbench.view.extension.mcpWarden');
    await titleAction(editor, 'Servers', 'Connect All Servers');
    const dialog = editor.page.locator('.monaco-dialog-box').filter({ hasText: 'Start 8 MCP servers defined by this workspace' });
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    await dialog.locator('.monaco-button', { hasText: 'Start' }).click();
    const live = (s: WardenState) =>
      sessionsOf(s).every((session) => child(session, 'Servers in this session').children.every((server) => server.description.startsWith('live tools')));
    const state = await editor.waitForState(
      (s) => live(s) && [GEMINI, VSCODE].every((f) => toxic(editor, s, f).filter((d) => d.severity === 'warning').length === 1),
      90_000,
      'live toxic-flow warnings',
    );
    for (const [file, client] of [
      [GEMINI, 'Gemini CLI'],
      [VSCODE, 'VS Code'],
    ] as const) {
      const found = toxic(editor, state, file);
      assert.equal(found.length, 1, `${file}: one finding for the one flow`);
      const fetcher = found[0]!;
      assert.equal(fetcher.range.start.line, lineOf(editor, file, '"fetcher"'));
      assert.equal(
        fetcher.message,
        `Toxic flow (data leak) in ${client}: Untrusted content read by \`fetch_url\` (fetcher) can instruct \`read_private_notes\` (private-notes) and leave through \`send_message\` (sender).`,
      );
      const related = (d: WardenDiagnostic) => d.relatedInformation.map((r) => [r.uri, r.range.start.line, r.message]);
      const uri = editor.uri(file);
      const at = (name: string) => lineOf(editor, file, `"${name}"`);
      assert.deepEqual(related(fetcher), [
        [uri, at('private-notes'), 'private-notes: private data through `read_private_notes`'],
        [uri, at('sender'), 'sender: an outbound channel through `send_message`, `post_webhook`'],
      ]);
      assert.ok(fetcher.code?.target?.endsWith('/docs/rules/toxic-flow.md'), fetcher.code?.target);
    }
    assert.deepEqual(toxic(editor, state, CURSOR), [], 'filesystem + memory, live, is still no toxic flow');
  });

  it('shows each session with its servers, capability groups and a banner (screenshot flows.png)', async () => {
    const state = editor.readState()!;
    assert.equal(
      state.extra.sessionsBanner,
      '⚠ Toxic flows: 2 data-leak combinations of untrusted content with sensitive tools. Expand a session for the path.',
    );
    const sessions = sessionsOf(state);
    assert.deepEqual(
      sessions.map((s) => `${s.label}: ${s.description}`),
      [
        'VS Code: flows/.vscode/mcp.json · 3 servers · ⚠ toxic: data leak',
        'Cursor: flows/.cursor/mcp.json · 2 servers',
        'Gemini CLI: flows/.gemini/settings.json · 3 servers · ⚠ toxic: data leak',
      ],
    );
    for (const name of ['VS Code', 'Gemini CLI']) {
      const session = sessions.find((s) => s.label === name)!;
      assert.deepEqual(groups(session), {
        'Toxic flows': [
          'Data leak: untrusted content read by `fetch_url` (fetcher) can instruct `read_private_notes` (private-notes) and leave through `send_message` (sender)',
        ],
        'Servers in this session': ['fetcher: live tools · 1 tool', 'private-notes: live tools · 1 tool', 'sender: live tools · 2 tools'],
        'Untrusted content': ['fetch_url: fetcher'],
        'Private data': ['read_private_notes: private-notes'],
        'Outbound channels': ['send_message: sender', 'post_webhook: sender'],
        'Destructive actions': [],
      });
    }
    const cursor = groups(sessions.find((s) => s.label === 'Cursor')!);
    assert.equal(cursor['Toxic flows'], undefined);
    assert.deepEqual(cursor['Untrusted content'], []);
    assert.deepEqual(cursor['Outbound channels'], []);
    assert.ok(cursor['Private data']!.includes('read_text_file: filesystem') && cursor['Private data']!.includes('read_graph: memory'));
    assert.ok(cursor['Destructive actions']!.includes('write_file: filesystem') && cursor['Destructive actions']!.includes('delete_entities: memory'));

    // What a person sees: the Sessions view given the sidebar's height and more width, the VS Code session's groups open, the Gemini config and the Problems panel.
    await editor.page.locator('.pane-header', { hasText: 'Servers' }).first().click();
    // The gateway's Monitor view shares the sidebar: collapsed, it leaves the Sessions view the height.
    const monitorHeader = editor.page.locator('.pane-header', { hasText: 'Monitor' }).first();
    if ((await monitorHeader.getAttribute('aria-expanded')) === 'true') await monitorHeader.click();
    const pane = sessionsPane(editor);
    await pane.getByText('⚠ Toxic flows: 2 data-leak combinations of untrusted content with sensitive tools.').waitFor({ timeout: 10_000 });
    for (const group of ['Untrusted content', 'Private data', 'Outbound channels']) {
      const row = pane.locator('.monaco-list-row[aria-level="2"]').filter({ hasText: group }).first();
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    }
    await pane.locator('.monaco-list-row[aria-level="3"]', { hasText: 'post_webhook' }).first().waitFor({ timeout: 10_000 });
    await widenSidebar(editor, 620);
    await editor.openFile(GEMINI);
    await editor.keyboard.press('Control+Shift+M');
    const markers = editor.page.locator('.markers-panel');
    await markers.getByText('sender: an outbound channel through').first().waitFor({ timeout: 10_000 });
    // One Problems row per flow: each file's flow is one finding (its related information is indented under it).
    const rows = await markers.locator('.monaco-list-row').evaluateAll((all) => all.map((r) => r.textContent ?? ''));
    assert.equal(rows.filter((r) => r.startsWith('Toxic flow')).length, 2, rows.join('\n'));
    await editor.page.locator('.editor-group-container.active .squiggly-warning').first().waitFor({ state: 'attached', timeout: 10_000 });
    await animationsDone(editor);
    keepImage(await editor.screenshot('flows'), 'flows-sessions');
  });

  it("removes the warning with a remedy quick fix (Ctrl+.) on the one finding that hides the sender's outbound tools", async () => {
    await editor.openFile(GEMINI);
    const line = lineOf(editor, GEMINI, '"fetcher"');
    await editor.keyboard.press('Control+G');
    await editor.type(`${line + 1}:8`);
    await editor.keyboard.press('Enter');
    const menu = await quickFixMenu(editor);
    const all = await menu
      .locator('.monaco-list-row.action')
      .evaluateAll((rows) => rows.map((r) => (r.getAttribute('aria-label') ?? '').replace(/, Quick Fix$/, '')));
    // MCP Warden's actions (VS Code's own AI actions, "Fix" and "Explain", follow them).
    const titles = all.slice(0, all.indexOf('Show documentation for toxic-flow') + 1);
    assert.deepEqual(titles, [
      'Hide the untrusted-content tools of "fetcher" with excludeTools (fetch_url)',
      'Disable server "fetcher" (mcp.excluded)',
      'Hide the private-data tools of "private-notes" with excludeTools (read_private_notes)',
      'Disable server "private-notes" (mcp.excluded)',
      'Hide the outbound tools of "sender" with excludeTools (send_message, post_webhook)',
      'Disable server "sender" (mcp.excluded)',
      'Ignore toxic-flow for server "fetcher" (workspace setting)',
      'Route "fetcher" through MCP Warden gateway',
      'Show documentation for toxic-flow',
    ]);
    await animationsDone(editor);
    keepImage(await editor.screenshot('flows-quick-fix'), 'flows-quick-fix');
    await menu.locator('.monaco-list-row.action', { hasText: 'Hide the outbound tools of "sender"' }).click();
    const fixed = await editor.waitForState((s) => toxic(editor, s, GEMINI).length === 0, 20_000, 'the Gemini toxic flow to end');
    assert.equal(toxic(editor, fixed, VSCODE).length, 1, 'the VS Code session is untouched');
    await editor.keyboard.press('Control+S');
    const saved = JSON.parse(await fileOnceItHolds(join(editor.workspace, GEMINI), '"excludeTools"'));
    assert.deepEqual(saved.mcpServers.sender.excludeTools, ['send_message', 'post_webhook']);
    const after = await editor.waitForState(
      (s) => s.extra.sessionsBanner !== undefined && (s.extra.sessionsBanner as string).startsWith('⚠ Toxic flow: 1'),
      20_000,
      'the banner to count one flow',
    );
    assert.equal(after.extra.sessionsBanner, '⚠ Toxic flow: 1 data-leak combination of untrusted content with sensitive tools. Expand a session for the path.');
    const gemini = groups(sessionsOf(after).find((s) => s.label === 'Gemini CLI')!);
    assert.equal(gemini['Toxic flows'], undefined);
    assert.deepEqual(gemini['Outbound channels'], []);
    assert.deepEqual(gemini['Servers in this session'], ['fetcher: live tools · 1 tool', 'private-notes: live tools · 1 tool', 'sender: live tools · 0 tools']);
    await animationsDone(editor);
    keepImage(await editor.screenshot('flows-fixed'), 'flows-fixed');
  });

  it("flow survives the secret move: the served sender stays in VS Code's session (screenshot flows-after-move.png)", async () => {
    // A plaintext token appears in the sender's env (written on disk, as a user would paste it), and is moved to SecretStorage.
    await editor.keyboard.press('Escape');
    const token = 'ghp_' + Array.from({ length: 36 }, () => ALNUM[randomInt(ALNUM.length)]).join('');
    const path = join(editor.workspace, VSCODE);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"LAB_OUTBOX":', `"LAB_TOKEN": "${token}",\n        "LAB_OUTBOX":`));
    const masked = `(${token.slice(0, 4)}…)`;
    const state = await editor.waitForState(
      (s) => editor.diagnosticsOf(s, VSCODE).some((d) => d.code?.value === 'plaintext-secret' && d.message.includes(masked)),
      30_000,
      'the plaintext-secret finding',
    );
    const secret = editor.diagnosticsOf(state, VSCODE).find((d) => d.code?.value === 'plaintext-secret')!;
    await editor.openFile(VSCODE);
    await editor.keyboard.press('Control+G');
    await editor.type(`${secret.range.start.line + 1}:${secret.range.start.character + 3}`);
    await editor.keyboard.press('Enter');
    const menu = await quickFixMenu(editor);
    await menu.locator('.monaco-list-row.action', { hasText: 'Move secret to SecretStorage' }).first().click();
    const served = join(editor.workspace, SERVED);
    const deadline = Date.now() + 20_000;
    while (!(existsSync(served) && readFileSync(served, 'utf8').includes('"sender"') && !readFileSync(path, 'utf8').includes(token))) {
      assert.ok(Date.now() < deadline, 'the sender was not moved to .vscode/mcp-warden.json');
      await new Promise((done) => setTimeout(done, 200));
    }
    // The flow is still reported, on the fetcher in mcp.json, with the served sender as related information in mcp-warden.json.
    const after = await editor.waitForState(
      (s) => toxic(editor, s, VSCODE).some((d) => d.relatedInformation.some((r) => r.uri === editor.uri(SERVED))),
      30_000,
      'the VS Code flow through the served sender',
    );
    const [flow] = toxic(editor, after, VSCODE);
    assert.equal(toxic(editor, after, VSCODE).length, 1);
    assert.equal(flow!.range.start.line, lineOf(editor, VSCODE, '"fetcher"'));
    // The sender's live listing was taken under its old entry in mcp.json: it follows the server to its new file.
    assert.equal(
      flow!.message,
      'Toxic flow (data leak) in VS Code: Untrusted content read by `fetch_url` (fetcher) can instruct `read_private_notes` (private-notes) and leave through `send_message` (sender).',
    );
    assert.deepEqual(toxic(editor, after, SERVED), [], 'one finding for the flow, not one per file');
    const vscode = sessionsOf(after).find((s) => s.label === 'VS Code')!;
    assert.match(vscode.description, /^flows\/\.vscode\/mcp(-warden)?\.json \+1 more · 3 servers · ⚠ toxic: data leak/);
    assert.ok(
      child(vscode, 'Servers in this session').children.some((c) => c.label === 'sender' && c.description === 'live tools · 2 tools · served by MCP Warden'),
      JSON.stringify(vscode),
    );
    assert.equal(sessionsOf(after).filter((s) => s.label === 'VS Code').length, 1, 'no separate session for the served server');
    await editor.runCommand('notifications.clearAll');
    await editor.keyboard.press('Control+Shift+M');
    await editor.page.locator('.markers-panel').getByText('sender: ').first().waitFor({ timeout: 10_000 });
    await animationsDone(editor);
    keepImage(await editor.screenshot('flows-after-move'), 'flows-after-move');
  });
});

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

interface TreeRow {
  label: string;
  description: string;
  children: TreeRow[];
}

function toxic(editor: Editor, state: WardenState, file: string): WardenDiagnostic[] {
  return editor
    .diagnosticsOf(state, file)
    .filter((d) => d.code?.value === 'toxic-flow')
    .sort((a, b) => a.range.start.line - b.range.start.line);
}

function sessionsOf(state: WardenState): TreeRow[] {
  return (state.extra.sessions as TreeRow[] | undefined) ?? [];
}

function child(row: TreeRow, label: string): TreeRow {
  const found = row.children.find((c) => c.label === label);
  assert.ok(found, `no "${label}" under ${row.label}: ${row.children.map((c) => c.label).join(', ')}`);
  return found;
}

/** A session's groups as "label → [child: description]". */
function groups(session: TreeRow): Record<string, string[]> {
  return Object.fromEntries(session.children.map((g) => [g.label, g.children.map((c) => `${c.label}: ${c.description}`)]));
}

/** 0-based line of the first line of a workspace file holding `text`. */
function lineOf(editor: Editor, file: string, text: string): number {
  const line = readFileSync(join(editor.workspace, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text));
  assert.ok(line >= 0, `no line with ${text} in ${file}`);
  return line;
}

function sessionsPane(editor: Editor) {
  return editor.page
    .locator('.pane')
    .filter({ has: editor.page.locator('.pane-header', { hasText: 'Sessions & Toxic Flows' }) })
    .first();
}

async function titleAction(editor: Editor, view: string, action: string): Promise<void> {
  const header = editor.page.locator('.pane-header', { hasText: view }).first();
  await header.hover();
  await header.locator(`.action-label[aria-label="${action}"]`).click();
}

/** A file's text once it holds `text` (a save lands on disk a moment after Ctrl+S). */
async function fileOnceItHolds(path: string, text: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const content = readFileSync(path, 'utf8');
    if (content.includes(text)) return content;
    assert.ok(Date.now() < deadline, `${path} was not saved with ${text}:\n${content}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Ctrl+. at the cursor, once the light bulb says the code actions are there; pressed again if the menu does not open. */
async function quickFixMenu(editor: Editor) {
  await editor.page.locator('.editor-group-container.active .lightBulbWidget').first().waitFor({ state: 'visible', timeout: 15_000 });
  const menu = editor.page.locator('.action-widget').first();
  for (let attempt = 1; ; attempt++) {
    await editor.keyboard.press('Control+.');
    if (
      await menu.waitFor({ state: 'visible', timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    )
      return menu;
    assert.ok(attempt < 3, 'Ctrl+. opened no quick-fix menu');
  }
}

/** Drags the sash between the sidebar and the editor to `x` pixels. */
async function widenSidebar(editor: Editor, x: number): Promise<void> {
  const sash = editor.page.locator('.monaco-sash.primary-sidebar-sash');
  const box = await sash.boundingBox();
  assert.ok(box, 'no sidebar sash');
  await editor.page.mouse.move(box.x + box.width / 2, 400);
  await editor.page.mouse.down();
  await editor.page.mouse.move(box.x + 100, 400, { steps: 5 });
  await editor.page.mouse.move(x, 400, { steps: 10 });
  await editor.page.mouse.up();
}

/** Waits until no CSS animation or transition runs (hovers and menus fade in), so a screenshot shows the settled page. */
async function animationsDone(editor: Editor): Promise<void> {
  await editor.page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 })
    .catch(() => undefined);
}
