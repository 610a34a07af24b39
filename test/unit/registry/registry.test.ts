import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadConfigText } from '../../../src/core/config/load';
import { lintFile } from '../../../src/core/engine/lint';
import { createProject } from '../../../src/core/engine/project';
import { pinEdit, pinRequestFor } from '../../../src/core/launch/pin';
import { unpinnedPackage } from '../../../src/core/rules/unpinned-package';
import { RegistryError } from '../../../src/node/registry/errors';
import { resolveGoVersion, resolveJsrVersion } from '../../../src/node/registry/jsrGo';
import { resolveNpmVersion } from '../../../src/node/registry/npm';
import { mergeNpmConfigs, parseNpmrc, registryFor, tokenFor } from '../../../src/node/registry/npmrc';
import { imageLocation, resolveImageDigest } from '../../../src/node/registry/oci';
import { resolvePypiVersion } from '../../../src/node/registry/pypi';
import { resolvePin } from '../../../src/node/registry/resolve';
import { digestOf, startRegistryStub, type RegistryStub } from '../../helpers/registryStub';
import { applyEdits } from '../helpers/ruleTester';

const INDEX = '{"schemaVersion":2,"manifests":[]}';
let stub: RegistryStub;

before(async () => {
  stub = await startRegistryStub({
    npm: {
      '@modelcontextprotocol/server-github': { distTags: { latest: '2025.4.8', next: '2025.5.0-rc.1' }, versions: ['2025.1.0', '2025.4.8', '2025.5.0-rc.1'] },
      'mcp-remote': { distTags: { latest: '0.1.29' }, versions: ['0.1.0', '0.1.29', '1.0.0-beta.1', '0.2.0'] },
    },
    pypi: {
      'mcp-server-git': {
        version: '0.6.2',
        releases: { '0.5.0': [{}], '0.6.0': [{}], '0.6.2': [{}], '0.7.0': [{ yanked: true }], '0.8.0a1': [{}], '0.9.0': [] },
      },
    },
    images: { 'mcp/fetch': { latest: INDEX, '1.0': 'one' }, 'library/node': { '22': 'node22' } },
    imageAuth: true,
    jsr: { '@o/srv': { latest: '1.4.0', versions: { '1.0.0': {}, '1.4.0': {}, '1.5.0': { yanked: true } } } },
    go: { 'github.com/Org/mcp': { latest: 'v1.3.0', refs: { main: 'v1.3.1-0.20250101000000-abcdefabcdef' } } },
    hang: ['/slow'],
  });
});
after(() => stub.close());

const npmAt = () => ({ registry: stub.url });

test('npm: latest, dist-tag, and ranges (latest preferred when in range)', async () => {
  assert.equal((await resolveNpmVersion('@modelcontextprotocol/server-github', undefined, npmAt())).version, '2025.4.8');
  assert.equal((await resolveNpmVersion('@modelcontextprotocol/server-github', 'next', npmAt())).version, '2025.5.0-rc.1');
  assert.equal((await resolveNpmVersion('mcp-remote', '^0.1.0', npmAt())).version, '0.1.29');
  assert.equal((await resolveNpmVersion('mcp-remote', '0.x', npmAt())).version, '0.1.29', 'latest is in range');
  assert.equal((await resolveNpmVersion('mcp-remote', '>=0.2', npmAt())).version, '0.2.0', 'prereleases are left out');
  const scoped = stub.requests.find((r) => r.path.startsWith('/@modelcontextprotocol'))!;
  assert.equal(scoped.path, '/@modelcontextprotocol%2fserver-github');
  assert.match(String(scoped.headers.accept), /application\/vnd\.npm\.install-v1\+json/);
});

test('npm: unknown package, no matching version', async () => {
  await assert.rejects(
    resolveNpmVersion('nope', undefined, npmAt()),
    (e: RegistryError) => e.kind === 'not-found' && /npm package nope not found/.test(e.message),
  );
  await assert.rejects(resolveNpmVersion('mcp-remote', '^9', npmAt()), (e: RegistryError) => e.kind === 'no-match');
});

test('npm: token from .npmrc for a private registry', async () => {
  const priv = await startRegistryStub({ npm: { '@corp/mcp': { distTags: { latest: '3.1.0' }, versions: ['3.1.0'] } }, npmToken: 'FAKE-npm-0000' });
  try {
    const host = priv.url.replace(/^http:/, '');
    const config = parseNpmrc(`registry=https://registry.npmjs.org/\n@corp:registry=${priv.url}/\n${host}/:_authToken=\${NPM_TOKEN}\n`, {
      NPM_TOKEN: 'FAKE-npm-0000',
    });
    assert.equal(registryFor('@corp/mcp', config), `${priv.url}/`);
    assert.equal(registryFor('other', config), 'https://registry.npmjs.org/');
    assert.equal(tokenFor(`${priv.url}/@corp%2fmcp`, config), 'FAKE-npm-0000');
    assert.equal((await resolveNpmVersion('@corp/mcp', undefined, config)).version, '3.1.0');
    await assert.rejects(
      resolveNpmVersion('@corp/mcp', undefined, mergeNpmConfigs(config, { tokens: { [`${host}/`]: 'wrong' } })),
      (e: RegistryError) => e.kind === 'unauthorized',
    );
  } finally {
    await priv.close();
  }
});

test('PyPI: newest final release, specifiers, yanked and empty releases left out', async () => {
  const at = stub.url;
  assert.equal((await resolvePypiVersion('mcp-server-git', undefined, at)).version, '0.6.2');
  assert.equal((await resolvePypiVersion('mcp-server-git', '>=0.5,<0.6.1', at)).version, '0.6.0');
  assert.equal((await resolvePypiVersion('mcp-server-git', '~=0.5', at)).version, '0.6.2');
  assert.equal((await resolvePypiVersion('mcp-server-git', '==0.5.*', at)).version, '0.5.0');
  assert.equal((await resolvePypiVersion('mcp-server-git', '>=0.8.0a1', at)).version, '0.8.0a1', 'a pre-release in the specifier allows pre-releases');
  await assert.rejects(resolvePypiVersion('absent', undefined, at), (e: RegistryError) => e.kind === 'not-found');
});

test('images: anonymous token flow, index digest, library/ for official images', async () => {
  const mirrors = { mirrors: { 'docker.io': stub.url } };
  assert.deepEqual(await resolveImageDigest('mcp/fetch', undefined, mirrors), { version: digestOf(INDEX), url: `${stub.url}/v2/mcp/fetch/manifests/latest` });
  assert.equal((await resolveImageDigest('node', '22', mirrors)).version, digestOf('node22'));
  const head = stub.requests.filter((r) => r.path === '/v2/mcp/fetch/manifests/latest');
  assert.equal(head[0]!.headers.authorization, undefined);
  assert.match(String(head[1]!.headers.authorization), /^Bearer /);
  assert.match(String(head[0]!.headers.accept), /application\/vnd\.oci\.image\.index\.v1\+json/);
  assert.ok(head.every((r) => r.method === 'HEAD'));
  await assert.rejects(resolveImageDigest('mcp/absent', 'x', mirrors), (e: RegistryError) => e.kind === 'not-found');
});

test('images: a registry whose HEAD has no digest is hashed from GET', async () => {
  const plain = await startRegistryStub({ images: { 'team/srv': { v2: 'manifest-v2' } }, imageHeadWithoutDigest: true });
  try {
    const host = plain.url.replace('http://', '');
    assert.equal((await resolveImageDigest(`${host}/team/srv`, 'v2')).version, digestOf('manifest-v2'));
  } finally {
    await plain.close();
  }
});

test('image locations', () => {
  assert.deepEqual(imageLocation('node'), { base: 'https://registry-1.docker.io', repository: 'library/node', host: 'docker.io' });
  assert.deepEqual(imageLocation('ghcr.io/github/github-mcp-server'), { base: 'https://ghcr.io', repository: 'github/github-mcp-server', host: 'ghcr.io' });
  assert.deepEqual(imageLocation('localhost:5000/x', {}), { base: 'http://localhost:5000', repository: 'x', host: 'localhost:5000' });
  assert.equal(imageLocation('ghcr.io/o/x', { mirrors: { 'ghcr.io': 'https://mirror.example' } }).base, 'https://mirror.example');
});

test('JSR and the Go proxy', async () => {
  assert.equal((await resolveJsrVersion('@o/srv', undefined, stub.url)).version, '1.4.0');
  assert.equal((await resolveJsrVersion('@o/srv', '^1.0.0', stub.url)).version, '1.4.0', 'yanked versions are left out');
  assert.equal((await resolveGoVersion('github.com/Org/mcp/cmd/server', undefined, stub.url)).version, 'v1.3.0');
  assert.equal((await resolveGoVersion('github.com/Org/mcp', 'main', stub.url)).version, 'v1.3.1-0.20250101000000-abcdefabcdef');
  assert.ok(
    stub.requests.some((r) => r.path === '/github.com/!org/mcp/@latest'),
    'upper case is escaped',
  );
});

test('timeouts, unreachable registries and cancellation give clear errors', async () => {
  await assert.rejects(
    resolveNpmVersion('x', undefined, { registry: `${stub.url}/slow` }, { timeoutMs: 150 }),
    (e: RegistryError) => e.kind === 'timeout' && /^offline or registry unreachable: .*did not answer within 150 ms/.test(e.message),
  );
  const closed = await startRegistryStub({});
  const url = closed.url;
  await closed.close();
  await assert.rejects(
    resolvePypiVersion('x', undefined, url),
    (e: RegistryError) => e.kind === 'offline' && e.message.startsWith(`offline or registry unreachable: ${url}/pypi/x/json`),
  );
  const controller = new AbortController();
  const pending = resolvePin({ ecosystem: 'npm', name: 'x', registry: `${stub.url}/slow` }, {}, controller.signal);
  controller.abort();
  await assert.rejects(pending, (e: RegistryError) => e.kind === 'aborted');
});

test('from finding to pinned file: pinRequestFor → resolvePin → pinEdit', async () => {
  const text =
    '{\n  "mcpServers": {\n    "gh": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"] },\n    "fetch": { "command": "docker", "args": ["run", "-i", "--rm", "mcp/fetch"] },\n    "git": { "command": "uvx", "args": ["mcp-server-git>=0.6"] }\n  }\n}\n';
  const file = loadConfigText(text, { path: '/p/.cursor/mcp.json' });
  const findings = lintFile(file, createProject([file]), { rules: [unpinnedPackage] });
  const settings = { npm: { registry: stub.url }, pypiUrl: stub.url, oci: { mirrors: { 'docker.io': stub.url } } };
  const edits = [];
  for (const f of findings) edits.push(...pinEdit(file, f, (await resolvePin(pinRequestFor(file, f)!, settings)).version));
  assert.equal(
    applyEdits(text, edits),
    text
      .replace('server-github"', 'server-github@2025.4.8"')
      .replace('"mcp/fetch"', `"mcp/fetch@${digestOf(INDEX)}"`)
      .replace('mcp-server-git>=0.6', 'mcp-server-git==0.6.2'),
  );
});
