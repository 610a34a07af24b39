import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { lintFile } from '../../../src/core/engine/lint';
import { createProject } from '../../../src/core/engine/project';
import { MAX_FLOW_MESSAGE } from '../../../src/core/flows/describe';
import { formatJson } from '../../../src/core/report/json';
import { toxicFlow } from '../../../src/core/rules/toxic-flow';

const npx = (pkg: string, ...rest: string[]) => ({ command: 'npx', args: ['-y', pkg, ...rest] });
const FETCH = { command: 'uvx', args: ['mcp-server-fetch'] };
const FS = npx('@modelcontextprotocol/server-filesystem', '/p');
const SENDER = { ...npx('@modelcontextprotocol/server-slack'), includeTools: ['slack_post_message'] };

function lint(files: { path: string; value: object }[], roots = ['/p']) {
  const loaded = files.map((f) =>
    loadConfigText(JSON.stringify(f.value, null, 2), { path: f.path, ...(f.path.startsWith('/h/') ? { scope: 'user' as const } : {}) }),
  );
  const project = createProject(loaded, roots);
  return loaded.map((file) => ({ file, findings: lintFile(file, project, { rules: [toxicFlow] }) }));
}

test('one finding per kind and session, the other servers as related locations in their own files', () => {
  const [gemini, other] = lint([
    { path: '/p/.gemini/settings.json', value: { mcpServers: { fetch: FETCH, sender: SENDER } } },
    { path: '/h/.gemini/settings.json', value: { mcpServers: { fs: FS } } },
  ]);
  assert.equal(other!.findings.length, 0, 'nothing on the other file: it is related information');
  const kinds = gemini!.findings.map((f) => f.message.slice(0, 26));
  assert.deepEqual(kinds, ['Toxic flow (data leak) in ', 'Toxic flow (destructive) i']);
  const leak = gemini!.findings[0]!;
  assert.equal(leak.server, 'fetch');
  assert.deepEqual(
    leak.related.map((r) => [r.file, r.start.line, r.message]),
    [
      ['/h/.gemini/settings.json', 3, 'fs: private data through `read_file`, `read_text_file`, `read_media_file` +6 more'],
      ['/p/.gemini/settings.json', 9, 'sender: an outbound channel through `slack_post_message`'],
    ],
  );
});

test('the JSON output carries the flow: kind, session and every leg with its tools and evidence', () => {
  const results = lint([{ path: '/p/.gemini/settings.json', value: { mcpServers: { fetch: FETCH, fs: FS, sender: SENDER, notes: npx('acme-notes-mcp') } } }]);
  const out = JSON.parse(formatJson({ files: results, cwd: '/p', toolVersion: '0' }));
  const flows = out.files[0].findings.map((f: { flow: unknown }) => f.flow);
  const leak = flows.find((f: { kind: string }) => f.kind === 'data-leak');
  assert.equal(leak.session, 'gemini-cli@/p');
  assert.deepEqual(
    leak.legs.map((l: { role: string; server: string; evidence: string; tools: string[] }) => [l.role, l.server, l.evidence, l.tools[0]]),
    [
      ['untrusted-content', 'fetch', 'catalog', 'fetch'],
      ['private-data', 'fs', 'catalog', 'read_file'],
      ['private-data', 'notes', 'name', '*'],
      ['outbound', 'sender', 'catalog', 'slack_post_message'],
    ],
  );
});

test('fixes for every leg are computed only when asked for, and include the other files', () => {
  const [gemini] = lint([
    { path: '/p/.gemini/settings.json', value: { mcpServers: { fetch: FETCH, sender: SENDER } } },
    { path: '/h/.gemini/settings.json', value: { mcpServers: { fs: FS } } },
  ]);
  const leak = gemini!.findings[0]!;
  const descriptor = Object.getOwnPropertyDescriptor(leak, 'fixes')!;
  assert.equal(typeof descriptor.get, 'function', 'deferred until read');
  const titles = leak.fixes.map((f) => `${f.title}${f.file ? ` [${f.file}]` : ''}`);
  assert.deepEqual(titles, [
    'Hide the untrusted-content tools of "fetch" with excludeTools (fetch)',
    'Disable server "fetch" (mcp.excluded)',
    'Hide the private-data tools of "fs" with excludeTools (read_file, read_text_file, read_media_file +6 more) [/h/.gemini/settings.json]',
    'Disable server "fs" (mcp.excluded) [/h/.gemini/settings.json]',
    'Hide the outbound tools of "sender" with excludeTools (slack_post_message)',
    'Disable server "sender" (mcp.excluded)',
  ]);
  assert.equal(leak.fixes, leak.fixes, 'computed once');
});

test('messages stay within 200 characters, however long the names', () => {
  const long = (s: string) => `${s}-${'x'.repeat(120)}`;
  const [file] = lint([
    { path: '/p/.gemini/settings.json', value: { mcpServers: { [long('fetch')]: FETCH, [long('fs')]: FS, [long('sender')]: SENDER, more: FETCH } } },
  ]);
  assert.equal(file!.findings.length, 2);
  for (const f of file!.findings) assert.ok(f.message.length <= MAX_FLOW_MESSAGE, `${f.message.length}: ${f.message}`);
  assert.match(
    file!.findings[0]!.message,
    /^Toxic flow \(data leak\) in Gemini CLI: Untrusted content from `fetch-x+…` can reach private data in `fs-x+…` and leave through `sender-x+…`\. \(\+1 more server\)$/,
  );
});

test('server names are cut only as far as 200 characters need, longest first', () => {
  const chrome = 'io.github.ChromeDevTools/chrome-devtools-mcp';
  const [file] = lint([
    { path: '/p/.gemini/settings.json', value: { mcpServers: { [chrome]: FETCH, 'project-filesystem-server': FS, 'slack-notifications-sender': SENDER } } },
  ]);
  const leak = file!.findings.find((f) => f.message.startsWith('Toxic flow (data leak)'))!;
  assert.match(leak.message, /Untrusted content from `/, 'the long form (tool names too) did not fit, so the short form is used');
  assert.ok(leak.message.length <= MAX_FLOW_MESSAGE, `${leak.message.length}: ${leak.message}`);
  assert.ok(leak.message.length >= MAX_FLOW_MESSAGE - 3, `the budget is used, not wasted: ${leak.message}`);
  assert.match(leak.message, /`io\.github\.ChromeDevTools\/chrome-de[\w-]*…`/);
  assert.ok(leak.message.includes('`project-filesystem-server`') && leak.message.includes('`slack-notifications-sender`'), leak.message);
});

test('a long server name stays whole when the short form fits', () => {
  const chrome = 'io.github.ChromeDevTools/chrome-devtools-mcp';
  const [file] = lint([{ path: '/p/.gemini/settings.json', value: { mcpServers: { [chrome]: FETCH, 'project-filesystem': FS, 'slack-sender': SENDER } } }]);
  const leak = file!.findings.find((f) => f.message.startsWith('Toxic flow (data leak)'))!;
  assert.ok(leak.message.length <= MAX_FLOW_MESSAGE, `${leak.message.length}: ${leak.message}`);
  assert.ok(leak.message.includes(`\`${chrome}\``) && !leak.message.includes('…'), leak.message);
});
