import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PinRequest } from '../../../src/core/launch/pin';
import { RegistryError } from '../../../src/node/registry/errors';
import { createLookupRun } from '../../../src/node/registry/lookupRun';
import { parseNpmrc } from '../../../src/node/registry/npmrc';

const req = (name: string): PinRequest => ({ ecosystem: 'npm', name });

describe('registry lookups of one run', () => {
  test('at most N in flight, each distinct request asked once', async () => {
    let inFlight = 0;
    let most = 0;
    const asked: string[] = [];
    const run = createLookupRun(
      {},
      {
        concurrency: 3,
        lookup: async (r) => {
          asked.push(r.name);
          most = Math.max(most, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight--;
          return { version: '1.0.0', source: r.name };
        },
      },
    );
    const names = Array.from({ length: 20 }, (_, i) => `p${i % 10}`);
    const pins = await Promise.all(names.map((n) => run.resolve(req(n))));
    run.dispose();
    assert.equal(most, 3);
    assert.equal(asked.length, 10);
    assert.deepEqual(
      pins.map((p) => p.source),
      names,
    );
  });

  test('one deadline for all: what waits or runs past it fails with a message that says so', async () => {
    const run = createLookupRun(
      {},
      {
        deadlineMs: 50,
        concurrency: 2,
        lookup: (_r, _s, signal) =>
          new Promise((_resolve, reject) => signal!.addEventListener('abort', () => reject(new RegistryError('aborted', 'cancelled')))),
      },
    );
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => run.resolve(req(`x${i}`))));
    run.dispose();
    for (const r of results) {
      assert.equal(r.status, 'rejected');
      assert.match(((r as PromiseRejectedResult).reason as Error).message, /this run's deadline of 0 s for all of them passed/);
    }
  });
});

describe('.npmrc trust', () => {
  const text = 'registry=https://npm.example.test/\n@corp:registry=https://npm.example.test/${CI_SECRET}/\n//npm.example.test/:_authToken=${CI_SECRET}\n';
  test('untrusted (a project file): no credentials, no ${VAR} expansion anywhere', () => {
    const config = parseNpmrc(text, { CI_SECRET: 'FAKE-secret' }, { trusted: false });
    assert.deepEqual(config.tokens, {});
    assert.equal(config.ignoredCredentials, true);
    assert.equal(config.registry, 'https://npm.example.test/');
    assert.deepEqual(config.scopes, {});
  });
  test('trusted: tokens expanded, a registry URL with ${…} still ignored', () => {
    const config = parseNpmrc(text, { CI_SECRET: 'FAKE-secret' });
    assert.deepEqual(config.tokens, { '//npm.example.test/': 'FAKE-secret' });
    assert.deepEqual(config.scopes, {});
  });
});
