import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { scanEnvFileText } from '../../../src/core/secrets/envFile';
import { readEnvFile } from '../../../src/live/envFile';

// One .env reader: the launcher starts a server with exactly the value the secret scanner checked.
const TOKEN = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'; // fake, test only
const TEXT = `\uFEFF# comment\nexport PLAIN=value # trailing comment\nCOLON: yes\nSINGLE='it''s \\n literal'\nMULTI="line one\nline two\\tTabbed"\nGITHUB_TOKEN="${TOKEN}"\n`;

test('the launcher reads an env file exactly as the scanner does: multi-line quotes, escapes, `:` and `export`', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warden-env-'));
  try {
    writeFileSync(join(dir, '.env'), TEXT);
    const env = readEnvFile(join(dir, '.env'));
    assert.deepEqual(env, { PLAIN: 'value', COLON: 'yes', SINGLE: 'it', MULTI: 'line one\nline two\tTabbed', GITHUB_TOKEN: TOKEN });
    const found = scanEnvFileText(TEXT.replace(/^\uFEFF/, ''));
    assert.deepEqual(
      found.map((s) => [s.key, s.secret]),
      [['GITHUB_TOKEN', env.GITHUB_TOKEN]],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
