import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { applyEdits, modify, parse } from 'jsonc-parser';
import { startRegistryStub, type RegistryStub } from '../helpers/registryStub';
import { launchEditor, skipReason, type Editor, type WardenDiagnostic, type WardenState } from './harness';
import { keepImage } from './support/docImages';

/**
 * Issue 4 in a real VS Code (code-server + Chromium): the "Pin" quick fix writes the exact version a loopback
 * registry stub serves (and changes nothing when the registry is unreachable); "Create policy" approves what is
 * configured; "Approve server" adds a policy entry and the squiggle goes; a deny entry wins; the policy file is
 * validated by the contributed JSON schema; "Export Server Inventory" lists pin and approval state.
 */

const MCP_JSON = '.vscode/mcp.json';
const POLICY = '.vscode/mcp-policy.json';
const GITHUB = '@modelcontextprotocol/server-github';
const GITHUB_LATEST = '2025.4.8';
const NOTES = 'mcp-notes-server';
const WEATHER = 'mcp-weather-server';
const DENY_REASON = 'Sends location data to a third party';

interface PolicyJson {
  version: number;
  allow: Record<string, string>[];
  deny: Record<string, string>[];
  acceptedFlows: unknown[];
}

describe('supply chain: pin, approve, deny, policy schema and inventory in a real VS Code', { skip: skipReason(), timeout: 600_000 }, () => {
  let editor: Editor;
  let stub: RegistryStub;
  let original: string;
  const it = (name: string, body: () => Promise<void>) => test(name, { timeout: 90_000 }, () => editor.step(`supply-${name.replace(/\W+/g, '-')}`, body));
  const path = (rel: string): string => join(editor.workspace, rel);
  const read = (rel: string): string => readFileSync(path(rel), 'utf8');
  const policy = (): PolicyJson => parse(read(POLICY)) as PolicyJson;

  before(
    async () => {
      stub = await startRegistryStub({
        npm: {
          [GITHUB]: { distTags: { latest: GITHUB_LATEST }, versions: ['0.6.2', '2025.1.23', GITHUB_LATEST] },
          [NOTES]: { distTags: { latest: '0.3.1' }, versions: ['0.3.1'] },
        },
      });
      editor = await launchEditor({
        workspace: 'supply',
        settings: {
          'mcpWarden.registries.npm': stub.url,
          'mcpWarden.registries.timeoutMs': 3000,
          // Typed text lands as typed: no completion list to accept on Enter, no auto-closed quotes or brackets.
          'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
          'editor.suggestOnTriggerCharacters': false,
          'editor.autoClosingBrackets': 'never',
          'editor.autoClosingQuotes': 'never',
          'files.autoSave': 'off', // as in desktop VS Code (code-server, a web build, saves after a delay by default)
          '[markdown]': { 'editor.wordWrap': 'off' }, // one view line per line of the exported inventory
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

  it('flags the unpinned packages and, with no policy, no server as unapproved', async () => {
    const state = await editor.waitForState(
      (s) => unpinned(editor, s, GITHUB) !== undefined && unpinned(editor, s, NOTES) !== undefined,
      60_000,
      `unpinned-package on ${GITHUB} and ${NOTES}`,
    );
    const found = editor.diagnosticsOf(state, MCP_JSON).filter((d) => ['unpinned-package', 'unapproved-server'].includes(code(d)));
    assert.deepEqual(found.map(where), [
      `unpinned-package 6:23 warning "${GITHUB}" has no version: npx runs whatever the npm registry serves as newest at each start, with your credentials. Pin an exact version.`,
      `unpinned-package 14:23 warning "${NOTES}" has no version: npx runs whatever the npm registry serves as newest at each start, with your credentials. Pin an exact version.`,
    ]);
    assert.equal(existsSync(path(POLICY)), false);
  });

  it('pins the package to the exact version the registry serves, through the light bulb', async () => {
    await editor.openFile(MCP_JSON);
    const rows = await openQuickFixMenu(editor, unpinned(editor, editor.readState()!, GITHUB)!);
    const pin = rows.filter({ hasText: `Pin ${GITHUB} to its exact current version (asks the registry)` });
    await pin.waitFor({ state: 'visible', timeout: 10_000 });
    keepImage(await editor.screenshot('pin-quickfix'), 'supply-pin-quickfix');
    await pin.click();

    await editor.waitForState(
      (s) => unpinned(editor, s, GITHUB) === undefined && unpinned(editor, s, NOTES) !== undefined,
      20_000,
      `the unpinned-package finding on ${GITHUB} to go`,
    );
    assert.deepEqual(
      stub.requests.map((r) => `${r.method} ${r.path}`),
      [`GET /@modelcontextprotocol%2fserver-github`],
    );
    // Only the version was added, and like any quick fix it is left unsaved.
    const pinned = original.replace(`"${GITHUB}"`, `"${GITHUB}@${GITHUB_LATEST}"`);
    await waitForEditorText(editor, (text) => text.trimEnd() === pinned.trimEnd());
    await editor.page.locator('.tab.active.dirty').waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(read(MCP_JSON), original);
    await editor.keyboard.press('Control+S');
    await waitFor(() => read(MCP_JSON) === pinned, `${MCP_JSON} saved with the pinned version`);
  });

  it('says the registry is unreachable and changes nothing when it is down', async () => {
    const url = stub.url;
    await stub.close();
    const before = unpinned(editor, editor.readState()!, NOTES)!;
    const rows = await openQuickFixMenu(editor, before);
    await rows.filter({ hasText: `Pin ${NOTES} to its exact current version (asks the registry)` }).click();

    const message = await toastText(editor, `MCP Warden could not pin ${NOTES}`);
    assert.match(
      message,
      new RegExp(`^MCP Warden could not pin ${NOTES}: offline or registry unreachable: ${escape(url)}/${NOTES} \\([A-Z_]+\\)\\. Nothing was changed\\.`),
    );
    const pinned = original.replace(`"${GITHUB}"`, `"${GITHUB}@${GITHUB_LATEST}"`);
    await waitForEditorText(editor, (text) => text.trimEnd() === pinned.trimEnd());
    assert.equal(await editor.page.locator('.tab.active.dirty').count(), 0, 'no unsaved change in the editor');
    assert.equal(read(MCP_JSON), pinned);
    assert.deepEqual(unpinned(editor, editor.readState()!, NOTES), before);
    await editor.runCommand('notifications.clearAll');
  });

  it('creates a policy allowing the servers configured now; then only a new server is unapproved', async () => {
    await editor.palette('MCP Warden: Create Policy from the Servers Configured Now');
    await toastText(editor, 'MCP Warden created .vscode/mcp-policy.json allowing the 3 servers configured now. Review it and commit it.');
    await editor.page.waitForFunction((want) => document.title.startsWith(want), POLICY, { timeout: 10_000 });
    assert.deepEqual(policy(), {
      version: 1,
      allow: [
        { name: 'github', package: GITHUB },
        { name: 'memory', package: '@modelcontextprotocol/server-memory' },
        { name: 'notes', package: NOTES },
      ],
      deny: [],
      acceptedFlows: [],
    });
    await editor.runCommand('notifications.clearAll');

    // A teammate's change adds a server the policy has never seen.
    writeFileSync(path(MCP_JSON), edit(read(MCP_JSON), ['servers', 'weather'], { command: 'npx', args: ['-y', `${WEATHER}@1.2.0`] }));
    const state = await editor.waitForState((s) => unapproved(editor, s).length > 0, 20_000, 'an unapproved-server finding on the new server');
    assert.deepEqual(unapproved(editor, state).map(where), [
      `unapproved-server 16:5 warning Server "weather" (package ${WEATHER}) is not on the approved list in ${path(POLICY)}: nobody has reviewed what it runs.`,
    ]);
  });

  it('approves the server in the policy through the light bulb, and its squiggle goes', async () => {
    await editor.openFile(MCP_JSON);
    const rows = await openQuickFixMenu(editor, unapproved(editor, editor.readState()!)[0]!);
    await rows.filter({ hasText: 'Approve server "weather" (add it to the policy)' }).click();

    await editor.waitForState((s) => unapproved(editor, s).length === 0, 20_000, 'the unapproved-server finding to go');
    await waitFor(() => policy().allow.length === 4, `the approval saved in ${POLICY}`);
    assert.deepEqual(policy().allow.at(-1), { name: 'weather', package: WEATHER });
  });

  it('keeps the squiggle when a deny entry names an allowed server: deny wins', async () => {
    writeFileSync(path(POLICY), edit(read(POLICY), ['deny', 0], { package: WEATHER, reason: DENY_REASON }));
    const state = await editor.waitForState((s) => unapproved(editor, s).some((d) => d.severity === 'error'), 20_000, 'the denied server reported as an error');
    assert.deepEqual(unapproved(editor, state).map(where), [
      `unapproved-server 16:5 error Server "weather" (package ${WEATHER}) is denied by ${path(POLICY)} (deny entry 1: ${DENY_REASON}).`,
    ]);
    assert.deepEqual(policy().allow.at(-1), { name: 'weather', package: WEATHER }, 'the allow entry is still there');
    await editor.page.locator('.editor-group-container.active .squiggly-error').first().waitFor({ state: 'attached', timeout: 10_000 });

    const rows = await openQuickFixMenu(editor, unapproved(editor, state)[0]!);
    await rows.filter({ hasText: 'Remove server "weather"' }).waitFor({ state: 'visible', timeout: 10_000 });
    const titles = await rows.allInnerTexts();
    assert.ok(!titles.some((t) => t.includes('Approve server')), `approving a denied server cannot help, yet the menu offers: ${titles.join(' | ')}`);
    await editor.keyboard.press('Escape');
    const policyBefore = read(POLICY);
    assert.equal(await editor.runCommand('mcpWarden.approveInPolicy', { $uri: editor.uri(MCP_JSON) }, 'weather'), false, 'the command refuses too');
    await toastText(editor, 'MCP Warden: "weather" is denied by .vscode/mcp-policy.json; a deny entry wins over any approval.');
    assert.equal(read(POLICY), policyBefore);
    await editor.runCommand('notifications.clearAll');
  });

  it("validates and completes the policy file with the contributed JSON schema (VS Code's own JSON support)", async () => {
    await editor.keyboard.press('Escape');
    const valid = read(POLICY);
    await editor.openFile(POLICY);
    await goTo(editor, 1, 2);
    await editor.keyboard.press('End');
    await editor.keyboard.press('Enter');
    await editor.type('"allowed": [{ "name": "weather" }],');
    await waitForEditorText(editor, (text) => text.startsWith('{\n  "allowed": [{ "name": "weather" }],\n  "version": 1,'));
    const hover = await settledHover(editor, 'warning', 'Property allowed is not allowed.');
    assert.match(hover, /^Property allowed is not allowed\.\n/);
    assert.doesNotMatch(hover, /MCP Warden/, "the message comes from VS Code's JSON support, not from MCP Warden");
    assert.equal(editor.diagnosticsOf(editor.readState()!, POLICY).length, 0, 'MCP Warden reports nothing in the policy file');
    await editor.page
      .locator('.monaco-hover:not(.hidden)')
      .first()
      .evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished))); // faded in
    keepImage(await editor.screenshot('policy-schema'), 'supply-policy-schema');
    await editor.keyboard.press('Escape');

    // Completion from the same schema: the fields a deny entry may still have.
    const reasonLine = valid.split('\n').findIndex((line) => line.includes(`"reason": "${DENY_REASON}"`)) + 2; // 1-based, below the typed line
    await goTo(editor, reasonLine, 1);
    await editor.keyboard.press('End');
    await editor.type(',');
    await editor.keyboard.press('Enter');
    await editor.type('"');
    await editor.keyboard.press('Control+Space');
    const labels = editor.page.locator('.editor-widget.suggest-widget .monaco-list-row .label-name');
    await labels.first().waitFor({ state: 'visible', timeout: 10_000 });
    const offered = (await labels.allInnerTexts()).map((l) => l.replace(/"/g, '').trim()).sort();
    assert.deepEqual(offered, ['client', 'command', 'image', 'name', 'url', 'versions']);
    await editor.keyboard.press('Escape');
    await editor.runCommand('workbench.action.files.revert');
    await editor.page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(read(POLICY), valid);
  });

  it('exports the inventory as Markdown with pin and approval state', async () => {
    // Not editor.palette(): it waits for the palette to close, and this command opens a quick pick right away.
    await editor.keyboard.press('F1');
    const picker = editor.page.locator('.quick-input-widget');
    await picker.locator('.quick-input-box input').fill('>MCP Warden: Export Server Inventory');
    await picker.locator('.monaco-list-row').first().filter({ hasText: 'MCP Warden: Export Server Inventory' }).waitFor({ state: 'visible', timeout: 10_000 });
    await editor.keyboard.press('Enter');
    await picker.locator('.quick-input-box input[placeholder="Inventory format"]').waitFor({ state: 'visible', timeout: 10_000 });
    await picker
      .locator('.monaco-list-row')
      .filter({ hasText: /^Markdown$/ })
      .click();
    await editor.page.waitForFunction(() => document.title.includes('Untitled-1'), undefined, { timeout: 10_000 });
    const text = await waitForEditorText(editor, (t) => t.startsWith('# MCP server inventory') && t.includes('| weather |'));
    const table = markdownTable(text);
    assert.deepEqual(
      table.map((r) => [r.client, r.file, r.server, r.package, r.version, r.pin, r.approval]),
      [
        ['vscode', MCP_JSON, 'github', GITHUB, GITHUB_LATEST, 'exact', 'approved'],
        ['vscode', MCP_JSON, 'memory', '@modelcontextprotocol/server-memory', '2025.4.25', 'exact', 'approved'],
        ['vscode', MCP_JSON, 'notes', NOTES, '', 'none', 'approved'],
        ['vscode', MCP_JSON, 'weather', WEATHER, '1.2.0', 'exact', 'denied'],
      ],
    );
    assert.match(text, /^4 servers\. Risk score: /m);
  });
});

function code(d: WardenDiagnostic): string {
  return d.code?.value ?? '';
}

/** "rule line:column severity message", 1-based like the editor's status bar. */
function where(d: WardenDiagnostic): string {
  return `${code(d)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message}`;
}

function unpinned(editor: Editor, state: WardenState, name: string): WardenDiagnostic | undefined {
  return editor.diagnosticsOf(state, MCP_JSON).find((d) => code(d) === 'unpinned-package' && d.message.startsWith(`"${name}`));
}

function unapproved(editor: Editor, state: WardenState): WardenDiagnostic[] {
  return editor.diagnosticsOf(state, MCP_JSON).filter((d) => code(d) === 'unapproved-server');
}

/** The JSONC text with one value set, formatted like the file (two spaces). */
function edit(text: string, at: (string | number)[], value: unknown): string {
  return applyEdits(text, modify(text, at, value, { formattingOptions: { insertSpaces: true, tabSize: 2 }, isArrayInsertion: typeof at.at(-1) === 'number' }));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function toastText(editor: Editor, containing: string): Promise<string> {
  const toast = editor.page.locator('.notifications-toasts .notification-list-item-message').filter({ hasText: containing }).first();
  await toast.waitFor({ state: 'visible', timeout: 15_000 });
  return (await toast.innerText()).trim();
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

/** Puts the cursor on the finding (Go to Line) and opens the light-bulb menu (Ctrl+.) once the light bulb shows; returns its rows. */
async function openQuickFixMenu(editor: Editor, finding: WardenDiagnostic) {
  await editor.keyboard.press('Control+Home'); // a fresh cursor move, so the light bulb asks for the actions again
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

/** The hover over the first squiggle of `severity`, once the squiggles stop being redrawn after typing. */
async function settledHover(editor: Editor, severity: 'warning' | 'error', containing: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await editor.hoverSquiggle(severity, containing);
    } catch (error) {
      if (attempt === 3) throw error;
      await editor.page.locator(`.editor-group-container.active .squiggly-${severity}`).first().waitFor({ state: 'visible', timeout: 5_000 });
    }
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

/** The rows of the Markdown table as objects keyed by its header (cells unescaped). */
function markdownTable(text: string): Record<string, string>[] {
  const cells = (line: string) =>
    line
      .slice(2, -2)
      .split(/(?<!\\) \| /)
      .map((c) => c.trim().replace(/\\(.)/g, '$1'));
  const lines = text.split('\n').filter((l) => l.startsWith('| '));
  const header = cells(lines[0]!);
  return lines.slice(2).map((line) => Object.fromEntries(cells(line).map((c, i) => [header[i]!, c])));
}
