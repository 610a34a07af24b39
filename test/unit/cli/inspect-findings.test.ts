// `mcp-warden inspect` with the tool analysis, through the bundled CLI (dist/cli.js) and the lab servers.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { Sandbox } from '../core/cliHarness';
import { LAB_SERVERS, NODE_MODULES } from '../live/lab';

const box = new Sandbox();
after(() => box.dispose());

const lab = (script: string) => ({ command: process.execPath, args: [join(LAB_SERVERS, script)] });
// A server that lists the tools of a JSON file, written here: one tool whose worst finding is a warning.
const sdk = (path: string) => pathToFileURL(join(NODE_MODULES, '@modelcontextprotocol', 'sdk', 'dist', 'esm', path)).href;
const fileTools = box.write(
  'file-tools.mjs',
  [
    `import { readFileSync } from 'node:fs';`,
    `import { Server } from '${sdk('server/index.js')}';`,
    `import { StdioServerTransport } from '${sdk('server/stdio.js')}';`,
    `import { ListToolsRequestSchema } from '${sdk('types.js')}';`,
    `const tools = JSON.parse(readFileSync(process.argv[2], 'utf8'));`,
    `const server = new Server({ name: 'file-tools', version: '1.0.0' }, { capabilities: { tools: {} } });`,
    `server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools }));`,
    `await server.connect(new StdioServerTransport());`,
  ].join('\n'),
);
const notesParameter = box.write(
  'info-tools.json',
  JSON.stringify([{ name: 'save', description: 'Saves a draft.', inputSchema: { type: 'object', properties: { notes: { type: 'string' } } } }]),
);
const bidi = box.write(
  'bidi-tools.json',
  JSON.stringify([{ name: 'flip', description: 'Flips text \u202eabc\u202c for display.', inputSchema: { type: 'object' } }]),
);

box.write(
  '.vscode/mcp.json',
  JSON.stringify({
    servers: {
      poisoned: lab('poisoned.mjs'),
      notes: lab('notes.mjs'),
      shadowing: lab('shadowing.mjs'),
      mail: lab('mail.mjs'),
      warnings: { command: process.execPath, args: [fileTools, bidi] },
      notesOnly: { command: process.execPath, args: [fileTools, notesParameter] },
      crash: { ...lab('hostile-crash.mjs'), disabled: true },
    },
  }),
);

interface JsonFinding {
  ruleId: string;
  category: string;
  severity: string;
  target: { kind: string; name: string };
  field: string;
  start: number;
  end: number;
  excerpt: string;
  message: string;
}
interface JsonServer {
  name: string;
  status: string;
  verdict: string;
  findings: JsonFinding[];
  tools: { name: string; verdict: string }[];
  prompts: { name: string; verdict: string }[];
  resources: { uri: string; verdict: string }[];
}

function inspectJson(...args: string[]): { code: number | null; servers: Map<string, JsonServer> } {
  const r = box.run(['inspect', '.vscode/mcp.json', '--yes', '--format', 'json', ...args]);
  let servers: JsonServer[];
  try {
    servers = JSON.parse(r.stdout).servers;
  } catch {
    throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
  return { code: r.code, servers: new Map(servers.map((s) => [s.name, s])) };
}

describe('inspect: tool-analysis findings', () => {
  const all = inspectJson();

  test('JSON: per server findings with target, field, range, excerpt and message; a verdict per item', () => {
    assert.equal(all.code, 0, '--fail-on defaults to never');
    const poisoned = all.servers.get('poisoned')!;
    assert.equal(poisoned.status, 'connected');
    assert.equal(poisoned.verdict, 'suspicious');
    assert.deepEqual(
      poisoned.tools.map((t) => [t.name, t.verdict]),
      [
        ['add', 'suspicious'],
        ['daily_quote', 'suspicious'],
        ['get_weather', 'suspicious'],
        ['format_report', 'suspicious'],
        ['translate', 'suspicious'],
      ],
    );
    assert.equal(poisoned.prompts.find((p) => p.name === 'code_review')?.verdict, 'suspicious');
    const hidden = poisoned.findings.find((f) => f.category === 'hidden-instructions' && f.target.name === 'add');
    assert.ok(hidden, 'the <IMPORTANT> block of add');
    assert.deepEqual(Object.keys(hidden), ['ruleId', 'category', 'severity', 'target', 'field', 'start', 'end', 'excerpt', 'message']);
    assert.deepEqual(hidden.target, { kind: 'tool', name: 'add' });
    assert.equal(hidden.ruleId, 'hidden-instructions');
    assert.equal(hidden.field, 'description');
    assert.equal(hidden.severity, 'error');
    assert.ok(hidden.end > hidden.start);
    assert.match(hidden.excerpt, /^<IMPORTANT>/);
    const sidenote = poisoned.findings.find(
      (f) => f.target.name === 'daily_quote' && f.field === 'inputSchema.properties.sidenote.description' && f.category === 'exfiltration',
    );
    assert.ok(sidenote, 'the sidenote parameter asks for the conversation');
    assert.ok(poisoned.findings.some((f) => f.target.name === 'get_weather' && f.category === 'invisible-characters'));
    assert.ok(poisoned.findings.some((f) => f.target.name === 'format_report' && f.category === 'ansi-escapes'));
  });

  test('JSON: the benign servers are clean', () => {
    for (const name of ['notes', 'mail']) {
      const server = all.servers.get(name)!;
      assert.equal(server.verdict, 'clean', name);
      assert.deepEqual(
        server.findings.filter((f) => f.severity !== 'info'),
        [],
        name,
      );
      assert.ok(server.tools.length > 0 && server.tools.every((t) => t.verdict === 'clean'), name);
      assert.ok(
        server.resources.every((r) => r.verdict === 'clean'),
        name,
      );
    }
  });

  test("the other servers of the run are the session: shadowing of another server's tool is named", () => {
    const withMail = all.servers.get('shadowing')!.findings.filter((f) => f.category === 'shadowing');
    assert.ok(
      withMail.some((f) => /"send_email" of the "mail" server/.test(f.message)),
      JSON.stringify(withMail),
    );
    const alone = inspectJson('--server', 'shadowing').servers.get('shadowing')!.findings;
    assert.ok(!alone.some((f) => /"mail" server/.test(f.message)), 'without mail in the run, no server is named');
    assert.ok(alone.length < all.servers.get('shadowing')!.findings.length);
  });

  test('text: each suspicious item with category, message and excerpt; no raw control characters', () => {
    const r = box.run(['inspect', '.vscode/mcp.json', '--yes', '--server', 'poisoned', '--server', 'notes']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Tool analysis$/m);
    assert.match(r.stdout, /^ {2}poisoned: 6 suspicious items$/m);
    assert.match(r.stdout, /^ {4}tool add: SUSPICIOUS$/m);
    assert.match(
      r.stdout,
      /^ {6}error {3}hidden-instructions {2}description \[\d+-\d+\]\n {14}A <IMPORTANT>…<\/IMPORTANT> block gives orders to the model.*\n {14}> <IMPORTANT>/m,
    );
    assert.match(r.stdout, /^ {4}prompt code_review: SUSPICIOUS$/m);
    assert.match(r.stdout, /^ {2}notes: nothing suspicious$/m);
    assert.match(r.stdout, /^6 suspicious items in 2 connected servers/m);
    assert.doesNotMatch(
      r.stdout,
      /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]|\udb40[\udc00-\udc7f]/,
      'escapes, bidi and tag characters are shown, not emitted',
    );
  });

  test('text: informational findings only with --verbose', () => {
    const quiet = box.run(['inspect', '.vscode/mcp.json', '--yes', '--server', 'poisoned']);
    const verbose = box.run(['inspect', '.vscode/mcp.json', '--yes', '--server', 'poisoned', '--verbose']);
    const infos = all.servers.get('poisoned')!.findings.filter((f) => f.severity === 'info').length;
    assert.ok(infos > 0, 'the poisoned server has notes too');
    assert.match(quiet.stdout, new RegExp(`; ${infos} informational ${infos === 1 ? 'note' : 'notes'} not shown \\(--verbose\\)`));
    assert.doesNotMatch(quiet.stdout, /^ {6}info /m);
    assert.match(verbose.stdout, /^ {6}info /m);
  });

  const failOn: [string[], number][] = [
    [['--server', 'poisoned', '--fail-on', 'error'], 1],
    [['--server', 'poisoned', '--fail-on', 'never'], 0],
    [['--server', 'notes', '--server', 'mail', '--fail-on', 'warning'], 0],
    [['--server', 'warnings', '--fail-on', 'error'], 0],
    [['--server', 'warnings', '--fail-on', 'warning'], 1],
    [['--server', 'warnings'], 0],
    [['--server', 'notesOnly', '--fail-on', 'warning'], 0],
    [['--server', 'notesOnly', '--fail-on', 'info'], 1],
  ];
  for (const [flags, code] of failOn) {
    test(`--fail-on: ${flags.join(' ')} → exit ${code}`, () => {
      const r = box.run(['inspect', '.vscode/mcp.json', '--yes', ...flags]);
      assert.equal(r.code, code, r.stdout.slice(-600) + r.stderr);
    });
  }

  test('the test servers have the findings the table above relies on', () => {
    assert.deepEqual([...new Set(all.servers.get('warnings')!.findings.map((f) => f.severity))], ['warning']);
    assert.deepEqual([...new Set(all.servers.get('notesOnly')!.findings.map((f) => f.severity))], ['info']);
    assert.equal(all.servers.get('notesOnly')!.verdict, 'clean');
  });

  test('a server that failed exits 1 whatever --fail-on says', () => {
    assert.equal(box.run(['inspect', '.vscode/mcp.json', '--yes', '--server', 'crash', '--include-disabled', '--fail-on', 'never']).code, 1);
  });

  test('usage errors exit 2', () => {
    for (const flags of [['--fail-on', 'sometimes'], ['--fail-on']]) {
      const r = box.run(['inspect', '.vscode/mcp.json', '--yes', ...flags]);
      assert.equal(r.code, 2, flags.join(' '));
      assert.match(r.stderr, /mcp-warden: /);
    }
  });
});
