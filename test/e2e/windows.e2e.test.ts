import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchEditor, skipReason, type Editor, type WardenState } from './harness';

/**
 * Issue 14 in a real VS Code: a multi-root window (team.code-workspace over folders a and b) is one session.
 * The filesystem server of a, the fetch server of b and the memory server in the workspace file's
 * `settings.mcp` are loaded together, so the flow through them is found; and Claude Code's
 * `.claude/settings.local.json` in folder a rejects that folder's `.mcp.json` server, which is then reported as
 * disabled, naming the setting.
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
});

interface TreeRow {
  label: string;
  description: string;
  children: TreeRow[];
}

function toxic(editor: Editor, state: WardenState, file: string) {
  return editor.diagnosticsOf(state, file).filter((d) => d.code?.value === 'toxic-flow');
}

function sessionsOf(state: WardenState): TreeRow[] {
  return (state.extra.sessions as TreeRow[] | undefined) ?? [];
}
