/** What the gateway noticed in one message. */
export type GatewayFindingType = 'canary' | 'injection' | 'pin-changed' | 'pin-new' | 'pin-unapproved' | 'refused-unapproved';

export interface GatewayFinding {
  type: GatewayFindingType;
  /** `alert` for a canary: it can only be there because something tried to move a planted secret. */
  severity: 'alert' | 'error' | 'warning';
  message: string;
  /** The tool (or prompt, resource) the finding is about. */
  tool?: string;
  /** Where in the message: `arguments.sidenote`, `content[0].text`. */
  path?: string;
  /** The analyzer's category, for injection findings. */
  category?: string;
}

export type Direction = 'to-server' | 'to-client';
export type MessageType = 'request' | 'response' | 'error' | 'notification' | 'other';
/** What the gateway did with a message. */
export type GatewayAction = 'forwarded' | 'annotated' | 'refused' | 'withheld' | 'blocked';

/** One JSON line of the audit log. Field names are stable: the log is meant to be shipped to a SIEM. */
export interface AuditRecord {
  time: string;
  server: string;
  direction: Direction | 'gateway';
  type: MessageType | 'lifecycle';
  id?: string | number;
  method?: string;
  tool?: string;
  /** Size of the message as it arrived, in bytes (UTF-8). */
  bytes?: number;
  /** For a response: milliseconds since its request passed the gateway. */
  durationMs?: number;
  action?: GatewayAction;
  findings?: GatewayFinding[];
  /** The tool call's arguments, secrets and canaries masked, strings and size bounded. */
  arguments?: unknown;
  /** For lifecycle records: `start`, `exit`, `client-closed`, `error`. */
  event?: string;
  detail?: string;
}

/** How the gateway answers what it finds. */
export interface GatewayPolicy {
  /** Canary values (at least 8 characters each). */
  canaries: readonly string[];
  /** Refuse calls (and results) that carry a canary instead of only alerting. */
  block: boolean;
  onInjection: 'warn' | 'annotate' | 'block';
  /** Withhold tools, prompts and resources that differ from the approved ones, and refuse requests for them. */
  enforce: boolean;
}

/** The JSON-RPC error code of every refusal by the gateway (implementation-defined server error range). */
export const GATEWAY_ERROR_CODE = -32001;
