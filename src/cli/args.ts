import { isClientId, type ClientId, type SeveritySetting } from '../core/index';
import { parseOptions, UsageError } from './options';

export { commandArgs, parseOptions, usageError, UsageError } from './options';

export type OutputFormat = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning' | 'info' | 'never';

export interface ScanArgs {
  command: 'scan';
  paths: string[];
  format: OutputFormat;
  failOn: FailOn;
  client?: ClientId;
  rules: Record<string, SeveritySetting>;
  config?: string;
  user: boolean;
  output?: string;
  color: boolean;
  verbose: boolean;
  /** Approved-server policy file (default: `.vscode/mcp-policy.json` of the scanned folder, if present). */
  policy?: string;
  /** Apply the fixes that need no editor (pins resolved from registries, preferred fixes) and write the files. */
  fix: boolean;
  /** Like `fix`, but print what would change and write nothing. */
  fixDryRun: boolean;
  registries: RegistryArgs;
  /** Files larger than this are not read (reported as \`unreadable-file\`). */
  maxFileBytes?: number;
}

/** Where `--fix` resolves versions and digests (private registries and mirrors). */
export interface RegistryArgs {
  npmRegistry?: string;
  pypiUrl?: string;
  /** Registry host → base URL, from `--oci-mirror host=url`. */
  ociMirrors: Record<string, string>;
  jsrUrl?: string;
  goProxy?: string;
  timeoutMs?: number;
  /** `--trust-project-npmrc`: use the scanned project's `.npmrc` credentials and `${ENV}` references. */
  trustProjectNpmrc?: boolean;
}

export type CliArgs =
  ScanArgs | { command: 'help'; topic?: 'rules'; missingCommand?: true } | { command: 'version' } | { command: 'rules'; format: OutputFormat };

const FORMATS = ['text', 'json', 'sarif'];
const FAIL_ON = ['error', 'warning', 'info', 'never'];
const SEVERITIES = ['off', 'info', 'warning', 'error'];

const RULES_OPTIONS = { format: { type: 'string', default: 'text' } } as const;

const SCAN_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'text' },
  'fail-on': { type: 'string', default: 'error' },
  client: { type: 'string' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  'no-user': { type: 'boolean', default: false },
  output: { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  verbose: { type: 'boolean', default: false },
  policy: { type: 'string' },
  fix: { type: 'boolean', default: false },
  'fix-dry-run': { type: 'boolean', default: false },
  registry: { type: 'string' },
  'pypi-url': { type: 'string' },
  'oci-mirror': { type: 'string', multiple: true },
  'jsr-url': { type: 'string' },
  'go-proxy': { type: 'string' },
  'registry-timeout': { type: 'string' },
  'trust-project-npmrc': { type: 'boolean', default: false },
  'max-file-mb': { type: 'string' },
} as const;

export function parseCliArgs(argv: string[], isTty: boolean): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined) return { command: 'help', missingCommand: true };
  if (command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === '--version' || command === '-v' || command === 'version') return { command: 'version' };
  if (command === 'rules') {
    const { values } = parseOptions('rules', rest, RULES_OPTIONS, false);
    if (values.help) return { command: 'help', topic: 'rules' };
    return { command: 'rules', format: oneOf(values.format!, ['text', 'json'], '--format') as OutputFormat };
  }
  if (command !== 'scan') throw new UsageError(`unknown command "${command}" (try: mcp-warden --help)`);
  const parsed = parseOptions('scan', rest, SCAN_OPTIONS);
  const v = parsed.values;
  if (v.help) return { command: 'help' };
  const rules: Record<string, SeveritySetting> = {};
  for (const spec of v.rule ?? []) {
    const m = /^([a-z0-9-]+)=(\w+)$/.exec(spec);
    if (!m) throw new UsageError(`--rule takes id=severity, e.g. --rule plaintext-secret=off (got "${spec}")`);
    rules[m[1]!] = oneOf(m[2]!, SEVERITIES, `--rule ${m[1]}`) as SeveritySetting;
  }
  if (v.client !== undefined && !isClientId(v.client)) throw new UsageError(`unknown --client "${v.client}"`);
  const args: ScanArgs = {
    command: 'scan',
    paths: parsed.positionals,
    format: oneOf(v.format!, FORMATS, '--format') as OutputFormat,
    failOn: oneOf(v['fail-on']!, FAIL_ON, '--fail-on') as FailOn,
    rules,
    user: !v['no-user'],
    color: v['no-color'] ? false : (v.color ?? (isTty && !process.env.NO_COLOR)),
    verbose: v.verbose!,
    fix: v.fix! || v['fix-dry-run']!,
    fixDryRun: v['fix-dry-run']!,
    registries: readRegistryArgs(v),
  };
  if (v.policy !== undefined) args.policy = v.policy;
  if (v.client !== undefined) args.client = v.client as ClientId;
  if (v.config !== undefined) args.config = v.config;
  if (v.output !== undefined) args.output = v.output;
  if (v['max-file-mb'] !== undefined) args.maxFileBytes = fileSizeLimit(v['max-file-mb']);
  return args;
}

/** The same range as the editor's mcpWarden.maxFileSizeMB setting. */
function fileSizeLimit(value: string): number {
  const mb = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || mb < 0.1 || mb > 512) throw new UsageError(`--max-file-mb takes a size in MB from 0.1 to 512 (got "${value}")`);
  return Math.round(mb * 1024 * 1024);
}

function httpUrl(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^https?:\/\/[^\s]+$/.test(value)) throw new UsageError(`${flag} takes an http(s) URL (got "${value}")`);
  return value;
}

function readRegistryArgs(v: Record<string, string | boolean | string[] | undefined>): RegistryArgs {
  const out: RegistryArgs = { ociMirrors: {} };
  const set = <K extends keyof RegistryArgs>(key: K, value: RegistryArgs[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('npmRegistry', httpUrl(v.registry as string | undefined, '--registry'));
  set('pypiUrl', httpUrl(v['pypi-url'] as string | undefined, '--pypi-url'));
  set('jsrUrl', httpUrl(v['jsr-url'] as string | undefined, '--jsr-url'));
  set('goProxy', httpUrl(v['go-proxy'] as string | undefined, '--go-proxy'));
  for (const mirror of (v['oci-mirror'] as string[] | undefined) ?? []) {
    const m = /^([^=\s]+)=(.+)$/.exec(mirror);
    if (!m) throw new UsageError(`--oci-mirror takes host=url, e.g. --oci-mirror docker.io=https://mirror.example (got "${mirror}")`);
    out.ociMirrors[m[1]!] = httpUrl(m[2], '--oci-mirror')!;
  }
  const timeout = v['registry-timeout'] as string | undefined;
  if (timeout !== undefined) {
    if (!/^\d{1,7}$/.test(timeout) || +timeout === 0) throw new UsageError(`--registry-timeout takes milliseconds (got "${timeout}")`);
    out.timeoutMs = +timeout;
  }
  if (v['trust-project-npmrc'] === true) out.trustProjectNpmrc = true;
  return out;
}

function oneOf(value: string, allowed: string[], flag: string): string {
  if (!allowed.includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value;
}

export const RULES_HELP = `mcp-warden rules — list the rules: id, default severity, category and what each finds

Usage:
  mcp-warden rules [--format text|json]

Each rule's page is docs/rules/<id>.md; --format json adds its path. Change a rule's severity for a scan with
--rule ID=SEVERITY, or for a project in .mcp-warden.json.
`;

export const HELP = `mcp-warden — lint MCP client configs for security problems

Usage:
  mcp-warden scan [paths…] [options]   lint config files, or folders searched for known config names;
                                       with no path: the current folder plus this user's client configs
  mcp-warden rules [--format json]     list the rules
  mcp-warden --version

Scan options:
  -f, --format text|json|sarif   output format (default text)
      --fail-on error|warning|info|never
                                 exit 1 when a finding is at or above this severity (default error)
      --client ID                read every given file as this client's format
                                 (${'vscode, cursor, claude-desktop, claude-code, windsurf, cline, roo-code, kiro, amazon-q,\n                                 gemini-cli, zed, codex, continue, goose, lm-studio, copilot-cli, kilo-code,\n                                 firebase-studio, opencode, generic'})
      --rule ID=SEVERITY         override a rule's severity (off, info, warning, error); repeatable
  -c, --config FILE              settings file (default: .mcp-warden.json in the current folder, if present)
      --no-user                  with no path, do not read this user's client configs
  -o, --output FILE              write the report to FILE instead of standard output
      --color / --no-color       colour in text output (default: when the output is a terminal)
      --verbose                  also list files without findings
      --max-file-mb N            read config files up to N MB (default 10; larger ones are reported, not read)
      --policy FILE              approved-server policy (default: .vscode/mcp-policy.json of the scanned
                                 folder or the current folder, if present)

Fixing (like ESLint's --fix):
      --fix                      apply the fixes that need no editor and write the files (pins resolved
                                 from the registries, each rule's preferred fix); prints what changed
      --fix-dry-run              print what --fix would change, write nothing
      --registry URL             npm registry (default: from .npmrc, else https://registry.npmjs.org)
      --pypi-url URL             PyPI JSON API base (default https://pypi.org)
      --oci-mirror HOST=URL      base URL for an image registry host, e.g. docker.io=https://mirror; repeatable
      --jsr-url URL, --go-proxy URL
      --registry-timeout MS      per request (default 5000)
      --trust-project-npmrc      use the credentials and \${ENV} references of the current folder's .npmrc
                                 (off by default: a repository's .npmrc is untrusted input; the environment
                                 variable MCP_WARDEN_TRUST_PROJECT_NPMRC=1 does the same)

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or I/O error.
`;
