import type { ServerEntry } from '../../model/server';
import type { Capability } from '../types';

/** A tool of a well-known server, with the labels we assign it and why. */
export interface CatalogTool {
  name: string;
  /** Firm labels (weight `catalog`). */
  labels: Capability[];
  /** Labels that hold in common setups but not all (weight `catalogWeak`, still counted). */
  weak?: Capability[];
  /** Labels worth showing but not counted by default (weight `catalogPossible`). */
  possible?: Capability[];
  /** For untrusted-content sources: what an attacker writes, e.g. "an issue body". */
  content?: string;
}

export interface CatalogServer {
  id: string;
  title: string;
  /** Identity keys (`npm:…`, `pypi:…`, `docker:…`, `binary:…`, `goose:…`); `url:` keys also match longer paths. */
  match: readonly string[];
  tools: readonly CatalogTool[];
  /** What a read on this server returns, for live tools the catalog does not list. */
  reads?: readonly Capability[];
  /** Where the tool list and labels come from, and how sure we are. */
  source: string;
  uncertain?: string;
  /** Narrows the tool list from the launch (read-only modes, opt-in tools); undefined keeps all tools. */
  narrow?: (server: ServerEntry) => Narrowing | undefined;
}

export interface Narrowing {
  keep: (tool: CatalogTool) => boolean;
  /** Labels the mode takes away from the tools it keeps (e.g. a read-only SQL tool). */
  without?: Capability[];
  why: string;
}

const LETTERS: Record<string, Capability> = { u: 'untrusted-content', p: 'private-data', o: 'outbound', d: 'destructive' };

/**
 * A catalog tool from a compact label code: upper-case letters are firm labels, lower-case ones
 * weak (U/u untrusted content, P/p private data, O/o outbound, D/d destructive); `possible`
 * takes the same letters.
 */
export function tool(name: string, code: string, extra: { possible?: string; content?: string } = {}): CatalogTool {
  const out: CatalogTool = { name, labels: [] };
  for (const ch of code) {
    const capability = LETTERS[ch.toLowerCase()];
    if (!capability) continue;
    if (ch === ch.toUpperCase()) out.labels.push(capability);
    else (out.weak ??= []).push(capability);
  }
  if (extra.possible) out.possible = [...extra.possible].map((ch) => LETTERS[ch.toLowerCase()]).filter((c): c is Capability => c !== undefined);
  if (extra.content) out.content = extra.content;
  return out;
}

/** Several tools with the same code and content phrase. */
export function tools(code: string, names: readonly string[], extra: { possible?: string; content?: string } = {}): CatalogTool[] {
  return names.map((n) => tool(n, code, extra));
}
