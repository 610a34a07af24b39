import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startRegistryStub, type RegistryStub } from '../helpers/registryStub';
import { launchEditor, skipReason, type Editor, type WardenDiagnostic, type WardenState } from './harness';

/**
 * Issue 13 in a real VS Code (code-server + Chromium): a pinned release with a published advisory
 * shows a squiggle naming the CVE/GHSA and the first fixed version, a malicious release an error;
 * the light bulb's "Move … to …" asks a loopback registry stub and writes the fixed release in.
 */

const MCP_JSON = '.vscode/mcp.json';

describe('advisories: vulnerable and malicious packages in a real VS Code', { skip: skipReason(), timeout: 600_000 }, () => {
  let editor: Editor;
  let stub: RegistryStub;
  let original: string;
  const it = (name: string, body: () => Promise<void>) => test(name, { timeout: 90_000 }, () => editor.step(`advisories-${name.replace(/\W+/g, '-')}`, body));
  const read = (rel: string): string => readFileSync(join(editor.workspace, rel), 'utf8');

  before(
    async () => {
      stub = await startRegistryStub({
        npm: { 'mcp-remote': { distTags: { latest: '0.1.38' }, versions: ['0.1.15', '0.1.16', '0.1.17', '0.1.38'] } },
      });
      editor = await launchEditor({
        workspace: 'advisories',
        settings: {
          'mcpWarden.registries.npm': stub.url,
          'mcpWarden.registries.timeoutMs': 3000,
          'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
          'files.autoSave': 'off',
        },
      });
      original = read(MCP_JSON);
    },
    { timeout: 240_000 },
  );

  after(async () => {
    await stub?.close();
    await editor?.close();
  });

  it('shows each advisory with its ids and first fixed version, and the malicious release as an error', async () => {
    const state = await editor.waitForState(
      (s) => byRule(editor, s, 'vulnerable-package').length === 2 && byRule(editor, s, 'malicious-package').length === 1,
      60_000,
      'the advisory findings',
    );
    assert.deepEqual([...byRule(editor, state, 'vulnerable-package'), ...byRule(editor, state, 'malicious-package')].map(where), [
      'vulnerable-package 6:23 error mcp-remote 0.1.15 is covered by a published advisory (CVE-2025-6514). First fixed version: 0.1.16; move to it or later.',
      'vulnerable-package 10:17 error @modelcontextprotocol/inspector 0.14.0 is covered by 2 published advisories (CVE-2025-49596, CVE-2025-58444). First fixed version: 0.16.6; move to it or later.',
      'malicious-package 14:23 error postmark-mcp 1.0.16 is recorded as malicious (MAL-2025-47604, versions from 1.0.16 on). Remove it and rotate the credentials it was given.',
    ]);
  });

  it('moves mcp-remote to its first fixed release through the light bulb, asking the registry', async () => {
    await editor.openFile(MCP_JSON);
    const finding = byRule(editor, editor.readState()!, 'vulnerable-package').find((d) => d.message.startsWith('mcp-remote'))!;
    const rows = await openQuickFixMenu(editor, finding);
    const move = rows.filter({ hasText: 'Move mcp-remote to 0.1.16 or the next fixed release (asks the registry)' });
    await move.waitFor({ state: 'visible', timeout: 10_000 });
    await move.click();

    await editor.waitForState(
      (s) => !byRule(editor, s, 'vulnerable-package').some((d) => d.message.startsWith('mcp-remote')),
      20_000,
      'the mcp-remote finding to go',
    );
    assert.deepEqual(
      stub.requests.map((r) => `${r.method} ${r.path}`),
      ['GET /mcp-remote'],
    );
    const moved = original.replace('"mcp-remote@0.1.15"', '"mcp-remote@0.1.16"');
    await waitForEditorText(editor, (text) => text.trimEnd() === moved.trimEnd());
    assert.equal(read(MCP_JSON), original, 'a quick fix leaves the change unsaved');
    await editor.keyboard.press('Control+S');
    await waitFor(() => read(MCP_JSON) === moved, `${MCP_JSON} saved with mcp-remote@0.1.16`);
    const left = byRule(editor, editor.readState()!, 'vulnerable-package').map((d) => d.message.split(' ')[0]);
    assert.deepEqual(left, ['@modelcontextprotocol/inspector']);
  });

  it('the malicious release offers no version to move to', async () => {
    const finding = byRule(editor, editor.readState()!, 'malicious-package')[0]!;
    const rows = await openQuickFixMenu(editor, finding);
    const titles = await rows.allInnerTexts();
    assert.ok(!titles.some((t) => /Move postmark-mcp|Pin postmark-mcp/.test(t)), titles.join(' | '));
    await editor.keyboard.press('Escape');
  });
});

function code(d: WardenDiagnostic): string {
  return d.code?.value ?? '';
}

function where(d: WardenDiagnostic): string {
  return `${code(d)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message}`;
}

function byRule(editor: Editor, state: WardenState, rule: string): WardenDiagnostic[] {
  return editor.diagnosticsOf(state, MCP_JSON).filter((d) => code(d) === rule);
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Go to Line (Ctrl+G), waiting until its input has closed so that the next keys reach the editor. */
async function goTo(editor: Editor, line: number, column: number): Promise<void> {
  await editor.keyboard.press('Control+G');
  const input = editor.page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await editor.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Puts the cursor on the finding and opens the light-bulb menu (Ctrl+.) once the light bulb shows; returns its rows. */
async function openQuickFixMenu(editor: Editor, finding: WardenDiagnostic) {
  await editor.keyboard.press('Control+Home');
  await goTo(editor, finding.range.start.line + 1, finding.range.start.character + 3);
  await editor.page.locator('.editor-group-container.active .lightBulbWidget').waitFor({ state: 'visible', timeout: 15_000 });
  const rows = editor.page.locator('.action-widget .monaco-list-row');
  for (let attempt = 1; ; attempt++) {
    await editor.keyboard.press('Control+.');
    const shown = await rows
      .first()
      .waitFor({ state: 'visible', timeout: 3_000 })
      .then(
        () => true,
        () => false,
      );
    if (shown) return rows;
    if (attempt === 3) throw new Error('Ctrl+. showed no light-bulb menu');
  }
}

/** The active editor's text as rendered (the lines in order of their position), once `ready` holds. */
async function waitForEditorText(editor: Editor, ready: (text: string) => boolean): Promise<string> {
  const lines = editor.page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line');
  let text = '';
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const rendered = await lines.evaluateAll((els) =>
      els.map((el) => [parseFloat((el as HTMLElement).style.top) || 0, (el as HTMLElement).innerText] as const),
    );
    text = rendered
      .sort((a, b) => a[0] - b[0])
      .map(([, line]) => line.replace(/\u00a0/g, ' '))
      .join('\n');
    if (ready(text)) return text;
    await editor.page.waitForTimeout(100);
  }
  throw new Error(`The active editor never showed the expected text; it shows:\n${text}`);
}
