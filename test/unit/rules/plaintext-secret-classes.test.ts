import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sha256HexOfBytes } from '../../../src/core/lock/sha256';
import { plaintextSecret } from '../../../src/core/rules/plaintext-secret';
import { BIP39_ENGLISH } from '../../../src/core/secrets/wallet/bip39English';
import { findMnemonics, isBip39Mnemonic } from '../../../src/core/secrets/wallet/mnemonic';
import { ruleTable } from '../helpers/ruleTester';

/** A valid BIP-39 phrase built here from fake entropy ("FAKE" repeated), so no phrase sits in the source. */
function fakeMnemonic(words: 12 | 24): string {
  const entropy = new TextEncoder().encode('FAKE'.repeat(words === 12 ? 4 : 8));
  const checksumBits = (entropy.length * 8) / 32;
  const bits =
    [...entropy].map((b) => b.toString(2).padStart(8, '0')).join('') +
    parseInt(sha256HexOfBytes(entropy).slice(0, 2), 16).toString(2).padStart(8, '0').slice(0, checksumBits);
  const list = BIP39_ENGLISH.split(' ');
  return Array.from({ length: words }, (_, i) => list[parseInt(bits.slice(i * 11, i * 11 + 11), 2)]).join(' ');
}
const PHRASE = fakeMnemonic(12);
const PHRASE_24 = fakeMnemonic(24);
const HEX64 = '00000000' + '1a2b3c4d5e6f7809'.repeat(3) + '1a2b3c4d';
const B58 = 'FAKEFAKE' + 'aBcDeFgHiJkLmNoPqRsTuVwXyZ'.repeat(4).slice(0, 80);
const GHP = 'ghp_FAKE0000aB3dE5fG7hJ9kL1mN2pQ4rS6tU8v';

test('BIP-39: the checksum decides, not the words alone', () => {
  assert.ok(isBip39Mnemonic(PHRASE.split(' ')));
  assert.ok(isBip39Mnemonic(PHRASE_24.split(' ')));
  // The last of 12 words holds 7 bits of entropy and 4 of checksum: of the 16 words that share those 7 bits, one is valid.
  const list = BIP39_ENGLISH.split(' ');
  const words = PHRASE.split(' ');
  const base = list.indexOf(words[11]!) & ~15;
  const valid = Array.from({ length: 16 }, (_, i) => isBip39Mnemonic([...words.slice(0, 11), list[base + i]!]));
  assert.equal(valid.filter(Boolean).length, 1);
  assert.equal(isBip39Mnemonic(['abandon', ...PHRASE.split(' ').slice(1, 11)]), false, '11 words');
  assert.deepEqual(findMnemonics(`seed: ${PHRASE}.`), [{ start: 6, end: 6 + PHRASE.length }]);
  assert.deepEqual(findMnemonics('test test test test test test test test test test test junk'), [], 'public development phrase');
});

const cursor = (server: Record<string, unknown>) => JSON.stringify({ mcpServers: { s: server } }, null, 2);
const P = '/p/.cursor/mcp.json';

ruleTable(plaintextSecret, {
  valid: [
    { name: 'connection string with a variable', path: P, text: cursor({ command: 'x', env: { DB: 'Server=db;User Id=app;Password=${DB_PASSWORD};' } }) },
    {
      name: 'connection string with a placeholder',
      path: P,
      text: cursor({ command: 'x', env: { DB: 'jdbc:postgresql://db/app?user=app&password=<password>' } }),
    },
    {
      name: 'public development phrase',
      path: P,
      text: cursor({ command: 'x', env: { MNEMONIC: 'test test test test test test test test test test test junk' } }),
    },
    {
      name: 'twelve words that are not a phrase',
      path: P,
      text: cursor({ command: 'x', env: { NOTE: 'the quick brown fox jumps over the lazy dog again and again today' } }),
    },
    { name: '32-byte hex under a name that is not a wallet key', path: P, text: cursor({ command: 'x', env: { COMMIT_SHA256: HEX64 } }) },
    { name: 'Infura URL without a key', path: P, text: cursor({ command: 'x', env: { RPC_URL: 'https://mainnet.infura.io/v3/YOUR_PROJECT_ID' } }) },
    { name: '-a of a program that is not a client', path: P, text: cursor({ command: 'tar', args: ['-a', 'Xk82jd93kd0sLq', 'f.tgz'] }) },
    { name: 'mysql -p alone prompts', path: P, text: cursor({ command: 'mysql', args: ['-u', 'root', '-p'] }) },
    { name: 'shell string with a non-secret assignment', path: P, text: cursor({ command: 'sh', args: ['-c', 'NODE_ENV=production node server.js'] }) },
    {
      name: 'Basic credentials that are a placeholder',
      path: '/p/.vscode/mcp.json',
      text: '{"servers": {"s": {"type": "http", "url": "https://x.example/mcp", "headers": {"Authorization": "Basic dXNlcjpwYXNzd29yZA=="}}}}',
    },
    { name: 'unparseable file without a token', path: P, text: '# My MCP notes\n\n{ "mcpServers": {' },
  ],
  invalid: [
    {
      name: 'JDBC password',
      path: P,
      text: cursor({ command: 'x', env: { JDBC_URL: 'jdbc:sqlserver://db.example.com:1433;databaseName=app;user=sa;password=FAKE0000aB3dE5' } }),
      errors: [
        {
          text: 'FAKE0000aB3dE5',
          severity: 'error',
          message: 'Plaintext database password in the connection string in env "JDBC_URL" (14 characters, hidden)',
        },
      ],
    },
    {
      name: 'ODBC Pwd',
      path: P,
      text: cursor({ command: 'x', env: { ODBC: 'Driver={ODBC Driver 18};Server=db;Uid=app;Pwd=FAKE0000xyz;' } }),
      errors: [{ text: 'FAKE0000xyz' }],
    },
    {
      name: 'ADO.NET braced password',
      path: P,
      text: cursor({ command: 'x', env: { ADO: 'Server=db;User Id=app;Password={FAKE;0000};' } }),
      errors: [{ text: 'FAKE;0000' }],
    },
    {
      name: 'redis URL password without user',
      path: P,
      text: cursor({ command: 'x', env: { REDIS_URL: 'redis://:FAKE0000pass@redis.example.com:6379' } }),
      errors: [{ text: 'FAKE0000pass', message: 'Redis password' }],
    },
    {
      name: 'mongodb+srv',
      path: P,
      text: cursor({ command: 'x', env: { MONGO: 'mongodb+srv://admin:FAKE0000pw@cluster0.example.mongodb.net/db' } }),
      errors: [{ text: 'FAKE0000pw' }],
    },
    {
      name: 'recovery phrase in env',
      path: P,
      text: cursor({ command: 'x', env: { WALLET_MNEMONIC: PHRASE } }),
      errors: [{ text: PHRASE, severity: 'error', message: 'Plaintext wallet recovery phrase (BIP-39) in env "WALLET_MNEMONIC"' }],
    },
    {
      name: '24-word phrase in an argument',
      path: P,
      text: cursor({ command: 'npx', args: ['-y', 'wallet-mcp@1.0.0', '--seed', PHRASE_24] }),
      errors: [{ text: PHRASE_24 }],
    },
    {
      name: 'hex private key',
      path: P,
      text: cursor({ command: 'x', env: { PRIVATE_KEY: '0x' + HEX64 } }),
      errors: [{ text: '0x' + HEX64, message: 'wallet private key (32-byte hex)' }],
    },
    {
      name: 'base58 private key',
      path: P,
      text: cursor({ command: 'x', env: { SOLANA_PRIVATE_KEY: B58 } }),
      errors: [{ text: B58, message: 'wallet private key (base58)' }],
    },
    {
      name: 'Infura key in the URL path',
      path: P,
      text: cursor({ command: 'x', env: { ETH_RPC: 'https://mainnet.infura.io/v3/000000001a2b3c4d5e6f78091a2b3c4d' } }),
      errors: [{ text: '000000001a2b3c4d5e6f78091a2b3c4d', message: 'Plaintext Infura API key in env "ETH_RPC"' }],
    },
    {
      name: 'Alchemy key in a remote server URL',
      path: '/p/.vscode/mcp.json',
      text: '{"servers": {"r": {"type": "http", "url": "https://eth-mainnet.g.alchemy.com/v2/FAKE0000aB3dE5fG7hJ9kL1mN2pQ4rS6"}}}',
      errors: [{ text: 'FAKE0000aB3dE5fG7hJ9kL1mN2pQ4rS6', message: 'Alchemy API key in the URL' }],
    },
    {
      name: 'redis-cli -a',
      path: P,
      text: cursor({ command: 'redis-cli', args: ['-h', 'r.example.com', '-a', 'FAKE0000aB3dE5'] }),
      errors: [{ text: 'FAKE0000aB3dE5', severity: 'warning', message: 'in argument "-a"' }],
    },
    {
      name: 'redis-cli nested in docker exec',
      path: P,
      text: cursor({ command: 'docker', args: ['exec', '-i', 'cache', 'redis-cli', '-a', 'FAKE0000aB3dE5'] }),
      errors: [{ text: 'FAKE0000aB3dE5' }],
    },
    {
      name: 'mysql -p attached',
      path: P,
      text: cursor({ command: 'mysql', args: ['-u', 'root', '-pFAKE0000aB3d'] }),
      errors: [{ text: 'FAKE0000aB3d', message: 'in argument "-p"' }],
    },
    {
      name: 'assignment inside a shell string',
      path: P,
      text: cursor({ command: 'sh', args: ['-c', 'OPENAI_API_KEY=FAKE0000aB3dE5fG7hJ9kL node s.js'] }),
      errors: [{ text: 'FAKE0000aB3dE5fG7hJ9kL', message: 'variable "OPENAI_API_KEY" in the arguments' }],
    },
    {
      name: 'quoted assignment inside a shell string',
      path: P,
      text: cursor({ command: 'bash', args: ['-lc', "export DB_PASSWORD='FAKE0000aB3dE5' && run"] }),
      errors: [{ text: 'FAKE0000aB3dE5' }],
    },
    {
      name: 'Markdown saved as .json: the token in its raw text',
      path: P,
      text: '# My MCP notes\n\n```json\n{ "env": { "GITHUB_TOKEN": "' + GHP + '" } }\n```\n',
      errors: [{ line: 4, text: GHP, severity: 'error', message: 'Plaintext GitHub personal access token in this unparsable file (ghp_…)' }],
    },
    {
      name: 'truncated TOML',
      path: '/home/u/.codex/config.toml',
      text: '[mcp_servers.gh]\ncommand = "npx"\nenv = { GITHUB_TOKEN = "' + GHP + '"',
      errors: [{ text: GHP }],
    },
    {
      name: 'Codex TOML connection string',
      path: '/home/u/.codex/config.toml',
      text: '[mcp_servers.db]\ncommand = "x"\nenv = { DB = "Server=db;Password=FAKE0000aB3d;" }\n',
      errors: [{ line: 3, text: 'FAKE0000aB3d' }],
    },
    {
      name: 'Continue YAML recovery phrase',
      path: '/p/.continue/mcpServers/w.yaml',
      text: `name: w\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: w\n    command: npx\n    env:\n      MNEMONIC: "${PHRASE}"\n`,
      errors: [{ line: 8, text: PHRASE }],
    },
  ],
});
