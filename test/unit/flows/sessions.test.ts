import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { createProject } from '../../../src/core/engine/project';
import { findToxicFlows } from '../../../src/core/flows/flows';
import { DEFAULT_FLOW_OPTIONS } from '../../../src/core/flows/options';
import { buildSessions, serverKey, workspaceRootOf } from '../../../src/core/flows/sessions';
import { hasCapability } from '../../../src/core/flows/types';
import type { ServerSnapshot } from '../../../src/core/model/tool';

const load = (path: string, value: object, scope?: 'user' | 'workspace' | 'managed') =>
  loadConfigText(JSON.stringify(value, null, 2), scope ? { path, scope } : { path });
const npx = (pkg: string) => ({ command: 'npx', args: ['-y', pkg] });
const names = (s: { servers: { name: string }[] }) => s.servers.map((x) => x.name).sort();

test("a session per client and workspace, with that client's user configs", () => {
  const project = createProject(
    [
      load('/p/.cursor/mcp.json', { mcpServers: { fs: npx('@modelcontextprotocol/server-filesystem') } }),
      load('/h/.cursor/mcp.json', { mcpServers: { memory: npx('@modelcontextprotocol/server-memory') } }, 'user'),
      load('/p/.vscode/mcp.json', { servers: { fetch: { command: 'uvx', args: ['mcp-server-fetch'] } } }),
    ],
    ['/p'],
  );
  const sessions = buildSessions(project, { builtinTools: false });
  assert.deepEqual(
    sessions.map((s) => [s.client, s.root, names(s)]),
    [
      ['cursor', '/p', ['fs', 'memory']],
      ['vscode', '/p', ['fetch']],
    ],
  );
});

test('user configs alone form a session without a root; generic files stand alone', () => {
  const project = createProject([
    load('/h/.codeium/windsurf/mcp_config.json', { mcpServers: { a: npx('@modelcontextprotocol/server-memory') } }, 'user'),
    loadConfigText('{"mcpServers": {"b": {"command": "x"}}}', { path: '/tmp/some.json' }),
  ]);
  const sessions = buildSessions(project, { builtinTools: false });
  assert.deepEqual(sessions.map((s) => [s.client, s.root, names(s)]).sort(), [
    ['generic', undefined, ['b']],
    ['windsurf', undefined, ['a']],
  ]);
});

test('workspace root: the folder a client opens to load the file, whatever folder was scanned', () => {
  const file = load('/work/app/.vscode/mcp.json', { servers: {} });
  assert.equal(workspaceRootOf(file, []), '/work/app');
  assert.equal(workspaceRootOf(file, ['/work']), '/work/app');
});

test("servers MCP Warden serves to VS Code are in VS Code's session of that folder", () => {
  const project = createProject(
    [
      load('/p/.vscode/mcp.json', { servers: { fetch: { command: 'uvx', args: ['mcp-server-fetch'] } } }),
      load('/p/.vscode/mcp-warden.json', {
        servers: { github: { type: 'http', url: 'https://api.githubcopilot.com/mcp/', headers: { Authorization: 'Bearer ${secret:gh}' } } },
      }),
      load('/h/.config/Code/User/mcp.json', { servers: { memory: npx('@modelcontextprotocol/server-memory') } }, 'user'),
    ],
    ['/p'],
  );
  const sessions = buildSessions(project, { builtinTools: false });
  assert.deepEqual(
    sessions.map((s) => [s.client, s.clientName, s.root, names(s)]),
    [['vscode', 'VS Code', '/p', ['fetch', 'github', 'memory']]],
  );
});

test('files no client loads with others are sessions of their own: samples, docs, unknown places', () => {
  const project = createProject(
    [
      load('/p/.mcp.json', { mcpServers: { fs: npx('@modelcontextprotocol/server-filesystem') } }),
      load('/p/examples/claude_desktop_config.json', { mcpServers: { a: npx('x-a') } }),
      load('/p/docs/mcp.json', { servers: { b: npx('x-b') } }),
      load('/p/samples/.mcp.json', { mcpServers: { c: npx('x-c') } }),
      load('/h/Library/Application Support/Claude/claude_desktop_config.json', { mcpServers: { d: npx('x-d') } }),
      load('/h/.config/Claude/claude_desktop_config.json', { mcpServers: { e: npx('x-e') } }),
    ],
    ['/p'],
  );
  const sessions = buildSessions(project, { builtinTools: false });
  assert.deepEqual(sessions.map((s) => [s.id, names(s)]).sort(), [
    ['claude-code@/p', ['fs']],
    ['claude-code@/p/samples', ['c']],
    ['claude-desktop', ['d', 'e']],
    ['claude-desktop:/p/examples/claude_desktop_config.json', ['a']],
    ['vscode:/p/docs/mcp.json', ['b']],
  ]);
});

test('a name defined in two scopes loads once: local over project over user (Claude Code)', () => {
  const project = createProject(
    [
      load('/p/.mcp.json', { mcpServers: { gh: npx('@modelcontextprotocol/server-github') } }),
      load(
        '/h/.claude.json',
        {
          mcpServers: { gh: npx('@modelcontextprotocol/server-memory') },
          projects: { '/p': { mcpServers: { gh: npx('@modelcontextprotocol/server-filesystem') } } },
        },
        'user',
      ),
    ],
    ['/p'],
  );
  const [session] = buildSessions(project, { builtinTools: false });
  assert.equal(session!.servers.length, 1);
  assert.equal(session!.servers[0]!.catalog?.id, 'filesystem');
});

test('Claude Code managed config is exclusive', () => {
  const project = createProject([
    load('/p/.mcp.json', { mcpServers: { gh: npx('@modelcontextprotocol/server-github') } }),
    load('/etc/claude-code/managed-mcp.json', { mcpServers: { mem: npx('@modelcontextprotocol/server-memory') } }, 'managed'),
  ]);
  assert.deepEqual(buildSessions(project, { builtinTools: false }).map(names), [['mem']]);
});

test('disabled servers, Gemini mcp.excluded and mcp.allowed are left out', () => {
  const project = createProject([
    load('/p/.gemini/settings.json', { mcpServers: { a: npx('x-a'), b: npx('x-b'), c: npx('x-c') }, mcp: { excluded: ['b'] } }),
    load('/h/.gemini/settings.json', { mcpServers: { d: npx('x-d') }, mcp: { allowed: ['a', 'b', 'd'] } }, 'user'),
    load('/p/.roo/mcp.json', { mcpServers: { e: { ...npx('x-e'), disabled: true }, f: npx('x-f') } }),
  ]);
  const sessions = buildSessions(project, { builtinTools: false });
  assert.deepEqual(sessions.map(names), [['a', 'd'], ['f']]);
});

test("Claude Code's settings files leave out the project servers they reject, and join the folder's session", () => {
  const project = createProject(
    [
      load('/p/.mcp.json', {
        mcpServers: { gh: npx('@modelcontextprotocol/server-github'), 'my.fetch': npx('x-fetch'), mem: npx('x-mem'), asked: npx('x-asked') },
      }),
      load('/p/.claude/settings.json', { disabledMcpjsonServers: ['gh'], enabledMcpjsonServers: ['gh', 'mem'] }),
      load('/p/.claude/settings.local.json', { disabledMcpjsonServers: ['my_fetch'] }),
      load('/h/.claude/settings.json', { disabledMcpjsonServers: ['mem'] }, 'user'),
      load('/q/.claude/settings.json', { disabledMcpjsonServers: ['asked'] }),
      load('/h/.claude.json', { mcpServers: { gh: npx('x-user-gh') } }, 'user'),
    ],
    ['/p', '/q'],
  );
  const sessions = buildSessions(project, { builtinTools: false });
  // The user's own gh (user scope) is not a project server: the lists do not govern it, and it loads in place of the rejected one.
  assert.deepEqual(
    sessions.map((s) => [s.client, s.root, names(s)]),
    [
      ['claude-code', '/p', ['asked', 'gh']],
      ['claude-code', '/q', ['gh']],
    ],
  );
  assert.equal(sessions[0]!.servers.find((x) => x.name === 'gh')!.file!.path, '/h/.claude.json');
  assert.ok(sessions[0]!.files.some((f) => f.path === '/p/.claude/settings.json'));
});

test("a multi-root VS Code window is one session: every folder's .vscode/mcp.json and the workspace file's settings.mcp", () => {
  const files = [
    load('/a/.vscode/mcp.json', { servers: { github: { type: 'http', url: 'https://api.githubcopilot.com/mcp/' } } }),
    load('/b/.vscode/mcp.json', { servers: { fetch: { command: 'uvx', args: ['mcp-server-fetch'] } } }),
    load('/b/.vscode/mcp-warden.json', { servers: { served: npx('x-served') } }),
    load('/c/.vscode/mcp.json', { servers: { other: npx('x-other') } }),
    load('/w/team.code-workspace', {
      folders: [{ path: '../a' }, { path: '/b' }],
      settings: { mcp: { servers: { memory: npx('@modelcontextprotocol/server-memory') } } },
    }),
    load('/h/.config/Code/User/mcp.json', { servers: { user: npx('x-user') } }, 'user'),
  ];
  // The editor: a window over /a and /b opened from /w/team.code-workspace (/c is another window's folder).
  const windowed = createProject(files, ['/a', '/b', '/c']);
  windowed.window = { folders: ['/a', '/b'], workspaceFile: '/w/team.code-workspace' };
  assert.deepEqual(
    buildSessions(windowed, { builtinTools: false }).map((s) => [s.id, s.root, names(s)]),
    [
      ['vscode@window:/w/team.code-workspace', '/a', ['fetch', 'github', 'memory', 'served', 'user']],
      ['vscode@/c', '/c', ['other', 'user']],
    ],
  );
  // `scan /a /b`: folders named side by side are not one window; the workspace file nobody opened stands alone.
  assert.deepEqual(
    buildSessions(createProject(files, ['/a', '/b', '/c']), { builtinTools: false }).map((s) => [s.id, names(s)]),
    [
      ['vscode:/w/team.code-workspace', ['memory']],
      ['vscode@/a', ['github', 'user']],
      ['vscode@/b', ['fetch', 'served', 'user']],
      ['vscode@/c', ['other', 'user']],
    ],
  );
});

test('a flow across the folders of one window is found only when they are one window', () => {
  const files = [
    load('/a/.vscode/mcp.json', { servers: { fs: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.7.1', '/a'] } } }),
    load('/b/.vscode/mcp.json', { servers: { fetch: { command: 'uvx', args: ['mcp-server-fetch==2025.4.7'] } } }),
  ];
  const apart = createProject(files, ['/a', '/b']);
  const together = createProject(files, ['/a', '/b']);
  together.window = { folders: ['/a', '/b'] };
  const flowsOf = (p: typeof apart) => buildSessions(p, { builtinTools: false }).flatMap((s) => findToxicFlows(s, DEFAULT_FLOW_OPTIONS));
  assert.equal(flowsOf(apart).length, 0);
  const flows = flowsOf(together);
  assert.ok(flows.length > 0);
  assert.ok(flows.every((f) => f.session.id === 'vscode@window:/a,/b'));
});

test('tool filters hide tools from the session', () => {
  const project = createProject([
    load('/p/.gemini/settings.json', {
      mcpServers: { gh: { ...npx('@modelcontextprotocol/server-github'), includeTools: ['get_issue', 'create_issue'], excludeTools: ['create_issue'] } },
    }),
  ]);
  const [session] = buildSessions(project, { builtinTools: false });
  assert.deepEqual(
    session!.servers[0]!.tools.map((t) => t.tool),
    ['get_issue'],
  );
  assert.ok(session!.servers[0]!.hiddenTools.includes('create_issue'));
});

test('built-in tools join as a pseudo-server, and count only when asked', () => {
  const project = createProject([load('/p/.vscode/mcp.json', { servers: { fs: npx('@modelcontextprotocol/server-filesystem') } })]);
  const [withBuiltins] = buildSessions(project);
  const builtin = withBuiltins!.servers.find((s) => s.origin === 'builtin')!;
  assert.equal(builtin.name, 'VS Code built-in');
  assert.ok(builtin.tools.some((t) => t.tool === 'fetch' && hasCapability(t, 'untrusted-content')));
  assert.deepEqual(findToxicFlows(withBuiltins!, DEFAULT_FLOW_OPTIONS), []);
  const counted = findToxicFlows(withBuiltins!, { ...DEFAULT_FLOW_OPTIONS, builtinTools: true });
  assert.deepEqual(
    counted.map((f) => [f.kind, f.servers.map((s) => s.name)]),
    [
      ['data-leak', ['fs', 'VS Code built-in']],
      ['destructive', ['fs', 'VS Code built-in']],
    ],
  );
});

test('built-in tools alone never make a flow', () => {
  const project = createProject([load('/p/.vscode/mcp.json', { servers: { time: { command: 'uvx', args: ['mcp-server-time'] } } })]);
  const [session] = buildSessions(project);
  assert.deepEqual(findToxicFlows(session!, { ...DEFAULT_FLOW_OPTIONS, builtinTools: true }), []);
});

test('a live snapshot replaces the catalog guess', () => {
  const file = load('/p/.cursor/mcp.json', { mcpServers: { gh: npx('@modelcontextprotocol/server-github'), custom: { command: 'node', args: ['srv.js'] } } });
  const project = createProject([file]);
  const staticSession = buildSessions(project, { builtinTools: false })[0]!;
  assert.equal(findToxicFlows(staticSession, DEFAULT_FLOW_OPTIONS).length, 2);
  const live = new Map<string, ServerSnapshot>([
    [serverKey(file.servers[0]!), { server: 'gh', tools: [{ name: 'get_issue' }, { name: 'get_me' }], prompts: [], resources: [], resourceTemplates: [] }],
    [
      serverKey(file.servers[1]!),
      {
        server: 'custom',
        tools: [{ name: 'post_webhook', inputSchema: { properties: { url: {}, body: {} } } }],
        prompts: [],
        resources: [],
        resourceTemplates: [],
      },
    ],
  ]);
  const liveSession = buildSessions(project, { builtinTools: false, live })[0]!;
  assert.deepEqual(
    liveSession.servers.map((s) => [s.name, s.origin, s.tools.map((t) => t.tool)]),
    [
      ['gh', 'live', ['get_issue', 'get_me']],
      ['custom', 'live', ['post_webhook']],
    ],
  );
  const flows = findToxicFlows(liveSession, DEFAULT_FLOW_OPTIONS);
  assert.deepEqual(
    flows.map((f) => [f.kind, f.servers.map((s) => s.name)]),
    [['data-leak', ['gh', 'custom']]],
  );
});

test('live definitions of unknown servers (the lab trifecta) are classified from annotations, names, schemas and descriptions', () => {
  const file = load('/lab/.mcp.json', {
    mcpServers: { fetcher: { command: 'node', args: ['f.mjs'] }, vault: { command: 'node', args: ['v.mjs'] }, out: { command: 'node', args: ['o.mjs'] } },
  });
  const snap = (server: string, tools: ServerSnapshot['tools']): ServerSnapshot => ({ server, tools, prompts: [], resources: [], resourceTemplates: [] });
  const live = new Map<string, ServerSnapshot>([
    [
      serverKey(file.servers[0]!),
      snap('fetcher', [
        {
          name: 'fetch_url',
          description: 'Fetches a web page and returns its text.',
          inputSchema: { properties: { url: {} } },
          annotations: { readOnlyHint: true, openWorldHint: true },
        },
      ]),
    ],
    [
      serverKey(file.servers[1]!),
      snap('vault', [
        {
          name: 'read_private_notes',
          description: "Reads the user's private notes, including saved passwords.",
          annotations: { readOnlyHint: true, openWorldHint: false },
        },
      ]),
    ],
    [
      serverKey(file.servers[2]!),
      snap('out', [
        {
          name: 'send_message',
          description: 'Sends a chat message to any recipient.',
          inputSchema: { properties: { to: {}, text: {} } },
          annotations: { openWorldHint: true, destructiveHint: false },
        },
      ]),
    ],
  ]);
  const [session] = buildSessions(createProject([file]), { live, builtinTools: false });
  const flows = findToxicFlows(session!, DEFAULT_FLOW_OPTIONS);
  assert.deepEqual(
    flows.map((f) => [f.kind, f.servers.map((s) => s.name)]),
    [['data-leak', ['fetcher', 'vault', 'out']]],
  );
  const fetch = session!.servers[0]!.tools[0]!;
  assert.ok(!hasCapability(fetch, 'outbound'), 'read-only fetch: the weak query-string signal is halved by the claim');
});

test('a well-known server outside the curated catalog is judged from its recorded listing, not its name', () => {
  const project = createProject([load('/p/.cursor/mcp.json', { mcpServers: { 'my-shell': npx('mongodb-mcp-server') } })]);
  const [session] = buildSessions(project, { builtinTools: false });
  const server = session!.servers[0]!;
  assert.equal(server.origin, 'listing');
  assert.ok(
    server.tools.some((t) => t.tool === 'find'),
    server.tools.map((t) => t.tool).join(', '),
  );
  assert.ok(!server.tools.some((t) => t.guessed), 'no guess from the name "my-shell"');
});
