import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CLIENT_IDS } from '../../../src/core/config/clientIds';
import { CLIENTS } from '../../../src/core/config/clients';
import { loadConfigText } from '../../../src/core/config/load';
import { lintFile } from '../../../src/core/engine/lint';
import { createProject } from '../../../src/core/engine/project';
import { formatJson } from '../../../src/core/report/json';
import { duplicateServerName } from '../../../src/core/rules/duplicate-server-name';
import { invalidServerEntry } from '../../../src/core/rules/invalid-server-entry';
import { misplacedServersKey } from '../../../src/core/rules/misplaced-servers-key';
import { parseError } from '../../../src/core/rules/parse-error';
import { unknownConfigFormat } from '../../../src/core/rules/unknown-config-format';
import { unreadableFile } from '../../../src/core/rules/unreadable-file';
import { repoRoot } from './fixtureHelpers';

const DOCS = join(repoRoot(), 'docs');
const read = (path: string) => readFileSync(join(DOCS, path), 'utf8');
const FOUNDATION = [parseError, unreadableFile, unknownConfigFormat, misplacedServersKey, invalidServerEntry, duplicateServerName];

/** The fenced code blocks of a Markdown text that follow a line containing `after`. */
function codeBlockAfter(markdown: string, after: string): string {
  const start = markdown.indexOf(after);
  assert.ok(start !== -1, `no "${after}" in the document`);
  const m = /```[a-z]*\n([\s\S]*?)```/.exec(markdown.slice(start));
  assert.ok(m, `no code block after "${after}"`);
  return m[1]!;
}

describe('rule docs', () => {
  for (const rule of FOUNDATION) {
    test(`docs/rules/${rule.meta.id}.md has every section`, () => {
      const doc = read(`rules/${rule.meta.id}.md`);
      assert.ok(doc.startsWith(`# ${rule.meta.id}\n`));
      assert.match(doc, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.meta.defaultSeverity}`));
      assert.match(doc, new RegExp(`\\*\\*Category:\\*\\* ${rule.meta.category}`));
      for (const section of ['## Why it matters', '## How to fix it', '## Examples', '## Options'])
        assert.ok(doc.includes(section), `${rule.meta.id}: ${section}`);
    });
  }
});

describe('docs/clients.md', () => {
  const doc = read('clients.md');

  test('names every client by its --client id', () => {
    const missing = CLIENT_IDS.filter((id) => !doc.includes(`(\`${id}\`)`));
    assert.deepEqual(missing, []);
  });

  test('lists every client the catalog marks uncertain in the "Uncertain" table', () => {
    const uncertain = doc.slice(doc.indexOf('## Uncertain'));
    const missing = Object.values(CLIENTS)
      .filter((c) => c.uncertain)
      .filter((c) => !uncertain.includes(`| ${c.name} |`));
    assert.deepEqual(
      missing.map((c) => c.id),
      [],
    );
  });
});

describe('docs/cli.md', () => {
  const doc = read('cli.md');

  test('the JSON example is exactly what the engine prints for the example file', () => {
    const example = JSON.parse(codeBlockAfter(doc, '`--format json` prints one object'));
    const configText = codeBlockAfter(doc, 'for this `.vscode/mcp.json`');
    const file = loadConfigText(configText, { path: '/work/app/.vscode/mcp.json' });
    const findings = lintFile(file, createProject([file]), { rules: FOUNDATION });
    const printed = JSON.parse(formatJson({ files: [{ file, findings }], cwd: '/work/app', toolVersion: '0.0.0' }));
    assert.deepEqual(printed, example);
  });

  test('the text example matches the JSON one', () => {
    const text = codeBlockAfter(doc, '## Text output');
    assert.match(text, /5:45\s+error\s+An argument of "x" is an object/);
    assert.match(text, /7:5\s+error\s+Server "empty" has neither/);
  });

  test('every field of the JSON output is documented in the field table', () => {
    const table = doc.slice(doc.indexOf('| Field | Type | Meaning |'));
    for (const field of [
      'version',
      'files[]',
      'files[].path',
      'files[].client',
      'files[].clientName',
      'files[].scope',
      'files[].servers',
      'files[].findings[]',
      'ruleId',
      'severity',
      'category',
      'message',
      'line',
      'column',
      'endLine',
      'endColumn',
      'server',
      'path',
      'fixable',
    ]) {
      assert.ok(table.includes(`\`${field}\``), field);
    }
  });
});
