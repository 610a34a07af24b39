/**
 * A team's list of approved MCP servers (`.vscode/mcp-policy.json`, schema
 * `schemas/mcp-policy.schema.json`). Every field of an entry is a minimatch pattern (or a list of
 * them, any of which may match); an entry matches a server when all the fields it has match.
 */
export interface PolicyEntry {
  /** The server's name in its config. */
  name?: string[];
  /** npm / PyPI / JSR package, Go package path or git URL, without version. */
  package?: string[];
  /** Container image without tag or digest, as written (`mcp/fetch`) or with registry (`docker.io/mcp/fetch`). */
  image?: string[];
  /** The whole command line: command and arguments joined by single spaces. */
  command?: string[];
  /** The remote server's URL. */
  url?: string[];
  /** Client ids (`vscode`, `cursor`, `claude-code` …). */
  client?: string[];
  /** Versions allowed (in `deny`: denied), as an exact version or a semver range: `1.2.3`, `^1.2`, `>=2 <3`. */
  versions?: string;
  reason?: string;
}

/** A combination of servers the team accepts in one session despite a risky data flow (read by `toxic-flow`). */
export interface AcceptedFlow {
  /** Server names or globs; the flow is silenced when every server on it is listed. */
  servers: string[];
  /** `data-leak` and/or `destructive`; every kind when left out (validated by the flow analysis). */
  kinds?: string[];
  /** Required, so the decision is recorded. */
  reason: string;
}

export interface Policy {
  /** The policy file's path, for messages. */
  source: string;
  /** Undefined: no allow-list (only `deny` applies). Present, even empty: only listed servers are approved. */
  allow?: PolicyEntry[];
  deny: PolicyEntry[];
  acceptedFlows: AcceptedFlow[];
}

export const POLICY_SCHEMA_VERSION = 1;
