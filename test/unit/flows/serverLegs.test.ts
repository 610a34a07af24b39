// The legs of a flow are made only when read (a flow of thousands of servers reports a handful):
// reading them must give what `toolsWith` gives, in the same order, through every map method.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { createProject } from '../../../src/core/engine/project';
import { analyseProject } from '../../../src/core/flows/analysis';
import { FLOW_LEGS, toolsWith } from '../../../src/core/flows/flows';
import { DEFAULT_FLOW_OPTIONS } from '../../../src/core/flows/options';

const npx = (pkg: string) => ({ command: 'npx', args: ['-y', pkg] });
const SERVERS = {
  fetch: { command: 'uvx', args: ['mcp-server-fetch'] },
  github: npx('@modelcontextprotocol/server-github'),
  fs: npx('@modelcontextprotocol/server-filesystem'),
  memory: npx('@modelcontextprotocol/server-memory'),
  notes: npx('some-notes-tool'),
};

function flows() {
  const file = loadConfigText(JSON.stringify({ mcpServers: SERVERS }, null, 2), { path: '/p/.cursor/mcp.json' });
  return analyseProject(createProject([file], ['/p']), DEFAULT_FLOW_OPTIONS).flows;
}

test('legs read through the map equal toolsWith, for every server, capability and map method', () => {
  const found = flows();
  assert.ok(found.length > 0, 'the fixture holds a flow');
  for (const flow of found) {
    assert.deepEqual([...flow.legsByServer.keys()], [...FLOW_LEGS[flow.kind]]);
    for (const [capability, perServer] of flow.legsByServer) {
      const servers = [...perServer.keys()];
      assert.ok(servers.length > 0 && servers.length === perServer.size, capability);
      for (const server of servers) {
        const expected = toolsWith(server, capability, DEFAULT_FLOW_OPTIONS.minConfidence);
        assert.ok(perServer.has(server));
        assert.deepEqual(perServer.get(server), expected, `${server.name} ${capability}`);
        assert.equal(perServer.get(server), perServer.get(server), 'made once, then the same list');
      }
      assert.deepEqual(
        [...perServer.entries()].map(([s, legs]) => [s.name, legs]),
        servers.map((s) => [s.name, perServer.get(s)]),
      );
      assert.deepEqual(
        [...perServer.values()],
        servers.map((s) => perServer.get(s)),
      );
      const visited: string[] = [];
      perServer.forEach((legs, server) => visited.push(`${server.name}:${legs.length}`));
      assert.deepEqual(
        visited,
        servers.map((s) => `${s.name}:${perServer.get(s)!.length}`),
      );
      const outsider = flow.session.servers.find((s) => !perServer.has(s));
      if (outsider) assert.equal(perServer.get(outsider), undefined);
    }
  }
});

test('a path leg is one of its server’s counted tools for that capability', () => {
  for (const flow of flows()) {
    for (const [server, path] of flow.examples) {
      assert.ok(flow.servers.includes(server));
      for (const leg of path) {
        const counted = toolsWith(leg.server, leg.capability, DEFAULT_FLOW_OPTIONS.minConfidence);
        assert.ok(
          counted.some((c) => c.tool === leg.tool && c.confidence === leg.confidence),
          `${leg.server.name} ${leg.capability} ${leg.tool.tool}`,
        );
      }
    }
  }
});
