import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { lintFile } from '../../../src/core/engine/lint';
import { createProject } from '../../../src/core/engine/project';
import type { Finding } from '../../../src/core/model/finding';
import { readPolicy } from '../../../src/core/policy/read';
import { unapprovedServer } from '../../../src/core/rules/unapproved-server';

export function policyOf(json: unknown, source = '.vscode/mcp-policy.json') {
  const { policy, problems } = readPolicy(typeof json === 'string' ? json : JSON.stringify(json), source);
  assert.deepEqual(problems, []);
  return policy!;
}

export function lintWithPolicy(path: string, text: string, policyJson: unknown | undefined): Finding[] {
  const file = loadConfigText(text, { path });
  const project = createProject([file]);
  if (policyJson !== undefined) project.policy = policyOf(policyJson);
  return lintFile(file, project, { rules: [unapprovedServer] });
}

export interface PolicyCase {
  name: string;
  path?: string;
  text: string;
  policy: unknown | undefined;
  /** `line:server message-substring severity` expected, in order. */
  want: { server: string; message: string; severity?: string }[];
}

export function policyTable(cases: PolicyCase[]): void {
  for (const c of cases) {
    test(`unapproved-server ${c.want.length === 0 ? 'valid' : 'invalid'} (${c.name})`, () => {
      const findings = lintWithPolicy(c.path ?? '/p/.cursor/mcp.json', c.text, c.policy);
      assert.equal(findings.length, c.want.length, findings.map((f) => f.message).join('\n'));
      c.want.forEach((w, i) => {
        assert.equal(findings[i]!.server, w.server);
        assert.ok(findings[i]!.message.includes(w.message), `"${findings[i]!.message}" lacks "${w.message}"`);
        if (w.severity) assert.equal(findings[i]!.severity, w.severity);
      });
    });
  }
}
