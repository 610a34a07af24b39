import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findReferences, interpolationStyle, substitute, type Reference } from '../../../src/core/config/interpolate';

const values: Record<string, string> = {
  'env:HOME': '/home/u',
  'env:TOKEN': 'FAKE0000',
  'input:key': 'INPUT-0000',
  'secret:API': 'SECRET-0000',
  'variable:workspaceFolder': '/ws',
  'variable:userHome': '/home/u',
  'variable:pathSeparator': '/',
};
const lookup = (ref: Reference): string | undefined => {
  const key =
    ref.kind === 'env'
      ? `env:${ref.name}`
      : ref.kind === 'input'
        ? `input:${ref.id}`
        : ref.kind === 'secret'
          ? `secret:${ref.name}`
          : ref.kind === 'variable'
            ? `variable:${ref.name}`
            : undefined;
  return key ? values[key] : undefined;
};
const run = (client: Parameters<typeof interpolationStyle>[0], text: string) => substitute(text, interpolationStyle(client), lookup);

test('VS Code: predefined variables, env and input references', () => {
  assert.equal(run('vscode', '${workspaceFolder}/x ${userHome} ${env:TOKEN} ${input:key}${/}').value, '/ws/x /home/u FAKE0000 INPUT-0000/');
});

test('VS Code: an unset env variable becomes empty and is reported; ${command:…} is unsupported', () => {
  const r = run('vscode', 'a${env:NOPE}b ${command:ext.secret}');
  assert.equal(r.value, 'ab ');
  assert.deepEqual(
    r.unresolved.map((u) => u.ref.kind),
    ['env', 'unsupported'],
  );
});

test('VS Code leaves shell-style ${NAME} and $NAME alone', () => {
  assert.equal(run('vscode', '${TOKEN} $TOKEN').value, '${TOKEN} $TOKEN');
});

test('Cursor has no ${input:…}; it stays as written', () => {
  assert.deepEqual(findReferences('${input:key}', interpolationStyle('cursor')), []);
  assert.equal(run('cursor', '${env:TOKEN} ${userHome}').value, 'FAKE0000 /home/u');
});

test('Claude Code: ${NAME} and ${NAME:-fallback}; a missing variable without fallback is an error', () => {
  assert.equal(run('claude-code', '${TOKEN} ${NOPE:-dflt} ${NOPE:-}').value, 'FAKE0000 dflt ');
  const r = run('claude-code', '--x=${NOPE}');
  assert.equal(interpolationStyle('claude-code').missing, 'error');
  assert.equal(r.unresolved[0]!.raw, '${NOPE}');
  assert.equal(run('claude-code', '$TOKEN').value, '$TOKEN', 'bare $VAR is not expanded by Claude Code');
});

test('Gemini CLI: $VAR and ${VAR}, in env values only', () => {
  assert.equal(run('gemini-cli', '$TOKEN-${HOME}').value, 'FAKE0000-/home/u');
  assert.deepEqual(interpolationStyle('gemini-cli').fields, ['env']);
});

test('Continue: ${{ secrets.NAME }} and ${{ inputs.NAME }}', () => {
  assert.equal(run('continue', 'Bearer ${{ secrets.API }} ${{inputs.key}}').value, 'Bearer SECRET-0000 INPUT-0000');
});

test('Clients without interpolation change nothing', () => {
  for (const client of ['claude-desktop', 'cline', 'codex', 'zed', 'generic'] as const) {
    assert.equal(run(client, '${env:TOKEN} ${TOKEN} $TOKEN').value, '${env:TOKEN} ${TOKEN} $TOKEN');
  }
});

test('References are found left to right with exact offsets', () => {
  const spans = findReferences('x${env:A}y${input:b}', interpolationStyle('vscode'));
  assert.deepEqual(
    spans.map((s) => [s.start, s.end, s.raw]),
    [
      [1, 9, '${env:A}'],
      [10, 20, '${input:b}'],
    ],
  );
});

test('Hostile input is handled in linear time', () => {
  const text = '${'.repeat(50_000) + '$'.repeat(50_000) + '${{ secrets.'.repeat(10_000);
  for (const client of ['vscode', 'claude-code', 'gemini-cli', 'continue'] as const) assert.equal(run(client, text).value.length > 0, true);
});
