import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { catalogServerById } from '../../../src/core/flows/catalog/index';
import { classifyTool } from '../../../src/core/flows/classify';
import { combineEvidence, DENIAL_FACTOR, WEIGHTS } from '../../../src/core/flows/combine';
import { COUNTED_CONFIDENCE, hasCapability, labelOf, type Capability } from '../../../src/core/flows/types';
import type { ToolDefinition } from '../../../src/core/model/tool';

const counted = (tool: ToolDefinition, capability: Capability) => hasCapability(classifyTool(tool), capability);
const confidence = (tool: ToolDefinition, capability: Capability) => labelOf(classifyTool(tool), capability)?.confidence ?? 0;
const sources = (tool: ToolDefinition, capability: Capability) =>
  labelOf(classifyTool(tool), capability)?.evidence.map((e) => `${e.source}${e.against ? '-' : '+'}`) ?? [];

describe('untrusted-content', () => {
  const fetch: ToolDefinition = { name: 'fetch_url', inputSchema: { type: 'object', properties: { url: { type: 'string' } } } };
  test('without annotations: name and url parameter', () => {
    assert.ok(counted(fetch, 'untrusted-content'));
    assert.deepEqual(sources(fetch, 'untrusted-content').sort(), ['name+', 'schema+']);
  });
  test('with readOnlyHint + openWorldHint the annotation adds support', () => {
    const tool = { ...fetch, annotations: { readOnlyHint: true, openWorldHint: true } };
    assert.ok(confidence(tool, 'untrusted-content') > confidence(fetch, 'untrusted-content'));
  });
  test('contradictory openWorldHint: false does not overturn the name', () => {
    const tool = { ...fetch, annotations: { readOnlyHint: true, openWorldHint: false } };
    assert.ok(counted(tool, 'untrusted-content'));
    assert.ok(sources(tool, 'untrusted-content').includes('annotation-'));
  });
  test('issue readers are untrusted, an issue body is written by anyone', () => {
    assert.ok(counted({ name: 'get_issue' }, 'untrusted-content'));
    assert.ok(counted({ name: 'list_pull_requests' }, 'untrusted-content'));
    assert.ok(!counted({ name: 'get_current_time' }, 'untrusted-content'));
  });
  test('an annotation alone (open world) is shown but not counted', () => {
    const tool: ToolDefinition = { name: 'lookup', annotations: { readOnlyHint: true, openWorldHint: true } };
    assert.ok(confidence(tool, 'untrusted-content') > 0);
    assert.ok(!counted(tool, 'untrusted-content'));
  });
});

describe('private-data', () => {
  test('without annotations: read_file and an env dump', () => {
    assert.ok(counted({ name: 'read_file' }, 'private-data'));
    assert.ok(counted({ name: 'printEnv' }, 'private-data'));
  });
  test('with annotations (read-only) it stays private data', () => {
    assert.ok(counted({ name: 'read_text_file', annotations: { readOnlyHint: true, openWorldHint: false } }, 'private-data'));
  });
  test('schema: a sql parameter reaches a database', () => {
    assert.ok(counted({ name: 'run', inputSchema: { type: 'object', properties: { sql: { type: 'string' } } } }, 'private-data'));
  });
  test('a memory write is not private-data reading', () => {
    assert.ok(!counted({ name: 'create_entities' }, 'private-data'));
  });
});

describe('outbound', () => {
  test('without annotations: send_email and create_comment', () => {
    assert.ok(counted({ name: 'send_email' }, 'outbound'));
    assert.ok(counted({ name: 'create_comment' }, 'outbound'));
    assert.ok(counted({ name: 'add_issue_comment' }, 'outbound'));
  });
  test('schema: recipient plus body, or a URL with a body', () => {
    assert.ok(counted({ name: 'deliver', inputSchema: { properties: { recipient: {}, body: {} } } }, 'outbound'));
    assert.ok(counted({ name: 'call', inputSchema: { properties: { url: {}, method: {}, body: {} } } }, 'outbound'));
  });
  test('a plain URL fetch is untrusted content, outbound only below the threshold', () => {
    const tool: ToolDefinition = { name: 'fetch', inputSchema: { properties: { url: {} } } };
    assert.ok(!counted(tool, 'outbound'));
    assert.ok(confidence(tool, 'outbound') > 0);
  });
  test('contradictory readOnlyHint: true on send_message: the name wins', () => {
    const tool: ToolDefinition = { name: 'send_message', annotations: { readOnlyHint: true } };
    assert.ok(counted(tool, 'outbound'));
    assert.ok(sources(tool, 'outbound').includes('annotation-'));
  });
  test('get_posts reads; slack_post_message writes', () => {
    assert.ok(!counted({ name: 'get_posts' }, 'outbound'));
    assert.ok(counted({ name: 'slack_post_message' }, 'outbound'));
  });
});

describe('destructive', () => {
  test('without annotations: delete_repo, run_command, write_file', () => {
    assert.ok(counted({ name: 'delete_repo' }, 'destructive'));
    assert.ok(counted({ name: 'run_command' }, 'destructive'));
    assert.ok(counted({ name: 'runInTerminal' }, 'destructive'));
    assert.ok(counted({ name: 'write_file' }, 'destructive'));
  });
  test('with destructiveHint: true on a bland name, the admission is believed', () => {
    assert.ok(counted({ name: 'tidy', annotations: { readOnlyHint: false, destructiveHint: true } }, 'destructive'));
  });
  test('readOnlyHint: false alone (spec default destructive) is too weak to count', () => {
    const tool: ToolDefinition = { name: 'tidy', annotations: { readOnlyHint: false } };
    assert.equal(confidence(tool, 'destructive'), WEIGHTS.annotationDefault);
    assert.ok(!counted(tool, 'destructive'));
  });
  test('no annotations at all is no evidence (the spec defaults are the worst case)', () => {
    assert.equal(classifyTool({ name: 'tidy' }).labels.length, 0);
  });
  test('contradictory: readOnlyHint true but named delete_repo: the name wins, the claim is recorded as overruled', () => {
    const tool: ToolDefinition = { name: 'delete_repo', annotations: { readOnlyHint: true } };
    const label = labelOf(classifyTool(tool), 'destructive')!;
    assert.equal(label.confidence, WEIGHTS.nameStrong);
    assert.ok(label.evidence.some((e) => e.against && e.detail.includes('overruled')));
  });
  test('contradictory: a soft signal (description) is halved by a claim of safety', () => {
    const soft: ToolDefinition = { name: 'tidy', description: 'Permanently removes stale rows.' };
    const claimed: ToolDefinition = { ...soft, annotations: { readOnlyHint: true } };
    assert.equal(confidence(claimed, 'destructive'), Math.round(confidence(soft, 'destructive') * DENIAL_FACTOR * 1000) / 1000);
  });
});

describe('catalog and combination', () => {
  test('a catalog tool keeps the catalog capabilities; heuristics only add confidence', () => {
    const git = catalogServerById('git')!;
    const commit = classifyTool({ name: 'git_commit' }, { catalog: git });
    assert.equal(commit.labels.length, 0, 'git_commit is additive in the catalog although "commit" looks like a change');
    const issue = classifyTool({ name: 'get_issue' }, { catalog: catalogServerById('github')! });
    assert.ok(hasCapability(issue, 'untrusted-content') && hasCapability(issue, 'private-data'));
    assert.equal(issue.content, 'an issue body');
  });
  test("a live tool the catalog does not list uses the server's `reads`", () => {
    const tool = classifyTool({ name: 'get_widget' }, { catalog: catalogServerById('sentry')! });
    assert.ok(hasCapability(tool, 'untrusted-content'));
  });
  test('a server admitting destructiveHint on a catalog tool is believed', () => {
    const tool = classifyTool({ name: 'read_graph', annotations: { destructiveHint: true } }, { catalog: catalogServerById('memory')! });
    assert.ok(hasCapability(tool, 'destructive'));
  });
  test('without removes labels of a read-only mode', () => {
    const tool = classifyTool({ name: 'execute_sql' }, { catalog: catalogServerById('supabase')!, without: ['destructive', 'outbound'] });
    assert.ok(!labelOf(tool, 'destructive') && !labelOf(tool, 'outbound'));
  });
  test('noisy-OR across sources, strongest item per source', () => {
    const label = combineEvidence('outbound', [
      { source: 'name', weight: 0.6, detail: 'a' },
      { source: 'name', weight: 0.4, detail: 'b' },
      { source: 'schema', weight: 0.5, detail: 'c' },
    ])!;
    assert.equal(label.confidence, 0.8);
    assert.equal(label.evidence.length, 2);
    assert.ok(label.confidence >= COUNTED_CONFIDENCE);
  });
  test('hostile descriptions are bounded', () => {
    const long = 'a'.repeat(200_000) + ' delete';
    assert.ok(!counted({ name: 'x', description: long }, 'destructive'));
  });
});
