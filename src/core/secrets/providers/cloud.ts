import { alnum, base32, base64, base64url, hex, uuid } from '../sampleText';
import type { SecretPattern } from '../types';

/** Cloud platforms: AWS, Azure, Google Cloud, Cloudflare, DigitalOcean, Heroku. */
export const CLOUD_PATTERNS: readonly SecretPattern[] = [
  {
    id: 'aws-access-key-id',
    provider: 'AWS',
    description: 'AWS access key ID',
    regex: /(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}/,
    keywords: ['a3t', 'akia', 'asia', 'abia', 'acca'],
    samples: { match: ['AKIA' + base32(16), 'ASIA' + base32(16)], noMatch: ['AKIAIOSFODNN7EXAMPLE', 'AKIA' + base32(12), 'akia' + base32(16).toLowerCase()] },
  },
  {
    id: 'aws-secret-access-key',
    provider: 'AWS',
    description: 'AWS secret access key',
    regex: /[A-Za-z0-9/+]{40}/,
    keywords: [],
    keyName: /aws.?secret|secret.?access.?key/i,
    samples: {
      match: [
        { key: 'AWS_SECRET_ACCESS_KEY', value: base64(40) },
        { key: 'aws_secret_access_key', value: alnum(40) },
      ],
      noMatch: [
        { key: 'AWS_SECRET_ACCESS_KEY', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
        { key: 'AWS_REGION', value: base64(40) },
        { key: 'AWS_SECRET_ACCESS_KEY', value: base64(30) },
      ],
    },
  },
  {
    id: 'azure-storage-account-key',
    provider: 'Azure',
    description: 'Azure Storage account key',
    regex: /AccountKey=([A-Za-z0-9+/]{86}==)/,
    keywords: ['accountkey='],
    secretGroup: 1,
    samples: {
      match: ['DefaultEndpointsProtocol=https;AccountName=fakeaccount;AccountKey=' + base64(86) + '==;EndpointSuffix=core.windows.net'],
      noMatch: ['DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=<your-key>', 'UseDevelopmentStorage=true'],
    },
  },
  {
    id: 'azure-shared-access-key',
    provider: 'Azure',
    description: 'Azure Service Bus or Event Hubs shared access key',
    regex: /SharedAccessKey=([A-Za-z0-9+/]{43}=)/,
    keywords: ['sharedaccesskey='],
    secretGroup: 1,
    samples: {
      match: ['Endpoint=sb://fake.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=' + base64(43) + '='],
      noMatch: ['Endpoint=sb://fake.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey'],
    },
  },
  {
    id: 'azure-sas-signature',
    provider: 'Azure',
    description: 'Azure shared access signature',
    regex: /(?<=[?&;])sig=([A-Za-z0-9%+/]{43,120}={0,2})(?![A-Za-z0-9%+/=])/,
    keywords: ['sig='],
    secretGroup: 1,
    bounded: false,
    samples: {
      match: ['https://fake.blob.core.windows.net/c/b.txt?sv=2022-11-02&ss=b&sig=' + base64(43) + '%3D'],
      noMatch: ['https://fake.blob.core.windows.net/c/b.txt?sv=2022-11-02&sig=abc', 'https://example.com/?design=' + base64(50)],
    },
  },
  {
    id: 'azure-ad-client-secret',
    provider: 'Azure',
    description: 'Microsoft Entra ID (Azure AD) client secret',
    regex: /[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}/,
    keywords: ['q~'],
    samples: { match: ['abc8Q~' + alnum(34)], noMatch: ['abc8Q~' + alnum(10)] },
  },
  {
    id: 'azure-ai-services-key',
    provider: 'Azure',
    description: 'Azure AI services (OpenAI, Cognitive Services) key',
    regex: /[0-9a-f]{32}|[A-Za-z0-9]{84}/,
    keywords: [],
    keyName: /azure|cognitive/i,
    samples: {
      match: [
        { key: 'AZURE_OPENAI_API_KEY', value: hex(32) },
        { key: 'AZURE_API_KEY', value: alnum(84) },
      ],
      noMatch: [
        { key: 'AZURE_OPENAI_ENDPOINT', value: hex(32) },
        { key: 'OPENAI_API_KEY', value: hex(32) },
      ],
    },
  },
  {
    id: 'google-api-key',
    provider: 'Google',
    description: 'Google API key',
    regex: /AIza[A-Za-z0-9_-]{35}/,
    keywords: ['aiza'],
    samples: {
      match: ['AIza' + base64url(35), 'https://maps.googleapis.com/maps/api/js?key=AIza' + base64url(35)],
      noMatch: ['AIza' + base64url(20), 'AIzaSy' + 'X'.repeat(33)],
    },
  },
  {
    id: 'google-oauth-client-secret',
    provider: 'Google',
    description: 'Google OAuth client secret',
    regex: /GOCSPX-[A-Za-z0-9_-]{28}/,
    keywords: ['gocspx-'],
    samples: { match: ['GOCSPX-' + base64url(28)], noMatch: ['GOCSPX-' + base64url(10)] },
  },
  {
    id: 'google-oauth-access-token',
    provider: 'Google',
    description: 'Google OAuth access token',
    regex: /ya29\.[A-Za-z0-9_-]{30,400}/,
    keywords: ['ya29.'],
    samples: { match: ['ya29.' + base64url(120)], noMatch: ['ya29.' + base64url(10)] },
  },
  {
    id: 'cloudflare-api-token',
    provider: 'Cloudflare',
    description: 'Cloudflare API token or key',
    regex: /[A-Za-z0-9_-]{40}|[0-9a-f]{37}/,
    keywords: [],
    keyName: /cloudflare|(^|_)cf_/i,
    samples: {
      match: [
        { key: 'CLOUDFLARE_API_TOKEN', value: base64url(40) },
        { key: 'CF_API_KEY', value: hex(37) },
      ],
      noMatch: [
        { key: 'CLOUDFLARE_ACCOUNT_ID', value: hex(32) },
        { key: 'CLOUDFLARE_API_TOKEN', value: base64url(30) },
      ],
    },
  },
  {
    id: 'cloudflare-origin-ca-key',
    provider: 'Cloudflare',
    description: 'Cloudflare Origin CA key',
    regex: /v1\.0-[a-f0-9]{24}-[a-f0-9]{146}/,
    keywords: ['v1.0-'],
    samples: { match: ['v1.0-' + hex(24) + '-' + hex(146)], noMatch: ['v1.0-' + hex(24)] },
  },
  {
    id: 'digitalocean-token',
    provider: 'DigitalOcean',
    description: 'DigitalOcean access token',
    regex: /do[opr]_v1_[a-f0-9]{64}/,
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    samples: { match: ['dop_v1_' + hex(64), 'doo_v1_' + hex(64)], noMatch: ['dop_v1_' + hex(20), 'dop_v1_' + 'x'.repeat(64)] },
  },
  {
    id: 'heroku-api-key',
    provider: 'Heroku',
    description: 'Heroku API key',
    regex: /HRKU-AA[A-Za-z0-9_-]{58}/,
    keywords: ['hrku-'],
    samples: { match: ['HRKU-AA' + base64url(58)], noMatch: ['HRKU-' + base64url(20)] },
  },
  {
    id: 'heroku-legacy-api-key',
    provider: 'Heroku',
    description: 'Heroku API key',
    regex: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    keywords: [],
    keyName: /heroku/i,
    samples: {
      match: [{ key: 'HEROKU_API_KEY', value: uuid() }],
      noMatch: [
        { key: 'HEROKU_APP_ID', value: uuid() },
        { key: 'APP_ID', value: uuid() },
      ],
    },
  },
];
