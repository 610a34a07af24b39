import type { LockedServer } from '../lock/lockfile';
import type { ToolDefinition } from '../model/tool';
import { canaryForms, findCanaries, textMayHoldCanary, type CanaryForms, type CanaryHit } from './canary';
import { errorLine, readMessage, resultLine, type JsonObject, type ReadMessage } from './messages';
import { checkListing, LISTINGS, matchesTemplate, pinFindings, type Listing, type PinKind } from './pins';
import { redactForLog, redactText } from './redact';
import { annotateResult, blockedToolResult, SHIELDED_METHODS, shieldResult } from './shield';
import { GATEWAY_ERROR_CODE, type AuditRecord, type Direction, type GatewayFinding, type GatewayPolicy } from './types';
import { plural } from '../text/plural';

/** What to do with one line that reached the gateway. */
export interface Outcome {
  /** The line to pass on (the original text when unchanged); undefined: nothing is passed on. */
  forward: string | undefined;
  /** A line to send back to where the message came from (a refusal). */
  reply?: string;
  record: AuditRecord;
  /** One-line alerts for standard error (already masked). */
  alerts: string[];
  /**
   * Work that cannot change what is forwarded (the shield in `warn` mode): run it after forwarding,
   * then log the record; it adds its findings and alerts to this outcome.
   */
  deferred?: () => void;
}

export interface SessionOptions {
  server: string;
  policy: GatewayPolicy;
  /** The approved entry when a lockfile is in use; `null` when pins are off (no lockfile). */
  pins: LockedServer | undefined | null;
  /** Turns a listed tool into the form the lockfile hashes (the live client's sanitizer). */
  normalizeTool: (raw: JsonObject) => ToolDefinition;
  /** The same for prompts, resources and resource templates (default: as listed). */
  normalizeItem?: (kind: Exclude<PinKind, 'tool'>, raw: JsonObject) => unknown;
}

const NO_CANARIES: readonly CanaryForms[] = [];

interface Pending {
  method: string;
  tool?: string;
  start: number;
}

/**
 * The gateway's decisions, free of I/O: each line from the client or the server goes in with the
 * time it arrived, and comes out as what to forward, what to answer, what to log and what to alert.
 * Messages it does not inspect are passed on as the very same text.
 */
export class GatewaySession {
  private readonly canaries: CanaryForms[];
  private readonly pending: Record<Direction, Map<string | number, Pending>> = { 'to-server': new Map(), 'to-client': new Map() };
  /** Items (per kind) seen in the latest listings that are not approved as listed. */
  private readonly unapproved: Record<PinKind, Set<string>> = { tool: new Set(), prompt: new Set(), resource: new Set(), resourceTemplate: new Set() };

  constructor(private readonly options: SessionOptions) {
    this.canaries = options.policy.canaries.map(canaryForms);
  }

  fromClient(line: string, bytes: number, now: number): Outcome {
    return this.handle('to-server', line, bytes, now);
  }

  fromServer(line: string, bytes: number, now: number): Outcome {
    return this.handle('to-client', line, bytes, now);
  }

  /** Tools withheld or refused under --enforce (for tests and the start record). */
  get withheld(): string[] {
    return [...this.unapproved.tool].sort();
  }

  /** Prompts, resources and resource templates withheld under --enforce, as `kind:id`. */
  get withheldItems(): string[] {
    return (['prompt', 'resource', 'resourceTemplate'] as const).flatMap((k) => [...this.unapproved[k]].map((id) => `${k}:${id}`)).sort();
  }

  private lastTime = { ms: NaN, iso: '' };

  /** The record time; messages of the same millisecond share one formatted string. */
  private isoTime(now: number): string {
    const ms = Math.floor(now);
    if (ms !== this.lastTime.ms) this.lastTime = { ms, iso: new Date(ms).toISOString() };
    return this.lastTime.iso;
  }

  private handle(direction: Direction, line: string, bytes: number, now: number): Outcome {
    const message = readMessage(line);
    const record: AuditRecord = { time: this.isoTime(now), server: this.options.server, direction, type: message.type, bytes };
    if (message.id !== undefined) record.id = message.id;
    if (message.method !== undefined) record.method = message.method;
    const outcome: Outcome = { forward: line, record, alerts: [] };
    if (message.type === 'request') this.onRequest(direction, message, line, outcome, now);
    else if (message.type === 'response' || message.type === 'error') this.onAnswer(direction, message, line, outcome, now);
    record.action ??= 'forwarded';
    if (record.findings?.length === 0) delete record.findings;
    return outcome;
  }

  private onRequest(direction: Direction, message: ReadMessage, line: string, outcome: Outcome, now: number): void {
    const { record } = outcome;
    const params = (message.json!.params ?? {}) as JsonObject;
    const tool = message.method === 'tools/call' && typeof params.name === 'string' ? params.name : undefined;
    if (tool !== undefined) record.tool = tool;
    this.pending[direction].set(message.id!, { method: message.method!, ...(tool !== undefined ? { tool } : {}), start: now });
    if (direction !== 'to-server') return;
    if (message.method === 'prompts/get' || message.method === 'resources/read') return this.onItemRequest(message, params, outcome);
    if (message.method !== 'tools/call') return;
    // When the text cannot hold a canary, neither can any argument or name: nothing to mask or walk.
    const mayHoldCanary = textMayHoldCanary(line, this.canaries);
    record.arguments = redactForLog(params.arguments, mayHoldCanary ? this.canaries : NO_CANARIES);
    const findings: GatewayFinding[] = [];
    const name = tool ?? '';
    if (this.options.policy.enforce && !this.toolAllowed(name)) {
      const reason =
        this.options.pins === undefined
          ? 'the server has no approved entry in the lockfile'
          : `the tool "${name}" is not approved as it is now (changed or new since approval)`;
      findings.push({ type: 'refused-unapproved', severity: 'error', tool: name, message: `Call refused: ${reason}.` });
      this.refuse(
        outcome,
        message.id!,
        `MCP Warden gateway refused the call: ${reason}. Review it (mcp-warden inspect) and approve it (mcp-warden approve) first.`,
        'refused',
        { reason: 'unapproved-tool', tool: name },
      );
    }
    const hits = mayHoldCanary ? this.maskedPaths(findCanaries(params.arguments, this.canaries, 'arguments')) : [];
    for (const hit of hits) {
      findings.push({
        type: 'canary',
        severity: 'alert',
        tool: name,
        path: hit.path,
        message: `A canary (${hit.canary}${hit.encoded ? ', encoded' : ''}) is leaving in the arguments of "${name}" at ${hit.path}: something read a planted secret and is sending it out.`,
      });
    }
    if (hits.length > 0) {
      const blocked = this.options.policy.block && outcome.forward !== undefined;
      if (blocked)
        this.refuse(
          outcome,
          message.id!,
          `MCP Warden gateway blocked the call to "${name}": its arguments carry a canary (a planted secret) at ${hits[0]!.path}. This looks like data exfiltration.`,
          'blocked',
          { reason: 'canary', tool: name, path: hits[0]!.path },
        );
      outcome.alerts.push(
        `ALERT canary in the arguments of ${name} (${hits.map((h) => h.path).join(', ')}): ${outcome.record.action === 'blocked' ? 'blocked' : 'passed on (use --block to refuse)'}`,
      );
    }
    if (findings.length > 0) record.findings = findings;
  }

  /** `prompts/get` and `resources/read` under --enforce: an item withheld (or never approved) is refused. */
  private onItemRequest(message: ReadMessage, params: JsonObject, outcome: Outcome): void {
    const prompt = message.method === 'prompts/get';
    const id = prompt ? params.name : params.uri;
    if (typeof id !== 'string') return;
    outcome.record.tool = id;
    if (!this.options.policy.enforce || (prompt ? this.promptAllowed(id) : this.resourceAllowed(id))) return;
    const label = prompt ? 'prompt' : 'resource';
    const reason =
      this.options.pins === undefined
        ? 'the server has no approved entry in the lockfile'
        : `the ${label} "${id}" is not approved as it is now (changed or new since approval)`;
    outcome.record.findings = [{ type: 'refused-unapproved', severity: 'error', tool: id, message: `Request refused: ${reason}.` }];
    this.refuse(
      outcome,
      message.id!,
      `MCP Warden gateway refused ${prompt ? 'the prompt' : 'to read the resource'}: ${reason}. Review it (mcp-warden inspect) and approve it (mcp-warden approve) first.`,
      'refused',
      { reason: `unapproved-${label}`, [label]: id },
    );
  }

  private refuse(outcome: Outcome, id: string | number, message: string, action: 'refused' | 'blocked', data: JsonObject): void {
    outcome.forward = undefined;
    outcome.reply = errorLine(id, GATEWAY_ERROR_CODE, message, { mcpWarden: data });
    outcome.record.action = action;
    this.pending['to-server'].delete(id);
  }

  private onAnswer(direction: Direction, message: ReadMessage, line: string, outcome: Outcome, now: number): void {
    const requests = this.pending[direction === 'to-client' ? 'to-server' : 'to-client'];
    const request = requests.get(message.id!);
    if (!request) return;
    requests.delete(message.id!);
    const { record } = outcome;
    record.method = request.method;
    if (request.tool !== undefined) record.tool = request.tool;
    record.durationMs = Math.round((now - request.start) * 1000) / 1000;
    if (direction !== 'to-client' || message.type !== 'response') return;
    const result = message.json!.result;
    const listing = LISTINGS[request.method];
    if (listing) this.onListing(listing, message, result, outcome);
    else if (SHIELDED_METHODS.has(request.method)) this.onResult(message, line, request, result, outcome);
  }

  private onListing(listing: Listing, message: ReadMessage, result: unknown, outcome: Outcome): void {
    const pins = this.options.pins;
    const items = (result as JsonObject | null)?.[listing.field];
    if (pins === null || !Array.isArray(items)) return;
    const normalize = (raw: JsonObject) =>
      listing.kind === 'tool' ? this.options.normalizeTool(raw) : this.options.normalizeItem ? this.options.normalizeItem(listing.kind, raw) : raw;
    const listed = items.filter((t): t is JsonObject => !!t && typeof t === 'object').map((raw) => ({ raw, item: normalize(raw) as Record<string, unknown> }));
    const check = checkListing(pins, listing.kind, listed.map((l) => l.item) as never[]);
    const unapproved = this.unapproved[listing.kind];
    for (const id of check.approved) unapproved.delete(id);
    for (const id of [...check.changed, ...check.added]) unapproved.add(id);
    const { enforce } = this.options.policy;
    outcome.record.findings = pinFindings(check, enforce, listing.label);
    if (check.changed.length > 0)
      outcome.alerts.push(`${listing.label}s changed since approval: ${check.changed.join(', ')} (${enforce ? 'withheld' : 'passed on'})`);
    if (!enforce || check.changed.length + check.added.length === 0) return;
    const kept = listed.filter((l) => !unapproved.has(String(l.item[listing.id]))).map((l) => l.raw);
    outcome.forward = resultLine(message.id!, { ...(result as JsonObject), [listing.field]: kept });
    outcome.record.action = 'withheld';
  }

  private onResult(message: ReadMessage, line: string, request: Pending, result: unknown, outcome: Outcome): void {
    const { policy } = this.options;
    const name = request.tool ?? request.method;
    const findings: GatewayFinding[] = [];
    const hits = textMayHoldCanary(line, this.canaries) ? this.maskedPaths(findCanaries(result, this.canaries, 'result')) : [];
    for (const hit of hits)
      findings.push({
        type: 'canary',
        severity: 'alert',
        tool: name,
        path: hit.path,
        message: `A canary (${hit.canary}) is in the result of "${name}" at ${hit.path}, on its way to the model.`,
      });
    // In warn mode the list is set once it has something (no property to delete again on every clean result).
    if (hits.length > 0 || policy.onInjection !== 'warn') outcome.record.findings = findings;
    const id = message.id!;
    if (hits.length > 0) {
      if (policy.block) {
        outcome.forward = errorLine(
          id,
          GATEWAY_ERROR_CODE,
          `MCP Warden gateway blocked the result of "${name}": it carries a canary (a planted secret) at ${hits[0]!.path}.`,
          { mcpWarden: { reason: 'canary', tool: name, path: hits[0]!.path } },
        );
        outcome.record.action = 'blocked';
      }
      outcome.alerts.push(`ALERT canary in the result of ${name}: ${policy.block ? 'blocked' : 'passed on (use --block to refuse)'}`);
    }
    if (outcome.record.action === 'blocked') return;
    const runShield = () => {
      const shield = shieldResult(request.method, result, request.tool);
      findings.push(...shield.findings.map((f) => ({ ...f, message: redactText(f.message, this.canaries) })));
      if (shield.unread > 0)
        outcome.record.detail = `the last ${plural(shield.unread, 'character')} of the result were not analysed (larger than the shield reads)`;
      return shield;
    };
    if (policy.onInjection === 'warn') {
      // What the client gets does not depend on the findings: analyse after the result is on its way.
      outcome.deferred = () => {
        const shield = runShield();
        if (shield.findings.length > 0)
          outcome.alerts.push(`injection in the result of ${name} (${[...new Set(shield.findings.map((f) => f.category))].join(', ')}): passed on`);
        if (findings.length > 0) outcome.record.findings = findings;
      };
      return;
    }
    const shield = runShield();
    if (shield.findings.length === 0) return;
    const categories = [...new Set(shield.findings.map((f) => f.category))].join(', ');
    if (policy.onInjection === 'block') {
      const reason = `it contains instructions aimed at the model (${categories})`;
      outcome.forward =
        request.method === 'tools/call'
          ? resultLine(id, blockedToolResult(reason))
          : errorLine(id, GATEWAY_ERROR_CODE, `MCP Warden gateway blocked the result of "${name}": ${reason}.`, {
              mcpWarden: { reason: 'injection', tool: name },
            });
      outcome.record.action = 'blocked';
    } else {
      const annotated = annotateResult(request.method, result, shield.findings);
      if (annotated !== undefined) {
        outcome.forward = resultLine(id, annotated);
        outcome.record.action = 'annotated';
      }
    }
    outcome.alerts.push(`injection in the result of ${name} (${categories}): ${outcome.record.action === 'forwarded' ? 'passed on' : outcome.record.action}`);
  }

  /** A path names keys, and a key can hold the canary itself or a secret: paths are logged and answered masked. */
  private maskedPaths(hits: CanaryHit[]): CanaryHit[] {
    return hits.map((hit) => ({ ...hit, path: redactText(hit.path, this.canaries) }));
  }

  private toolAllowed(name: string): boolean {
    const pins = this.options.pins;
    if (pins === null) return true;
    if (pins === undefined) return false;
    return pins.items[`tool:${name}`] !== undefined && !this.unapproved.tool.has(name);
  }

  private promptAllowed(name: string): boolean {
    const pins = this.options.pins;
    if (pins === null) return true;
    if (pins === undefined) return false;
    return pins.items[`prompt:${name}`] !== undefined && !this.unapproved.prompt.has(name);
  }

  /** An approved resource, or a URI an approved resource template expands to (and neither withheld). */
  private resourceAllowed(uri: string): boolean {
    const pins = this.options.pins;
    if (pins === null) return true;
    if (pins === undefined || this.unapproved.resource.has(uri)) return false;
    if (pins.items[`resource:${uri}`] !== undefined) return true;
    const prefix = 'resourceTemplate:';
    return Object.keys(pins.items).some(
      (key) => key.startsWith(prefix) && !this.unapproved.resourceTemplate.has(key.slice(prefix.length)) && matchesTemplate(uri, key.slice(prefix.length)),
    );
  }
}
