import { alnum, base64url, hex } from '../sampleText';
import type { SecretPattern } from '../types';

/** Hosted databases, payments and commerce. */
export const DATA_AND_PAYMENT_PATTERNS: readonly SecretPattern[] = [
  {
    id: 'supabase-token',
    provider: 'Supabase',
    description: 'Supabase access token or secret key',
    regex: /sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{30,60}/,
    keywords: ['sbp_', 'sb_secret_'],
    samples: { match: ['sbp_' + hex(40), 'sb_secret_' + base64url(31)], noMatch: ['sbp_' + hex(10), 'sb_publishable_' + base64url(31)] },
  },
  {
    id: 'neon-api-key',
    provider: 'Neon',
    description: 'Neon API key',
    regex: /napi_[a-z0-9]{64}/,
    keywords: ['napi_'],
    samples: { match: ['napi_' + alnum(64).toLowerCase()], noMatch: ['napi_' + alnum(20).toLowerCase()] },
  },
  {
    id: 'planetscale-token',
    provider: 'PlanetScale',
    description: 'PlanetScale token or password',
    regex: /pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.=-]{32,64}/,
    keywords: ['pscale_'],
    samples: { match: ['pscale_tkn_' + base64url(43), 'pscale_pw_' + base64url(43)], noMatch: ['pscale_tkn_' + alnum(10)] },
  },
  {
    id: 'stripe-secret-key',
    provider: 'Stripe',
    description: 'Stripe secret key',
    regex: /(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,99}/,
    keywords: ['sk_live', 'sk_test', 'sk_prod', 'rk_live', 'rk_test', 'rk_prod'],
    samples: { match: ['sk_live_' + alnum(24), 'rk_test_' + alnum(99)], noMatch: ['pk_live_' + alnum(24), 'sk_live_...', 'sk_test_xxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'stripe-webhook-secret',
    provider: 'Stripe',
    description: 'Stripe webhook signing secret',
    regex: /whsec_[A-Za-z0-9]{32,64}/,
    keywords: ['whsec_'],
    samples: { match: ['whsec_' + alnum(32)], noMatch: ['whsec_...'] },
  },
  {
    id: 'shopify-access-token',
    provider: 'Shopify',
    description: 'Shopify access token or shared secret',
    regex: /shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}/,
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    samples: { match: ['shpat_' + hex(32), 'shpss_' + hex(32)], noMatch: ['shpat_' + hex(20), 'shpxx_' + hex(32)] },
  },
  {
    id: 'square-access-token',
    provider: 'Square',
    description: 'Square access token or application secret',
    regex: /EAAA[A-Za-z0-9_-]{60}|sq0(?:atp|csp)-[A-Za-z0-9_-]{22,43}/,
    keywords: ['eaaa', 'sq0atp-', 'sq0csp-'],
    samples: { match: ['EAAA' + base64url(60), 'sq0csp-' + base64url(43)], noMatch: ['EAAA' + base64url(20)] },
  },
  {
    id: 'braintree-access-token',
    provider: 'PayPal',
    description: 'PayPal Braintree access token',
    regex: /access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}/,
    keywords: ['access_token$production$'],
    samples: { match: ['access_token$production$' + alnum(16).toLowerCase() + '$' + hex(32)], noMatch: ['access_token$sandbox$' + hex(16) + '$' + hex(32)] },
  },
];
