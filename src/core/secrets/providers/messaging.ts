import { alnum, base64url, digits, hex, upper } from '../sampleText';
import type { SecretPattern } from '../types';

/** Chat, e-mail and SMS services. */
export const MESSAGING_PATTERNS: readonly SecretPattern[] = [
  {
    id: 'slack-bot-token',
    provider: 'Slack',
    description: 'Slack bot token',
    regex: /xoxb-[0-9]{8,14}-(?:[0-9]{10,13}-)?[A-Za-z0-9]{18,34}/,
    keywords: ['xoxb-'],
    samples: {
      match: ['xoxb-' + digits(11) + '-' + digits(12) + '-' + alnum(24)],
      noMatch: ['xoxb-your-bot-token', 'xoxb-' + digits(11) + '-' + 'x'.repeat(24)],
    },
  },
  {
    id: 'slack-user-token',
    provider: 'Slack',
    description: 'Slack user token',
    regex: /xox[pe](?:-[0-9]{10,13}){3}-[A-Za-z0-9]{28,34}/,
    keywords: ['xoxp-', 'xoxe-'],
    samples: { match: ['xoxp-' + digits(11) + '-' + digits(11) + '-' + digits(12) + '-' + hex(32)], noMatch: ['xoxp-' + digits(11) + '-' + hex(32)] },
  },
  {
    id: 'slack-app-token',
    provider: 'Slack',
    description: 'Slack app-level token',
    regex: /xapp-[0-9]-[A-Z0-9]{8,14}-[0-9]{10,14}-[a-z0-9]{32,80}/,
    keywords: ['xapp-'],
    samples: { match: ['xapp-1-' + upper(11) + '-' + digits(13) + '-' + hex(64)], noMatch: ['xapp-1-your-app-token'] },
  },
  {
    id: 'slack-legacy-token',
    provider: 'Slack',
    description: 'Slack legacy or workspace token',
    regex: /xox[aors]-(?:[0-9]{1,14}-){0,3}[A-Za-z0-9]{8,48}/,
    keywords: ['xoxa-', 'xoxo-', 'xoxr-', 'xoxs-'],
    samples: { match: ['xoxa-2-' + alnum(40), 'xoxs-' + digits(10) + '-' + digits(10) + '-' + digits(10) + '-' + hex(40)], noMatch: ['xoxa-xxxxxxxxxxxx'] },
  },
  {
    id: 'slack-webhook-url',
    provider: 'Slack',
    description: 'Slack incoming webhook URL',
    regex: /hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9+/]{43,56})/,
    keywords: ['hooks.slack.com'],
    secretGroup: 1,
    samples: {
      match: ['https://hooks.slack.com/services/T' + upper(8) + '/B' + upper(10) + '/' + alnum(24)],
      noMatch: ['https://hooks.slack.com/services/T000/B000/XXXX', 'https://api.slack.com/apps'],
    },
  },
  {
    id: 'discord-webhook-url',
    provider: 'Discord',
    description: 'Discord webhook URL',
    regex: /discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/([A-Za-z0-9_-]{60,70})/,
    keywords: ['discord'],
    secretGroup: 1,
    samples: { match: ['https://discord.com/api/webhooks/' + digits(18) + '/' + base64url(68)], noMatch: ['https://discord.com/api/webhooks/123/abc'] },
  },
  {
    id: 'discord-bot-token',
    provider: 'Discord',
    description: 'Discord bot token',
    regex: /[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}/,
    keywords: [],
    keyName: /discord/i,
    samples: {
      match: [{ key: 'DISCORD_TOKEN', value: 'M' + alnum(25) + '.' + alnum(6) + '.' + base64url(38) }],
      noMatch: [{ key: 'BOT_NAME', value: 'M' + alnum(25) + '.' + alnum(6) + '.' + base64url(38) }],
    },
  },
  {
    id: 'telegram-bot-token',
    provider: 'Telegram',
    description: 'Telegram bot token',
    regex: /(?<![0-9])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/,
    keywords: [':aa'],
    bounded: false,
    samples: {
      match: ['1000000001:AA' + base64url(33), 'https://api.telegram.org/bot1000000001:AA' + base64url(33) + '/getMe'],
      noMatch: ['1000000001:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '12:AA' + base64url(33)],
    },
  },
  {
    id: 'twilio-api-key',
    provider: 'Twilio',
    description: 'Twilio API key',
    regex: /SK[0-9a-fA-F]{32}/,
    keywords: ['sk'],
    samples: { match: ['SK' + hex(32)], noMatch: ['SK' + hex(31), 'AC' + hex(32)] },
  },
  {
    id: 'twilio-api-secret',
    provider: 'Twilio',
    description: 'Twilio API secret',
    regex: /SK[0-9a-fA-F]{32}:([A-Za-z0-9]{32})/,
    keywords: ['sk'],
    secretGroup: 1,
    samples: { match: ['AC' + hex(32) + '/SK' + hex(32) + ':' + alnum(32)], noMatch: ['SK' + hex(32) + ':' + alnum(8)] },
  },
  {
    id: 'twilio-auth-token',
    provider: 'Twilio',
    description: 'Twilio auth token',
    regex: /[0-9a-f]{32}/,
    keywords: [],
    keyName: /twilio/i,
    samples: { match: [{ key: 'TWILIO_AUTH_TOKEN', value: hex(32) }], noMatch: [{ key: 'TWILIO_ACCOUNT_SID', value: 'AC' + hex(32) }] },
  },
  {
    id: 'sendgrid-api-key',
    provider: 'SendGrid',
    description: 'SendGrid API key',
    regex: /SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/,
    keywords: ['sg.'],
    samples: { match: ['SG.' + base64url(22) + '.' + base64url(43)], noMatch: ['SG.' + base64url(10) + '.' + base64url(10)] },
  },
  {
    id: 'mailgun-api-key',
    provider: 'Mailgun',
    description: 'Mailgun API key',
    regex: /key-[0-9a-f]{32}/,
    keywords: ['key-'],
    samples: { match: ['key-' + hex(32)], noMatch: ['key-' + hex(16), 'pubkey-' + 'g'.repeat(32)] },
  },
  {
    id: 'mailgun-signing-key',
    provider: 'Mailgun',
    description: 'Mailgun API or webhook signing key',
    regex: /[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}/,
    keywords: [],
    keyName: /mailgun/i,
    samples: {
      match: [{ key: 'MAILGUN_API_KEY', value: hex(32) + '-' + hex(8) + '-' + hex(8) }],
      noMatch: [{ key: 'MAILGUN_DOMAIN', value: hex(32) + '-' + hex(8) + '-' + hex(8) }],
    },
  },
  {
    id: 'mailchimp-api-key',
    provider: 'Mailchimp',
    description: 'Mailchimp API key',
    regex: /[0-9a-f]{32}-us[0-9]{1,2}/,
    keywords: ['-us'],
    samples: { match: [hex(32) + '-us21'], noMatch: [hex(32) + '-eu1'] },
  },
  {
    id: 'resend-api-key',
    provider: 'Resend',
    description: 'Resend API key',
    regex: /re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}/,
    keywords: ['re_'],
    samples: { match: ['re_' + alnum(8) + '_' + alnum(24)], noMatch: ['re_' + alnum(8), 'are_you_sure_about_this_one_value_here'] },
  },
  {
    id: 'microsoft-teams-webhook-url',
    provider: 'Microsoft Teams',
    description: 'Microsoft Teams incoming webhook URL',
    regex: /[a-z0-9-]{1,60}\.webhook\.office\.com\/webhookb2\/([A-Za-z0-9@/_-]{60,300})/,
    keywords: ['webhook.office.com'],
    secretGroup: 1,
    samples: {
      match: [
        'https://contoso.webhook.office.com/webhookb2/' +
          hex(8) +
          '-' +
          hex(4) +
          '-' +
          hex(4) +
          '-' +
          hex(4) +
          '-' +
          hex(12) +
          '@' +
          hex(8) +
          '-0000-0000-0000-' +
          hex(12) +
          '/IncomingWebhook/' +
          hex(32) +
          '/' +
          hex(8),
      ],
      noMatch: ['https://contoso.webhook.office.com/'],
    },
  },
];
