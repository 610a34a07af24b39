import type { ClientId } from '../config/clientIds';
import { CLIENTS } from '../config/clients';
import type { LocationKind } from './types';

/**
 * How a client can get the secret once it leaves the file:
 * - `definition-provider`: VS Code starts the server from MCP Warden's MCP server definition
 *   provider, which injects the secret from SecretStorage at launch (the entry leaves the file);
 * - `extension-api`: Cursor's `vscode.cursor.mcp.registerServer`, given the secret at registration;
 * - `reference`: text in the file that the client resolves at launch;
 * - `indirection`: another field that names where the value comes from (Codex, Goose);
 * - `none`: the client has no such mechanism.
 */
export type ReplacementMechanism = 'definition-provider' | 'extension-api' | 'reference' | 'indirection' | 'none';

export interface ReplacementCandidate {
  mechanism: ReplacementMechanism;
  /** The text that takes the secret's place (`reference`). */
  reference?: string;
  /** The field's whole new value, with the reference where the secret was (`reference`). */
  newFieldValue?: string;
  /** The config change in words (`indirection`). */
  change?: string;
  /** What must still hold for the server to receive the secret. */
  requires: string;
  /** False when the mechanism is inferred or known only second-hand. */
  documented: boolean;
  preferred?: boolean;
}

export interface ReplacementTarget {
  fieldKind: LocationKind;
  /** Header name, for Codex's header indirections. */
  key: string | undefined;
  /** Whether the secret is the token of an `Authorization: Bearer …` value. */
  bearer: boolean;
  envName: string;
  inputId: string;
  fieldValue: string;
  secretStart: number;
  secretEnd: number;
}

const ENV_WORDING = (client: string, name: string) => `${name} must be set in the environment ${client} is started from; SecretStorage cannot set it there.`;

/** The ways, best first, to keep the secret out of this client's file and still start the server. */
export function replacementCandidates(client: ClientId | undefined, t: ReplacementTarget): ReplacementCandidate[] {
  const ref = (reference: string, requires: string, documented: boolean): ReplacementCandidate => ({
    mechanism: 'reference',
    reference,
    newFieldValue: t.fieldValue.slice(0, t.secretStart) + reference + t.fieldValue.slice(t.secretEnd),
    requires,
    documented,
  });
  const name = client ? CLIENTS[client].name : 'This client';
  switch (client) {
    case 'vscode':
      return [
        {
          mechanism: 'definition-provider',
          requires:
            'MCP Warden serves this server through its MCP server definition provider and passes the secret from SecretStorage when VS Code starts it; the entry leaves mcp.json and no plaintext copy is kept anywhere.',
          documented: true,
          preferred: true,
        },
        ref(
          `\${input:${t.inputId}}`,
          `An inputs entry {"type": "promptString", "id": "${t.inputId}", "password": true}: VS Code asks once and keeps the value in its own secret store, not MCP Warden's.`,
          true,
        ),
      ];
    case 'cursor':
      return [
        {
          mechanism: 'extension-api',
          requires:
            'MCP Warden registers the server with vscode.cursor.mcp.registerServer and passes the secret from SecretStorage; the entry leaves mcp.json. Needs MCP Warden running in Cursor.',
          documented: false,
          preferred: true,
        },
        ref(`\${env:${t.envName}}`, ENV_WORDING('Cursor', t.envName), true),
      ];
    case 'claude-code':
      return [
        {
          ...ref(`\${${t.envName}}`, `${ENV_WORDING('Claude Code', t.envName)} An unset variable without a default makes the file fail to load.`, true),
          preferred: true,
        },
      ];
    case 'windsurf':
      return [{ ...ref(`\${env:${t.envName}}`, ENV_WORDING('Windsurf', t.envName), false), preferred: true }];
    case 'kiro':
      return [{ ...ref(`\${${t.envName}}`, ENV_WORDING('Kiro', t.envName), false), preferred: true }];
    case 'gemini-cli':
      return [
        {
          ...ref(
            `$${t.envName}`,
            `${ENV_WORDING('Gemini CLI', t.envName)}${t.fieldKind === 'env' ? '' : ' Gemini CLI documents expansion in env values only.'}`,
            t.fieldKind === 'env',
          ),
          preferred: true,
        },
      ];
    case 'roo-code':
    case 'kilo-code':
      if (t.fieldKind !== 'env') return [none(name)];
      return [{ ...ref(`\${env:${t.envName}}`, ENV_WORDING(name, t.envName), false), preferred: true }];
    case 'opencode':
      return [{ ...ref(`{env:${t.envName}}`, ENV_WORDING(name, t.envName), false), preferred: true }];
    case 'continue':
      return [
        { ...ref(`\${{ secrets.${t.envName} }}`, `A secret named ${t.envName} in Continue (its local secrets file or Continue Hub).`, true), preferred: true },
      ];
    case 'codex':
      return codexCandidates(t);
    case 'goose':
      if (t.fieldKind !== 'env') return [none(name)];
      return [
        {
          mechanism: 'indirection',
          change: `Remove envs.${t.envName} and list "${t.envName}" under env_keys; store the value with \`goose configure\`.`,
          requires: 'Goose keeps the value in the OS keyring.',
          documented: true,
          preferred: true,
        },
      ];
    default:
      return [none(name)];
  }
}

function codexCandidates(t: ReplacementTarget): ReplacementCandidate[] {
  const requires = ENV_WORDING('Codex', t.envName);
  if (t.fieldKind === 'env')
    return [
      {
        mechanism: 'indirection',
        change: `Remove env.${t.envName} and add "${t.envName}" to env_vars (env_vars = ["${t.envName}"]).`,
        requires,
        documented: false,
        preferred: true,
      },
    ];
  if (t.fieldKind === 'header' && t.bearer)
    return [
      {
        mechanism: 'indirection',
        change: `Remove the Authorization header and set bearer_token_env_var = "${t.envName}".`,
        requires,
        documented: false,
        preferred: true,
      },
    ];
  if (t.fieldKind === 'header')
    return [
      {
        mechanism: 'indirection',
        change: `Move the header to env_http_headers = { "${t.key}" = "${t.envName}" }.`,
        requires,
        documented: false,
        preferred: true,
      },
    ];
  return [none('OpenAI Codex CLI', ' in arguments or URLs')];
}

function none(client: string, where = ''): ReplacementCandidate {
  return {
    mechanism: 'none',
    requires: `${client} has no documented way to read a value from elsewhere${where}: the server only starts if the secret stays in this file. Keep the file private and out of version control, or launch the server through a wrapper that reads the secret from the OS keychain.`,
    documented: false,
  };
}
