import assert from 'node:assert/strict';
import { createDecipheriv, createHash, randomInt } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'jsonc-parser';
import { launchEditor, SCREENSHOTS, skipReason, type Editor, type WardenDiagnostic } from './harness';
import { REPO_ROOT } from './support/install';
import { keepImage } from './support/docImages';

/**
 * Issue 3 in a real VS Code (code-server + Chromium): "Move secret to SecretStorage" on a plaintext token through
 * the light bulb, the server still starts with the token, no plaintext copy is left on disk, the other clients get
 * their own reference, Claude Desktop gets none, and the way back (put back, undo) restores the file.
 */

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** A GitHub-format token assembled at run time: random, so any copy found on disk comes from this run. */
const fakeGitHubToken = (): string => 'ghp_' + Array.from({ length: 36 }, () => ALNUM[randomInt(ALNUM.length)]).join('');

const TOKENS = { vscode: fakeGitHubToken(), cursor: fakeGitHubToken(), claudeCode: fakeGitHubToken(), claudeDesktop: fakeGitHubToken() };
const MCP_JSON = '.vscode/mcp.json';
const SERVED_JSON = '.vscode/mcp-warden.json';
const CLAUDE_DESKTOP = '.config/Claude/claude_desktop_config.json';
const MOVE = 'Move secret to SecretStorage';
const EXTENSION_ID = 'mcp-warden.mcp-warden';
const started = Date.now();

type Servers = { servers: Record<string, { env: Record<string, string> }> };

describe('secrets: "Move secret to SecretStorage" in a real VS Code', { skip: skipReason(), timeout: 600_000 }, () => {
  let editor: Editor;
  let record: string;
  let originalMcpJson: string;
  const it = (name: string, body: () => Promise<void>) => test(name, { timeout: 120_000 }, () => editor.step(`secrets-${name.replace(/\W+/g, '-')}`, body));
  const read = (path: string): string => readFileSync(path.startsWith('/') ? path : join(editor.workspace, path), 'utf8');

  before(
    async () => {
      editor = await launchEditor({
        workspace: 'secrets',
        home: 'secrets-home',
        // With AI features disabled, VS Code starts no MCP server; and it must start none by itself.
        settings: { 'chat.disableAIFeatures': false, 'chat.mcp.autostart': 'never' },
      });
      record = join(editor.dirs.root, 'token-record.json');
      fill(join(editor.workspace, MCP_JSON), {
        __NODE__: process.execPath,
        __RECORDER__: join(REPO_ROOT, 'test/lab/servers/token-recorder.mjs'),
        __RECORD__: record,
        __LAB_TOKEN__: TOKENS.vscode,
      });
      fill(join(editor.workspace, '.cursor/mcp.json'), { __CURSOR_TOKEN__: TOKENS.cursor });
      fill(join(editor.workspace, '.mcp.json'), { __CLAUDE_CODE_TOKEN__: TOKENS.claudeCode });
      fill(join(editor.home, CLAUDE_DESKTOP), { __CLAUDE_DESKTOP_TOKEN__: TOKENS.claudeDesktop });
      originalMcpJson = read(MCP_JSON);
    },
    { timeout: 240_000 },
  );

  after(async () => {
    await editor?.close();
  });

  it('moves the VS Code server to MCP Warden through the light-bulb menu', async () => {
    const finding = await secretFinding(editor, MCP_JSON, TOKENS.vscode);
    assert.match(finding.message, /^Plaintext GitHub personal access token in env "LAB_TOKEN" \(ghp_…\)/);
    await editor.openFile(MCP_JSON);
    const menu = await openQuickFixMenu(editor, finding);
    // The title says what the fix does beyond storing the secret (issue 16): the entry moves and MCP Warden serves it.
    const move = menu.filter({ hasText: `${MOVE} (the entry moves to .vscode/mcp-warden.json; MCP Warden serves it to VS Code)` });
    await move.waitFor({ state: 'visible', timeout: 10_000 });
    await editor.screenshot('secrets-quickfix');
    await move.click();

    await toast(editor, 'MCP Warden moved the secret of "recorder" to SecretStorage (recorder.LAB_TOKEN)');
    // Afterwards, in plain words: where the entry is, that the token was in the file (rotate it, at GitHub), and the way back.
    const moved = editor.page.locator('.notification-toast').filter({ hasText: 'MCP Warden moved the secret of "recorder"' }).first();
    const movedText = await moved.innerText();
    assert.match(movedText, /Its entry is now in \.vscode\/mcp-warden\.json\. VS Code now starts "recorder" through MCP Warden/);
    assert.match(movedText, /It was in \.vscode\/mcp\.json, and may be in git history: rotate it at GitHub\./);
    for (const button of ['Rotate at GitHub', 'Open .vscode/mcp-warden.json', 'Put Back'])
      assert.equal(await moved.locator('.monaco-button', { hasText: button }).count(), 1, button);
    await editor.screenshot('secrets-moved-rotate');
    keepImage(join(SCREENSHOTS, 'secrets-moved-rotate.png'), 'secrets-moved-rotate');
    await waitFor(() => !read(MCP_JSON).includes(TOKENS.vscode) && existsSync(join(editor.workspace, SERVED_JSON)), 'both files saved');
    const mcpJson = read(MCP_JSON);
    assert.match(mcpJson, /\n    \/\/ "recorder" is served by MCP Warden from \.vscode\/mcp-warden\.json; its secrets are in SecretStorage\.\n/);
    assert.ok(mcpJson.includes('// The secrets end-to-end test fills'), 'comments kept');
    assert.deepEqual(Object.keys((parse(mcpJson) as Servers).servers), []);
    const original = (parse(originalMcpJson) as Servers).servers.recorder!;
    const served = parse(read(SERVED_JSON)) as Servers;
    assert.deepEqual(served.servers, { recorder: { ...original, env: { ...original.env, LAB_TOKEN: '${secret:recorder.LAB_TOKEN}' } } });
    await editor.waitForState(
      (s) => secretNames(s).includes('recorder.LAB_TOKEN') && editor.diagnosticsOf(s, MCP_JSON).length === 0,
      10_000,
      'the stored name listed and no finding left',
    );
    await editor.screenshot('secrets-moved');
    await editor.runCommand('notifications.clearAll');
  });

  it('VS Code starts the served server, which receives the same token', async () => {
    assert.ok(!existsSync(record), 'nothing started the recorder before the test did');
    // Only the served definition (VS Code also reads the workspace's .mcp.json, Claude Code's file, as its own).
    // The command does nothing while VS Code has not yet taken the provider's new definitions: ask again until it starts.
    const deadline = Date.now() + 30_000;
    while (!existsSync(record)) {
      if (Date.now() > deadline) throw new Error('VS Code did not start the served "recorder" within 30 s');
      await editor.runCommand('workbench.mcp.startServer', `${EXTENSION_ID}/recorder`, { waitForLiveTools: true, autoTrustChanges: true });
      if (!existsSync(record)) await new Promise((done) => setTimeout(done, 500));
    }
    assert.deepEqual(JSON.parse(read(record)), { sha256: createHash('sha256').update(TOKENS.vscode).digest('hex') });
    assert.match(wardenLog(editor), /Starting "recorder" with 1 secret from SecretStorage\./);
  });

  it("replaces the secret with the client's own reference in Cursor and Claude Code configs", async () => {
    const cases = [
      { path: '.cursor/mcp.json', token: TOKENS.cursor, client: 'Cursor', reference: '${env:GITHUB_PERSONAL_ACCESS_TOKEN}' },
      { path: '.mcp.json', token: TOKENS.claudeCode, client: 'Claude Code', reference: '${GITHUB_PERSONAL_ACCESS_TOKEN}' },
    ];
    for (const c of cases) {
      const before = read(c.path);
      const finding = await secretFinding(editor, c.path, c.token);
      await editor.openFile(c.path);
      const menu = await openQuickFixMenu(editor, finding);
      await menu.filter({ hasText: `${MOVE} (${c.client} reads it from an environment variable)` }).click();
      await toast(editor, `MCP Warden replaced the secret with ${c.reference} and kept its value in SecretStorage`);
      await waitFor(() => !read(c.path).includes(c.token), `${c.path} saved without the token`);
      assert.equal(read(c.path), before.replace(c.token, c.reference), `${c.path}: only the token's characters changed`);
      await editor.runCommand('notifications.clearAll');
    }
    const names = secretNames(await editor.waitForState((s) => secretNames(s).length >= 3, 10_000, 'three stored names'));
    assert.deepEqual(names, ['github.GITHUB_PERSONAL_ACCESS_TOKEN', 'github.GITHUB_PERSONAL_ACCESS_TOKEN-2', 'recorder.LAB_TOKEN']);
  });

  it('offers no move for Claude Desktop, which has no way to refer to a secret', async () => {
    await editor.palette('MCP Warden: Scan User-Level MCP Configs on This Machine');
    await editor.runCommand('notifications.clearAll');
    await editor.runCommand('vscode.open', { $uri: editor.homeUri(CLAUDE_DESKTOP) });
    const finding = await secretFinding(editor, editor.homeUri(CLAUDE_DESKTOP), TOKENS.claudeDesktop);
    assert.match(finding.message, /^Plaintext GitHub personal access token in env "GITHUB_PERSONAL_ACCESS_TOKEN" \(ghp_…\)/);
    const menu = await openQuickFixMenu(editor, finding);
    const titles = await menu.allInnerTexts();
    assert.ok(!titles.some((t) => t.includes(MOVE)), `no move offered: ${titles.join(' | ')}`);
    assert.ok(
      titles.some((t) => t.includes('Show documentation for plaintext-secret')),
      `the docs are offered: ${titles.join(' | ')}`,
    );
    await editor.screenshot('secrets-claude-desktop');
    const names = secretNames(editor.readState()!);
    await menu.filter({ hasText: 'Why MCP Warden cannot move this secret (Claude Desktop)' }).click();
    await toast(
      editor,
      'MCP Warden: Claude Desktop cannot refer to a value kept elsewhere in this field, so the secret must stay in the file for the server to work.',
    );
    const why = editor.page.locator('.notification-toast').filter({ hasText: 'Claude Desktop cannot refer' }).first();
    await why.hover();
    await why.locator('.codicon-notifications-expand').click();
    await why.locator('.codicon-notifications-collapse').waitFor({ timeout: 5_000 });
    await editor.screenshot('secrets-claude-desktop-why');
    await editor.runCommand('notifications.clearAll');
    assert.ok(readFileSync(join(editor.home, CLAUDE_DESKTOP), 'utf8').includes(TOKENS.claudeDesktop), 'the file is untouched');
    assert.deepEqual(secretNames(editor.readState()!), names, 'nothing stored');
  });

  it("leaves no plaintext copy of a moved token anywhere on disk; the only copy is MCP Warden's encrypted entry", async () => {
    // Chromium writes localStorage to disk up to a minute after a change, VS Code its state (IndexedDB) a little
    // later too: wait until the current secret store and the list of MCP Warden's names are on disk.
    const sealed = await sealedSecretStore(editor);
    const onDisk = (under: string, text: string) => searchedFiles(editor, `browser-profile/Default/${under}/`).some((f) => f.hit(text));
    await waitFor(
      () => onDisk('Local Storage', sealed) && onDisk('IndexedDB', 'github.GITHUB_PERSONAL_ACCESS_TOKEN-2'),
      'Chromium to write localStorage and IndexedDB to disk',
      90_000,
    );
    const scanned = searchedFiles(editor);
    const found = (text: string) => scanned.filter((f) => f.hit(text)).map((f) => f.name);
    for (const [client, token] of Object.entries({ vscode: TOKENS.vscode, cursor: TOKENS.cursor, claudeCode: TOKENS.claudeCode })) {
      assert.deepEqual(found(token), [], `copies of the ${client} token`);
    }
    // The search finds what is there: the Claude Desktop token (no fix) in its file and nowhere else; the log.
    assert.deepEqual(found(TOKENS.claudeDesktop), [`home/${CLAUDE_DESKTOP}`]);
    assert.match(wardenLog(editor), /Starting "recorder" with 1 secret from SecretStorage\./);
    console.log(`searched ${scanned.length} files`);

    const store = await decryptSecretStore(editor);
    assert.deepEqual(
      Object.entries(store)
        .filter(([, value]) => Object.values(TOKENS).some((t) => value.includes(t)))
        .sort(),
      [
        [JSON.stringify({ extensionId: EXTENSION_ID, key: 'mcp-warden.secret/github.GITHUB_PERSONAL_ACCESS_TOKEN' }), TOKENS.cursor],
        [JSON.stringify({ extensionId: EXTENSION_ID, key: 'mcp-warden.secret/github.GITHUB_PERSONAL_ACCESS_TOKEN-2' }), TOKENS.claudeCode],
        [JSON.stringify({ extensionId: EXTENSION_ID, key: 'mcp-warden.secret/recorder.LAB_TOKEN' }), TOKENS.vscode],
      ].sort(),
    );
  });

  it('one Ctrl+Z in mcp.json restores it and removes the created served file; Ctrl+Y moves the server again', async () => {
    const moved = { mcp: read(MCP_JSON), served: read(SERVED_JSON) };
    await editor.openFile(MCP_JSON);
    await editor.keyboard.press('Control+Z');
    await waitFor(() => !existsSync(join(editor.workspace, SERVED_JSON)), 'the created served file to be removed');
    await editor.keyboard.press('Control+S');
    await waitFor(() => read(MCP_JSON) === originalMcpJson, 'mcp.json saved as it was before the move');
    // Saving plaintext through VS Code leaves a copy in its Local History (documented in docs/rules/plaintext-secret.md).
    await waitFor(
      () => filesUnder(join(editor.dirs.userData, 'User/History')).some((f) => readFileSync(f, 'utf8').includes(TOKENS.vscode)),
      'Local History to keep the saved plaintext',
    );
    await editor.keyboard.press('Control+Y');
    await waitFor(() => existsSync(join(editor.workspace, SERVED_JSON)), 'the served file to be created again');
    await editor.keyboard.press('Control+S');
    await waitFor(() => read(MCP_JSON) === moved.mcp && read(SERVED_JSON) === moved.served, 'both files as after the move');
    await editor.waitForState((s) => editor.diagnosticsOf(s, MCP_JSON).length === 0, 10_000, 'no finding in mcp.json');
  });

  it('puts the server back into mcp.json, in plaintext, after a warning', async () => {
    await editor.openFile(SERVED_JSON);
    const line = read(SERVED_JSON)
      .split('\n')
      .findIndex((l) => l.includes('"recorder"'));
    await goTo(editor, line + 1, 6);
    await editor.keyboard.press('Control+.');
    await editor.page
      .locator('.action-widget .monaco-list-row')
      .filter({ hasText: 'Put the secrets of "recorder" back into .vscode/mcp.json (plaintext)' })
      .click();
    const dialog = editor.page.locator('.monaco-dialog-box').filter({ hasText: 'Put the secrets of "recorder" back into .vscode/mcp.json in plaintext?' });
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    await editor.screenshot('secrets-put-back');
    await dialog.getByRole('button', { name: 'Put Back in Plaintext' }).click();
    await waitFor(() => read(MCP_JSON).includes(TOKENS.vscode) && !read(SERVED_JSON).includes('"recorder"'), 'both files saved');
    assert.deepEqual((parse(read(MCP_JSON)) as Servers).servers, (parse(originalMcpJson) as Servers).servers);
    assert.ok(!read(MCP_JSON).includes('is served by MCP Warden'), 'the note is gone from mcp.json');
    assert.ok(!read(SERVED_JSON).includes('is served by MCP Warden'), 'and no note is left in the served file');
    assert.match(read(SERVED_JSON), /\n  "servers": \{\n  \}\n\}\n$/);
  });

  it('moving into an existing served file is undone in both files by one Ctrl+Z', async () => {
    const before = { mcp: read(MCP_JSON), served: read(SERVED_JSON) };
    const finding = await secretFinding(editor, MCP_JSON, TOKENS.vscode);
    await editor.openFile(MCP_JSON);
    await (await openQuickFixMenu(editor, finding)).filter({ hasText: MOVE }).first().click();
    await waitFor(() => !read(MCP_JSON).includes(TOKENS.vscode) && read(SERVED_JSON).includes('"recorder"'), 'the move saved');
    await editor.runCommand('notifications.clearAll');
    await editor.keyboard.press('Control+Z');
    await editor.runCommand('workbench.action.files.saveAll');
    await waitFor(() => read(MCP_JSON) === before.mcp && read(SERVED_JSON) === before.served, 'both files as before the move');
  });
});

function fill(path: string, values: Record<string, string>): void {
  writeFileSync(
    path,
    Object.entries(values).reduce((text, [key, value]) => text.split(key).join(value), readFileSync(path, 'utf8')),
  );
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

function secretNames(state: { extra: Record<string, unknown> }): string[] {
  return (state.extra.secretNames as string[] | undefined) ?? [];
}

/** Waits for a notification holding `text` and for it to stop sliding in. */
async function toast(editor: Editor, text: string): Promise<void> {
  const toastBox = editor.page.locator('.notification-toast').filter({ hasText: text }).first();
  await toastBox.waitFor({ state: 'visible', timeout: 15_000 });
  let last = '';
  for (let settled = 0; settled < 2;) {
    const box = JSON.stringify(await toastBox.boundingBox());
    settled = box === last ? settled + 1 : 0;
    last = box;
    await editor.page.waitForTimeout(100);
  }
}

/** The plaintext-secret finding on the token (the test wrote it into the file after launch: waits for the re-lint). */
async function secretFinding(editor: Editor, path: string, token: string): Promise<WardenDiagnostic> {
  const masked = `(${token.slice(0, 4)}…)`;
  const state = await editor.waitForState(
    (s) => editor.diagnosticsOf(s, path).some((d) => d.code?.value === 'plaintext-secret' && d.message.includes(masked)),
    30_000,
    `a plaintext-secret finding in ${path}`,
  );
  const finding = editor.diagnosticsOf(state, path).find((d) => d.code?.value === 'plaintext-secret')!;
  assert.ok(!finding.message.includes(token.slice(4, 12)), 'the message masks the token');
  return finding;
}

async function goTo(editor: Editor, line: number, column: number): Promise<void> {
  await editor.keyboard.press('Control+G');
  await editor.type(`${line}:${column}`);
  await editor.keyboard.press('Enter');
}

/** Puts the cursor on the finding (Go to Line) and opens the light-bulb menu (Ctrl+.) once the light bulb shows; returns its rows. */
async function openQuickFixMenu(editor: Editor, finding: WardenDiagnostic) {
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

function wardenLog(editor: Editor): string {
  const logs = filesUnder(join(editor.dirs.userData, 'logs')).filter((f) => f.endsWith(`/${EXTENSION_ID}/MCP Warden.log`));
  assert.equal(logs.length, 1, `MCP Warden's log file: ${logs.join(', ')}`);
  return readFileSync(logs[0]!, 'utf8');
}

function filesUnder(dir: string, newerThan = 0): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      const stat = lstatSync(path);
      if (stat.isDirectory()) out.push(...filesUnder(path, newerThan));
      else if (stat.isFile() && stat.mtimeMs >= newerThan) out.push(path);
    } catch {
      // vanished meanwhile
    }
  }
  return out;
}

/** Encodings a copy could hide in: UTF-8 (SQLite, LevelDB, logs), UTF-16LE (Chromium's localStorage), base64 at any alignment. */
function needles(text: string): Buffer[] {
  const utf8 = Buffer.from(text, 'utf8');
  const forms = [utf8, Buffer.from(text, 'utf16le')];
  for (let skip = 0; skip < 3; skip++) {
    const b64 = utf8.subarray(skip).toString('base64');
    forms.push(
      Buffer.from(b64.slice(0, b64.length - 4)),
      Buffer.from(
        utf8
          .subarray(skip)
          .toString('base64url')
          .slice(0, b64.length - 4),
      ),
    );
  }
  return forms;
}

/**
 * Every file of the session (workspace, HOME, code-server's user data and extensions, Chromium's profile and HOME,
 * logs, hooks) and every file in the temp folder written since the test began, as raw bytes.
 */
function searchedFiles(editor: Editor, under = ''): { name: string; hit(text: string): boolean }[] {
  const root = editor.dirs.root;
  const paths = under ? filesUnder(join(root, under)) : [...filesUnder(root), ...filesUnder(tmpdir(), started).filter((p) => !p.startsWith(`${root}/`))];
  return paths.flatMap((path) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return [];
    }
    const name = path.startsWith(`${root}/`) ? relative(root, path) : path;
    return [{ name, hit: (text: string) => needles(text).some((n) => bytes.includes(n)) }];
  });
}

async function sealedSecretStore(editor: Editor): Promise<string> {
  const sealed = await editor.page.evaluate(() => localStorage.getItem('secrets.provider'));
  assert.ok(sealed, 'code-server keeps SecretStorage in localStorage "secrets.provider"');
  return sealed;
}

/**
 * code-server's SecretStorage: VS Code's web `LocalStorageSecretStorageProvider` keeps all secrets as one AES-256-GCM
 * sealed JSON record in the browser's localStorage (`secrets.provider`). The key is a random client half (stored
 * in front of the ciphertext) XOR a server half that code-server mints into `<user-data-dir>/serve-web-key-half`.
 */
async function decryptSecretStore(editor: Editor): Promise<Record<string, string>> {
  const blob = Buffer.from(await sealedSecretStore(editor), 'base64');
  const serverHalf = readFileSync(join(editor.dirs.userData, 'serve-web-key-half'));
  const key = Buffer.from(blob.subarray(0, 32).map((byte, i) => byte ^ serverHalf[i]!));
  const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(32, 44));
  decipher.setAuthTag(blob.subarray(blob.length - 16));
  const plain = Buffer.concat([decipher.update(blob.subarray(44, blob.length - 16)), decipher.final()]).toString('utf8');
  return JSON.parse(plain) as Record<string, string>;
}
