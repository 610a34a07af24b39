import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchEditor, skipReason, type Editor, type WardenDiagnostic, type WardenState } from './harness';
import { REPO_ROOT } from './support/install';

/**
 * Issue 7 in a real VS Code: the lab's trifecta servers (fetcher + private-notes + sender) in a Gemini CLI
 * and a VS Code config make a toxic flow: a warning on each server with the others as related
 * information, the Sessions view's banner and capability groups, and a remedy quick fix (Gemini's
 * `excludeTools`) that ends the flow. Filesystem + memory (a Cursor config) is no trifecta.
 */
describe('flows: toxic flows in a real VS Code', { skip: skipReason(), timeout: 900_000 }, () => {
  let editor: Editor;
  const it = (name: string, body: () => Promise<void>) => test(name, { timeout: 180_000 }, () => editor.step(name.replace(/\W+/g, '-'), body));
  const GEMINI = '.gemini/settings.json';
  const VSCODE = '.vscode/mcp.json';
  const CURSOR = '.cursor/mcp.json';

  before(async () => {
    editor = await launchEditor({ workspace: 'flows' });
  }, { timeout: 240_000 });

  after(async () => {
    await editor?.close();
  });

  it('finds the trifecta from the configs alone, before any server runs', async () => {
    const state = await editor.waitForState((s) => toxic(editor, s, GEMINI).length === 3 && toxic(editor, s, VSCODE).length === 3, 60_000, 'static toxic-flow findings');
    for (const file of [GEMINI, VSCODE]) {
      const found = toxic(editor, state, file);
      assert.deepEqual(found.map((d) => [d.range.start.line, d.severity]), ['"fetcher"', '"private-notes"', '"sender"'].map((name) => [lineOf(editor, file, name), 'info']), `${file}: guessed flows are notes`);
      assert.match(found[0]!.message, /^Toxic flow \(data leak\) in (Gemini CLI|VS Code) for flows: Content brought in by the tools of `fetcher` \(guessed from its name\) can instruct the tools of `private-notes` \(guessed from its name\) and leave through the tools of `sender` \(guessed from its name\)\./);
    }
    assert.deepEqual(toxic(editor, state, CURSOR), [], 'filesystem + memory is no toxic flow');
    assert.equal(state.extra.sessionsBanner, '⚠ Toxic flows: 2 data-leak combinations of untrusted content with sensitive tools. Expand a session for the path.');
  });

  it('names the tools of the flow once the servers run, with the other servers as related information', async () => {
    await editor.runCommand('workbench.view.extension.mcpWarden');
    await titleAction(editor, 'Servers', 'Connect All Servers');
    const dialog = editor.page.locator('.monaco-dialog-box').filter({ hasText: 'Start 8 MCP servers defined by this workspace' });
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    await dialog.locator('.monaco-button', { hasText: 'Start' }).click();
    const live = (s: WardenState) => sessionsOf(s).every((session) => child(session, 'Servers in this session').children.every((server) => server.description.startsWith('live tools')));
    const state = await editor.waitForState((s) => live(s) && [GEMINI, VSCODE].every((f) => toxic(editor, s, f).filter((d) => d.severity === 'warning').length === 3), 90_000, 'live toxic-flow warnings');
    for (const [file, client] of [[GEMINI, 'Gemini CLI'], [VSCODE, 'VS Code']] as const) {
      const [fetcher, notes, sender] = toxic(editor, state, file);
      assert.equal(fetcher!.message, `Toxic flow (data leak) in ${client} for flows: Untrusted content read by \`fetch_url\` (fetcher) can instruct \`read_private_notes\` (private-notes) and leave through \`send_message\` (sender). Untrusted content, private data and an outbound channel in one session let a prompt injection steal data. Also in this flow: private-notes, sender. Disable or restrict one of them, split them into separate configs, or accept the flow in the policy.`);
      const related = (d: WardenDiagnostic) => d.relatedInformation.map((r) => [r.uri, r.range.start.line, r.message]);
      const uri = editor.uri(file);
      const at = (name: string) => lineOf(editor, file, `"${name}"`);
      assert.deepEqual(related(fetcher!), [[uri, at('private-notes'), 'private-notes: private data through `read_private_notes`'], [uri, at('sender'), 'sender: an outbound channel through `send_message`, `post_webhook`']]);
      assert.deepEqual(related(notes!), [[uri, at('fetcher'), 'fetcher: untrusted content through `fetch_url`'], [uri, at('sender'), 'sender: an outbound channel through `send_message`, `post_webhook`']]);
      assert.deepEqual(related(sender!), [[uri, at('fetcher'), 'fetcher: untrusted content through `fetch_url`'], [uri, at('private-notes'), 'private-notes: private data through `read_private_notes`']]);
      for (const d of [fetcher!, notes!, sender!]) assert.ok(d.code?.target?.endsWith('/docs/rules/toxic-flow.md'), d.code?.target);
    }
    assert.deepEqual(toxic(editor, state, CURSOR), [], 'filesystem + memory, live, is still no toxic flow');
  });

  it('shows each session with its servers, capability groups and a banner (screenshot flows.png)', async () => {
    const state = editor.readState()!;
    assert.equal(state.extra.sessionsBanner, '⚠ Toxic flows: 2 data-leak combinations of untrusted content with sensitive tools. Expand a session for the path.');
    const sessions = sessionsOf(state);
    assert.deepEqual(sessions.map((s) => `${s.label}: ${s.description}`), ['VS Code: flows · 3 servers · ⚠ toxic: data leak', 'Cursor: flows · 2 servers', 'Gemini CLI: flows · 3 servers · ⚠ toxic: data leak']);
    for (const name of ['VS Code', 'Gemini CLI']) {
      const session = sessions.find((s) => s.label === name)!;
      assert.deepEqual(groups(session), {
        'Toxic flows': ['Data leak: untrusted content read by `fetch_url` (fetcher) can instruct `read_private_notes` (private-notes) and leave through `send_message` (sender)'],
        'Servers in this session': ['fetcher: live tools · 1 tools', 'private-notes: live tools · 1 tools', 'sender: live tools · 2 tools'],
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
    await editor.page.locator('.markers-panel').getByText('sender: an outbound channel through').first().waitFor({ timeout: 10_000 });
    await editor.page.locator('.editor-group-container.active .squiggly-warning').first().waitFor({ state: 'attached', timeout: 10_000 });
    await animationsDone(editor);
    keepImage(await editor.screenshot('flows'), 'flows-sessions');
  });

  it('removes the warning with a remedy quick fix (Ctrl+.) that hides the sender\'s outbound tools', async () => {
    await editor.openFile(GEMINI);
    const line = lineOf(editor, GEMINI, '"sender"');
    await editor.keyboard.press('Control+G');
    await editor.type(`${line + 1}:8`);
    await editor.keyboard.press('Enter');
    const menu = await quickFixMenu(editor);
    const titles = await menu.locator('.monaco-list-row.action').evaluateAll((rows) => rows.map((r) => (r.getAttribute('aria-label') ?? '').replace(/, Quick Fix$/, '')));
    assert.deepEqual(titles, ['Hide the outbound tools of "sender" with excludeTools (send_message, post_webhook)', 'Disable server "sender" (mcp.excluded)', 'Ignore toxic-flow for server "sender" (workspace setting)', 'Show documentation for toxic-flow']);
    await animationsDone(editor);
    keepImage(await editor.screenshot('flows-quick-fix'), 'flows-quick-fix');
    await menu.locator('.monaco-list-row.action', { hasText: 'Hide the outbound tools of "sender"' }).click();
    const fixed = await editor.waitForState((s) => toxic(editor, s, GEMINI).length === 0, 20_000, 'the Gemini toxic flow to end');
    assert.equal(toxic(editor, fixed, VSCODE).length, 3, 'the VS Code session is untouched');
    await editor.keyboard.press('Control+S');
    const saved = JSON.parse(await fileOnceItHolds(join(editor.workspace, GEMINI), '"excludeTools"'));
    assert.deepEqual(saved.mcpServers.sender.excludeTools, ['send_message', 'post_webhook']);
    const after = await editor.waitForState((s) => s.extra.sessionsBanner !== undefined && (s.extra.sessionsBanner as string).startsWith('⚠ Toxic flow: 1'), 20_000, 'the banner to count one flow');
    assert.equal(after.extra.sessionsBanner, '⚠ Toxic flow: 1 data-leak combination of untrusted content with sensitive tools. Expand a session for the path.');
    const gemini = groups(sessionsOf(after).find((s) => s.label === 'Gemini CLI')!);
    assert.equal(gemini['Toxic flows'], undefined);
    assert.deepEqual(gemini['Outbound channels'], []);
    assert.deepEqual(gemini['Servers in this session'], ['fetcher: live tools · 1 tools', 'private-notes: live tools · 1 tools', 'sender: live tools · 0 tools']);
    await animationsDone(editor);
    keepImage(await editor.screenshot('flows-fixed'), 'flows-fixed');
  });
});

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
  const line = readFileSync(join(editor.workspace, file), 'utf8').split('\n').findIndex((l) => l.includes(text));
  assert.ok(line >= 0, `no line with ${text} in ${file}`);
  return line;
}

function sessionsPane(editor: Editor) {
  return editor.page.locator('.pane').filter({ has: editor.page.locator('.pane-header', { hasText: 'Sessions & Toxic Flows' }) }).first();
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
    if (await menu.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) return menu;
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
  await editor.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 }).catch(() => undefined);
}

/** Refreshes the docs' copy of a screenshot when asked to (MCP_WARDEN_UPDATE_DOC_IMAGES=1). */
function keepImage(path: string, name: string): void {
  if (!process.env.MCP_WARDEN_UPDATE_DOC_IMAGES) return;
  const dir = join(REPO_ROOT, 'docs', 'images');
  mkdirSync(dir, { recursive: true });
  copyFileSync(path, join(dir, `${name}.png`));
}
