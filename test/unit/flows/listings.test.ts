// The recorded listings are stored shrunk to what classification reads. Here every stored tool is
// classified next to the whole tool from the corpus file the manifest names: labels, confidences
// and evidence must be identical, so the shrink changes no finding. If this fails after the corpus
// or the classifier changed, re-run `node scripts/catalog/harvest-listings.mjs test/fixtures/tool-corpus-real/benign`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { RECORDED_LISTINGS, recordedTool, findRecordedListing } from '../../../src/core/flows/catalog/listings';
import { classifyTool } from '../../../src/core/flows/classify';
import { resolveServerTools } from '../../../src/core/flows/resolve';
import { loadConfigText } from '../../../src/core/config/load';

interface FullTool {
  name: string;
  description?: string;
  params?: string[];
  annotations?: Record<string, boolean>;
}
interface ListingTools {
  matchOf(source: unknown): string | undefined;
  fullTools(corpus: unknown): FullTool[];
  definitionOf(tool: FullTool): Parameters<typeof classifyTool>[0];
}
interface Manifest {
  servers: { match: string; file: string; tools: number }[];
}

const CORPUS = join('test', 'fixtures', 'tool-corpus-real', 'benign');
const manifest = JSON.parse(readFileSync(join('scripts', 'catalog', 'manifest.json'), 'utf8')) as Manifest;
const helpers = () => import(pathToFileURL(join(process.cwd(), 'scripts', 'catalog', 'listing-tools.mjs')).href) as Promise<ListingTools>;

test('the manifest names every recorded listing, in the same order, with its tool count', () => {
  assert.deepEqual(
    manifest.servers.map((s) => [s.match, s.tools]),
    RECORDED_LISTINGS.map((l) => [l.match, l.tools.length]),
  );
  assert.ok(RECORDED_LISTINGS.length >= 142, 'the listings of the 142 servers harvested first are still there');
});

test('every shrunken recorded tool classifies exactly like the whole tool of its corpus file', async () => {
  const { matchOf, fullTools, definitionOf } = await helpers();
  let compared = 0;
  for (const [i, server] of manifest.servers.entries()) {
    const corpus = JSON.parse(readFileSync(join(CORPUS, server.file), 'utf8')) as { source: unknown };
    assert.equal(matchOf(corpus.source), server.match, server.file);
    const whole = fullTools(corpus);
    const stored = RECORDED_LISTINGS[i]!.tools;
    assert.equal(stored.length, whole.length, server.match);
    whole.forEach((tool, j) => {
      assert.deepEqual(classifyTool(recordedTool(stored[j]!)), classifyTool(definitionOf(tool)), `${server.match} ${tool.name}`);
      compared++;
    });
  }
  assert.ok(compared > 3000, `${compared} tools compared`);
});

test('a config launching a recorded server gets its tools from the shrunken listing', () => {
  const file = loadConfigText(JSON.stringify({ mcpServers: { bb: { command: 'npx', args: ['-y', '@aashari/mcp-server-atlassian-bitbucket'] } } }), {
    path: '/p/.cursor/mcp.json',
  });
  const resolved = resolveServerTools(file.servers[0], undefined);
  assert.equal(resolved.origin, 'listing');
  assert.equal(findRecordedListing([{ kind: 'npm', name: '@aashari/mcp-server-atlassian-bitbucket' }])?.tools.length, resolved.tools.length);
  const del = resolved.tools.find((t) => t.tool === 'bb_delete');
  assert.ok(
    del?.labels.some((l) => l.capability === 'destructive' && l.confidence >= 0.5),
    JSON.stringify(del),
  );
});
