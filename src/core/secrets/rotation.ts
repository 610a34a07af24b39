import { findSecretsInValue } from './detect';

/**
 * Where a provider's tokens are revoked and re-issued, for the advice after a token leaves a file ("it was in the
 * file and possibly in git history: rotate it"). Only pages that are stable and public; other providers get the advice
 * without a link.
 */
const TOKEN_PAGES: Record<string, string> = {
  Airtable: 'https://airtable.com/create/tokens',
  Anthropic: 'https://console.anthropic.com/settings/keys',
  Atlassian: 'https://id.atlassian.com/manage-profile/security/api-tokens',
  AWS: 'https://console.aws.amazon.com/iam/home#/security_credentials',
  'Brave Search': 'https://api-dashboard.search.brave.com/app/keys',
  Cloudflare: 'https://dash.cloudflare.com/profile/api-tokens',
  DigitalOcean: 'https://cloud.digitalocean.com/account/api/tokens',
  Discord: 'https://discord.com/developers/applications',
  GitHub: 'https://github.com/settings/tokens',
  GitLab: 'https://gitlab.com/-/user_settings/personal_access_tokens',
  Google: 'https://console.cloud.google.com/apis/credentials',
  Groq: 'https://console.groq.com/keys',
  'Hugging Face': 'https://huggingface.co/settings/tokens',
  Linear: 'https://linear.app/settings/api',
  'Mistral AI': 'https://console.mistral.ai/api-keys',
  Neon: 'https://console.neon.tech/app/settings/api-keys',
  Notion: 'https://www.notion.so/my-integrations',
  OpenAI: 'https://platform.openai.com/api-keys',
  OpenRouter: 'https://openrouter.ai/settings/keys',
  SendGrid: 'https://app.sendgrid.com/settings/api_keys',
  Sentry: 'https://sentry.io/settings/account/api/auth-tokens/',
  Slack: 'https://api.slack.com/apps',
  Stripe: 'https://dashboard.stripe.com/apikeys',
  Supabase: 'https://supabase.com/dashboard/account/tokens',
  Vercel: 'https://vercel.com/account/tokens',
};

export interface Rotation {
  /** The provider whose format the value has, when known. */
  provider?: string;
  /** The provider's page for revoking and re-issuing tokens, when known. */
  url?: string;
}

/** Which provider issued a secret value (from its format), and where to rotate it. */
export function rotationFor(value: string, keyName?: string): Rotation {
  const provider = findSecretsInValue(value, keyName).find((hit) => hit.provider)?.provider;
  return provider ? { provider, ...(TOKEN_PAGES[provider] ? { url: TOKEN_PAGES[provider] } : {}) } : {};
}
