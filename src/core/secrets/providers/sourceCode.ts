import { alnum, hex } from '../sampleText';
import type { SecretPattern } from '../types';

/** Source hosting: GitHub and GitLab. */
export const SOURCE_CODE_PATTERNS: readonly SecretPattern[] = [
  {
    id: 'github-pat',
    provider: 'GitHub',
    description: 'GitHub personal access token',
    regex: /ghp_[A-Za-z0-9]{36}/,
    keywords: ['ghp_'],
    samples: {
      match: ['ghp_' + alnum(36), 'Bearer ghp_' + alnum(36)],
      noMatch: ['ghp_' + alnum(35), 'ghp_' + 'x'.repeat(36), 'ghp_your_token_here', 'ghp_...'],
    },
  },
  {
    id: 'github-fine-grained-pat',
    provider: 'GitHub',
    description: 'GitHub fine-grained personal access token',
    regex: /github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}/,
    keywords: ['github_pat_'],
    samples: {
      match: ['github_pat_' + alnum(22) + '_' + alnum(59)],
      noMatch: ['github_pat_' + alnum(40), 'github_pat_xxxxxxxxxxxxxxxxxxxxxx_' + 'x'.repeat(59)],
    },
  },
  {
    id: 'github-oauth-token',
    provider: 'GitHub',
    description: 'GitHub OAuth access token',
    regex: /gho_[A-Za-z0-9]{36}/,
    keywords: ['gho_'],
    samples: { match: ['gho_' + alnum(36)], noMatch: ['gho_' + alnum(20), 'gho_<token>'] },
  },
  {
    id: 'github-app-token',
    provider: 'GitHub',
    description: 'GitHub App token',
    regex: /(?:ghu|ghs)_[A-Za-z0-9]{36}/,
    keywords: ['ghu_', 'ghs_'],
    samples: { match: ['ghs_' + alnum(36), 'ghu_' + alnum(36)], noMatch: ['ghx_' + alnum(36), 'ghs_' + alnum(36) + 'Z'] },
  },
  {
    id: 'github-refresh-token',
    provider: 'GitHub',
    description: 'GitHub refresh token',
    regex: /ghr_[A-Za-z0-9]{36}/,
    keywords: ['ghr_'],
    samples: { match: ['ghr_' + alnum(36)], noMatch: ['ghr_' + alnum(12)] },
  },
  {
    id: 'gitlab-pat',
    provider: 'GitLab',
    description: 'GitLab personal access token',
    regex: /glpat-[A-Za-z0-9_-]{20}(?:[A-Za-z0-9_-]{7,280}\.[0-9a-z]{2}\.?[0-9a-z]{7})?/,
    keywords: ['glpat-'],
    samples: {
      match: ['glpat-' + alnum(20), 'glpat-' + alnum(36) + '.01.' + hex(12).slice(5)],
      noMatch: ['glpat-' + alnum(12), 'glpat-xxxxxxxxxxxxxxxxxxxx', 'glpat-' + alnum(25)],
    },
  },
  {
    id: 'gitlab-token',
    provider: 'GitLab',
    description: 'GitLab deploy, runner, trigger or OAuth application token',
    regex:
      /(?:gldt-[A-Za-z0-9_-]{20}|glrt-[A-Za-z0-9_-]{20,300}(?:\.[0-9a-z]{9})?|glptt-[0-9a-f]{40}|gloas-[A-Za-z0-9_-]{64}|glcbt-[A-Za-z0-9]{1,5}_[A-Za-z0-9_-]{20}|glsoat-[A-Za-z0-9_-]{20})/,
    keywords: ['gldt-', 'glrt-', 'glptt-', 'gloas-', 'glcbt-', 'glsoat-'],
    samples: { match: ['gldt-' + alnum(20), 'glptt-' + hex(40), 'glrt-' + alnum(20)], noMatch: ['glptt-' + alnum(40).toUpperCase(), 'gldt-' + alnum(8)] },
  },
];
