// The live side's share of the one meaning of "disabled" (src/core/config/notLoaded.ts): Connect All, the Servers
// view's row and `mcp-warden inspect` ask the rules' `disabledBy`, so they leave out what the rules treat as disabled
// (Claude Code's `disabledMcpjsonServers`, Gemini CLI's `mcp.excluded`, a server's own flag) and say why.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runInspect } from '../../../src/cli/inspect';
import { loadConfigText } from '../../../src/core/config/load';
import { plainReason, serversNotLoaded, whyNotLoaded } from '../../../src/core/config/notLoaded';
import { createProject } from '../../../src/core/engine/project';
import { skippedMessage, splitByLoad } from '../../../src/extension/live/skippedServers';
import { capturedIo as io, LAB_SERVERS, noTty, pidFile, tempDir } from './lab';

const load = (path: string, value: unknown) => loadConfigText(JSON.stringify(value), { path });

test('whyNotLoaded and serversNotLoaded give the rules’ answer for each kind of list, and nothing for a server that loads', () => {
  const mcpJson = load('/p/.mcp.json', { mcpServers: { github: { command: 'npx' }, fetch: { command: 'uvx' } } });
  const settings = load('/p/.claude/settings.local.json', { disabledMcpjsonServers: ['github'] });
  const gemini = load('/p/.gemini/settings.json', { mcp: { excluded: ['web'] }, mcpServers: { web: { command: 'x' }, docs: { command: 'y' } } });
  const cline = load('/p/.roo/mcp.json', { mcpServers: { off: { command: 'z', disabled: true } } });
  const files = [mcpJson, settings, gemini, cline];
  const project = createProject(files, ['/p']);
  const [github, fetch] = mcpJson.servers;
  assert.equal(whyNotLoaded(github!, files, project), '`disabledMcpjsonServers` in .claude/settings.local.json');
  assert.equal(whyNotLoaded(fetch!, files, project), undefined);
  assert.deepEqual(
    [...serversNotLoaded(files, project)].map(([s, why]) => [s.name, why]),
    [
      ['github', '`disabledMcpjsonServers` in .claude/settings.local.json'],
      ['web', 'listed in `mcp.excluded`'],
      ['off', '`disabled: true`'],
    ],
  );
  // Without the settings file, nothing rejects the .mcp.json server.
  const alone = [mcpJson];
  assert.equal(whyNotLoaded(github!, alone, createProject(alone, ['/p'])), undefined);
  assert.equal(plainReason('`disabledMcpjsonServers` in .claude/settings.local.json'), 'disabledMcpjsonServers in .claude/settings.local.json');
});

test('Connect All leaves out the servers a client would not load, and says which and why', () => {
  const mcpJson = load('/p/.mcp.json', { mcpServers: { github: { command: 'npx' }, fetch: { command: 'uvx' } } });
  const files = [mcpJson, load('/p/.claude/settings.json', { disabledMcpjsonServers: ['github'] })];
  const project = createProject(files, ['/p']);
  const { toConnect, skipped } = splitByLoad(mcpJson.servers, (s) => whyNotLoaded(s, files, project));
  assert.deepEqual(
    toConnect.map((s) => s.name),
    ['fetch'],
  );
  assert.equal(
    skippedMessage(skipped),
    'MCP Warden did not connect "github": Claude Code would not load it (disabledMcpjsonServers in .claude/settings.json). Connect it from its row to inspect it anyway.',
  );
  const many = load('/q/.roo/mcp.json', {
    mcpServers: Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => [n, { command: 'x', disabled: true }])),
  });
  const all = splitByLoad(many.servers, (s) => whyNotLoaded(s, [many], createProject([many])));
  assert.deepEqual(all.toConnect, []);
  assert.equal(
    skippedMessage(all.skipped),
    'MCP Warden did not connect 7 servers their clients would not load: "a" (disabled: true), "b" (disabled: true), "c" (disabled: true), "d" (disabled: true), "e" (disabled: true), 2 more. Connect one from its row to inspect it anyway.',
  );
});

/** A folder with a `.mcp.json` of two lab servers, and Claude Code's local settings rejecting one of them. */
function claudeProject(): { dir: string; pids: ReturnType<typeof pidFile> } {
  const dir = tempDir();
  const pids = pidFile();
  const node = (script: string) => ({ command: process.execPath, args: [join(LAB_SERVERS, script)], env: { LAB_PID_FILE: pids.path } });
  writeFileSync(join(dir, '.mcp.json'), JSON.stringify({ mcpServers: { notes: node('notes.mjs'), rejected: node('notes.mjs') } }));
  mkdirSync(join(dir, '.claude'));
  writeFileSync(join(dir, '.claude', 'settings.local.json'), JSON.stringify({ disabledMcpjsonServers: ['rejected'] }));
  return { dir, pids };
}

test('inspect skips a server Claude Code’s settings reject and says why; --server names it and it starts', async () => {
  const { dir, pids } = claudeProject();
  const all = io(dir);
  assert.equal(await runInspect(['--no-user', '--yes', '--format', 'json'], all.cli, noTty), 0, all.out.stderr);
  const servers = JSON.parse(all.out.stdout).servers as { name: string; status: string; skipped?: string; disabledBy?: string }[];
  assert.deepEqual(
    servers.map((s) => [s.name, s.status, s.disabledBy]),
    [
      ['notes', 'connected', undefined],
      ['rejected', 'skipped', 'disabledMcpjsonServers in .claude/settings.local.json'],
    ],
  );
  assert.equal(pids.pids().length, 1, 'only the loaded server ran');

  const text = io(dir);
  assert.equal(await runInspect(['--no-user', '--yes'], text.cli, noTty), 0);
  assert.match(
    text.out.stdout,
    /^rejected {2}\(Claude Code, \.mcp\.json\)\n {2}skipped: disabled \(disabledMcpjsonServers in \.claude\/settings\.local\.json\)$/m,
  );
  assert.match(text.out.stdout, /2 servers: 1 connected, 0 failed, 1 skipped/);

  const named = io(dir);
  assert.equal(await runInspect(['--no-user', '--yes', '--format', 'json', '--server', 'rejected'], named.cli, noTty), 0);
  assert.deepEqual(
    JSON.parse(named.out.stdout).servers.map((s: { name: string; status: string }) => [s.name, s.status]),
    [['rejected', 'connected']],
  );
  assert.match(named.out.stderr, /"rejected" is disabled \(disabledMcpjsonServers in \.claude\/settings\.local\.json\); starting it because --server names it/);

  const included = io(dir);
  assert.equal(await runInspect(['--no-user', '--yes', '--format', 'json', '--include-disabled'], included.cli, noTty), 0);
  assert.deepEqual(
    JSON.parse(included.out.stdout).servers.map((s: { status: string }) => s.status),
    ['connected', 'connected'],
  );
});

test('inspect with nothing but rejected servers says they were skipped and how to start one (exit 2)', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, '.mcp.json'), JSON.stringify({ mcpServers: { rejected: { command: process.execPath, args: [join(LAB_SERVERS, 'notes.mjs')] } } }));
  mkdirSync(join(dir, '.claude'));
  writeFileSync(join(dir, '.claude', 'settings.json'), JSON.stringify({ disabledMcpjsonServers: ['rejected'] }));
  const { cli, out } = io(dir);
  assert.equal(await runInspect(['--no-user', '--yes'], cli, noTty), 2);
  assert.equal(
    out.stderr,
    'mcp-warden: no MCP server to inspect in the configs read; 1 disabled server skipped (name one with --server, or --include-disabled)\n',
  );
});
