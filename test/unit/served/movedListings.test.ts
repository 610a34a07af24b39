// After "Move secret to SecretStorage", the moved server keeps its live listing in the Sessions analysis.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { createProject } from '../../../src/core/engine/project';
import { buildSessions, serverKey } from '../../../src/core/flows/sessions';
import type { ServerSnapshot } from '../../../src/core/model/tool';
import { withMovedListings } from '../../../src/core/served/movedListings';
import { planMoveToWarden } from '../../../src/core/served/moveServer';
import { applyEdits } from '../helpers/ruleTester';

const TOKEN = ['ghp', 'FAKE0000example0000FAKE0000example00'].join('_');
const SOURCE = JSON.stringify(
  {
    servers: {
      github: { command: 'npx', args: ['-y', 'some-unknown-gh-server@1.0.0'], env: { GITHUB_TOKEN: TOKEN } },
      fetch: { command: 'uvx', args: ['mcp-server-fetch'] },
    },
  },
  null,
  2,
);

/** A listing no catalog could guess: two tools with made-up names. */
const LISTING: ServerSnapshot = {
  server: 'github',
  tools: [
    { name: 'zz_list_widgets', description: 'Lists the private repositories of the user.', inputSchema: { type: 'object' } },
    { name: 'zz_frobnicate', description: 'Deletes a repository.', inputSchema: { type: 'object' } },
  ],
  prompts: [],
  resources: [],
  resourceTemplates: [],
};

function move() {
  const before = loadConfigText(SOURCE, { path: '/w/.vscode/mcp.json' });
  const github = before.servers.find((s) => s.name === 'github')!;
  const plan = planMoveToWarden(before, github, [{ value: TOKEN, name: 'github.GITHUB_TOKEN' }], undefined);
  assert.ok(plan.ok);
  const after = [
    loadConfigText(applyEdits(SOURCE, [plan.sourceEdit]), { path: '/w/.vscode/mcp.json' }),
    loadConfigText(plan.wardenText, { path: '/w/.vscode/mcp-warden.json' }),
  ];
  return { oldKey: serverKey(github), after };
}

const originOf = (files: ReturnType<typeof move>['after'], live: ReadonlyMap<string, ServerSnapshot>) => {
  const session = buildSessions(createProject(files, ['/w']), { builtinTools: false, live })[0]!;
  const server = session.servers.find((s) => s.name === 'github')!;
  return { origin: server.origin, tools: server.tools.map((t) => t.tool).sort() };
};

test('the moved server keeps the live listing taken under its old entry', () => {
  const { oldKey, after } = move();
  const live = new Map([[oldKey, LISTING]]);
  // Without carrying it over, the listing is lost under the old key (the flaw): the tools are guessed.
  assert.notEqual(originOf(after, live).origin, 'live');
  const carried = withMovedListings(
    live,
    after.flatMap((f) => f.servers),
  );
  assert.deepEqual(originOf(after, carried), { origin: 'live', tools: ['zz_frobnicate', 'zz_list_widgets'] });
});

test('a listing is carried only from the same folder and name, and never over one the served entry has', () => {
  const { oldKey, after } = move();
  const entries = after.flatMap((f) => f.servers);
  const served = entries.find((e) => e.file.endsWith('mcp-warden.json'))!;
  const other = { ...LISTING, tools: [LISTING.tools[0]!] };
  assert.equal(
    withMovedListings(
      new Map([
        [oldKey, LISTING],
        [serverKey(served), other],
      ]),
      entries,
    ).get(serverKey(served)),
    other,
  );
  assert.equal(withMovedListings(new Map([[oldKey.replace('/w/', '/elsewhere/'), LISTING]]), entries).has(serverKey(served)), false);
  // The old entry still exists (the move was undone): its listing stays its own.
  const undone = [loadConfigText(SOURCE, { path: '/w/.vscode/mcp.json' }), after[1]!].flatMap((f) => f.servers);
  assert.equal(withMovedListings(new Map([[oldKey, LISTING]]), undone).has(serverKey(served)), false);
});
