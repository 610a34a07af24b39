import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COMPILED_PATTERNS, literalPrefix } from '../../../src/core/secrets/compile';
import { findSecretsInValue } from '../../../src/core/secrets/detect';
import { SECRET_PATTERNS } from '../../../src/core/secrets/providers/index';
import type { Sample } from '../../../src/core/secrets/types';

function run(sample: Sample) {
  const value = typeof sample === 'string' ? sample : sample.value;
  const key = typeof sample === 'string' ? undefined : sample.key;
  return { value, hits: findSecretsInValue(value, key) };
}

describe('provider patterns: every sample behaves as its pattern says', () => {
  for (const pattern of SECRET_PATTERNS) {
    test(pattern.id, () => {
      assert.ok(pattern.samples.match.length > 0, 'needs at least one should-match sample');
      assert.ok(pattern.samples.noMatch.length > 0, 'needs at least one should-not-match sample');
      for (const sample of pattern.samples.match) {
        const { value, hits } = run(sample);
        const hit = hits.find((h) => h.patternId === pattern.id);
        assert.ok(hit, `should match: ${JSON.stringify(sample)} (got ${hits.map((h) => h.patternId).join(', ') || 'nothing'})`);
        assert.equal(hit.severity, 'error');
        assert.ok(value.slice(hit.start, hit.end).length >= 16, 'the reported span holds the token');
        if (pattern.keywords.length > 0 && !pattern.keyName) {
          assert.ok(
            pattern.keywords.some((k) => value.toLowerCase().includes(k)),
            `prefilter keywords miss ${JSON.stringify(sample)}`,
          );
        }
      }
      for (const sample of pattern.samples.noMatch) {
        const { hits } = run(sample);
        assert.ok(!hits.some((h) => h.patternId === pattern.id), `should not match: ${JSON.stringify(sample)}`);
      }
    });
  }
});

test('pattern ids are unique kebab-case and keywords are lowercase', () => {
  const ids = SECRET_PATTERNS.map((p) => p.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const p of SECRET_PATTERNS) {
    assert.match(p.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const k of p.keywords) assert.equal(k, k.toLowerCase(), `${p.id} keyword "${k}"`);
    assert.ok(!p.regex.flags.includes('g'), `${p.id}: no g flag in data`);
  }
});

test('at least 50 providers, including the ones the issue names', () => {
  const providers = new Set(SECRET_PATTERNS.map((p) => p.provider));
  assert.ok(providers.size >= 50, `only ${providers.size} providers`);
  const required = [
    'GitHub',
    'GitLab',
    'Slack',
    'AWS',
    'Azure',
    'Google',
    'OpenAI',
    'Anthropic',
    'OpenRouter',
    'Groq',
    'Mistral AI',
    'Perplexity',
    'Hugging Face',
    'Stripe',
    'Notion',
    'Linear',
    'Atlassian',
    'Sentry',
    'Supabase',
    'Figma',
    'Brave Search',
    'Tavily',
    'Exa',
    'npm',
    'Docker Hub',
    'Cloudflare',
    'Twilio',
    'SendGrid',
    'Discord',
    'Telegram',
    'Shopify',
    'PEM',
    'JWT',
    'Postman',
    'Datadog',
    'PyPI',
    'DigitalOcean',
    'Heroku',
    'Mailgun',
    'Airtable',
    'Asana',
    'Replicate',
    'Cohere',
    'Fireworks AI',
    'xAI',
    'DeepSeek',
    'Pinecone',
    'Firecrawl',
    'Browserbase',
    'Neon',
    'PlanetScale',
    'Vercel',
    'Netlify',
    'Twitch',
  ];
  for (const name of required) assert.ok(providers.has(name), `missing provider ${name}`);
});

test('literal prefixes are the fixed start of a format', () => {
  assert.equal(literalPrefix('ghp_[A-Za-z0-9]{36}'), 'ghp_');
  assert.equal(literalPrefix('sk-ant-(?:api|admin)[0-9]{2}'), 'sk-ant-');
  assert.equal(literalPrefix('SG\\.[A-Za-z0-9_-]{22}'), 'SG.');
  assert.equal(literalPrefix('xox[pe]-'), 'xox');
  assert.equal(literalPrefix('ab?c'), 'a');
  assert.equal(literalPrefix('\\d{8}:AA'), '');
  const github = COMPILED_PATTERNS.find((c) => c.pattern.id === 'github-pat');
  assert.equal(github?.publicPrefix, 'ghp_');
});

test('a token inside a longer alphanumeric run is not that token', () => {
  const body = 'ghp_' + 'aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xYz123';
  assert.equal(findSecretsInValue('x' + body).filter((h) => h.patternId === 'github-pat').length, 0);
  assert.equal(findSecretsInValue(body + 'Q').filter((h) => h.patternId === 'github-pat').length, 0);
  assert.equal(findSecretsInValue(`--token=${body}`).filter((h) => h.patternId === 'github-pat').length, 1);
});
