import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { lintProject } from '../../../src/core/engine/lint';
import { createProject } from '../../../src/core/engine/project';
import { inventoryCsv } from '../../../src/core/inventory/render';
import { buildInventory } from '../../../src/core/inventory/rows';

test('the inventory lists advisory ids and look-alikes per server, and their findings raise the risk score', () => {
  const text = JSON.stringify({
    mcpServers: {
      remote: { command: 'npx', args: ['-y', 'mcp-remote@0.1.15', 'https://mcp.example.com/sse'] },
      mail: { command: 'npx', args: ['-y', 'postmark-mcp@1.0.16'] },
      scrape: { command: 'npx', args: ['-y', 'firecrawl-mpc@1.0.0'] },
      fixed: { command: 'npx', args: ['-y', 'mcp-remote@0.1.16', 'https://mcp.example.com/sse'] },
    },
  });
  const file = loadConfigText(text, { path: '/p/.cursor/mcp.json' });
  const project = createProject([file]);
  const rows = buildInventory(lintProject(project, { settings: { rules: { 'toxic-flow': 'off' }, ignore: [] } }), project);
  assert.deepEqual(
    rows.map((r) => [r.server, r.advisories, r.risk]),
    [
      ['fixed', [], 0],
      ['mail', ['MAL-2025-47604'], 25],
      ['remote', ['CVE-2025-6514', 'GHSA-6xpm-ggf7-wc3p'], 25],
      ['scrape', ['lookalike:firecrawl-mcp'], 10],
    ],
  );
  assert.match(inventoryCsv(rows).split('\n')[0]!, /,rules,advisories,risk\r?$/);
});
