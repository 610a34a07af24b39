import type { ServerEntry } from '../model/server';
import type { ServerSnapshot } from '../model/tool';
import { findCatalogServer } from './catalog/index';
import { findRecordedListing, recordedTool, type RecordedListing } from './catalog/listings';
import type { CatalogServer, Narrowing } from './catalog/types';
import { classifyCatalogTool, classifyTool } from './classify';
import { guessFromNames } from './guess';
import { identifyServer } from './identify';
import { readToolFilter, toolAllowed } from './toolFilter';
import type { ToolClassification } from './types';

export interface ResolvedTools {
  origin: 'live' | 'catalog' | 'listing' | 'guess' | 'unknown' | 'builtin';
  catalog?: CatalogServer;
  narrowedBy?: string;
  tools: ToolClassification[];
  hiddenTools: string[];
}

/**
 * The classified tools of one server: its live tool list when inspected, else the catalog's
 * (narrowed by the launch's mode), else a guess from its names; then the config's tool filter.
 */
export function resolveServerTools(entry: ServerEntry | undefined, snapshot: ServerSnapshot | undefined, builtin?: CatalogServer): ResolvedTools {
  if (builtin) return { origin: 'builtin', catalog: builtin, tools: builtin.tools.map((t) => classifyCatalogTool(builtin, t)), hiddenTools: [] };
  if (!entry) return { origin: 'unknown', tools: [], hiddenTools: [] };
  const memo = resolved.get(entry);
  if (memo && memo.snapshot === snapshot) return memo.result;
  const result = resolveEntry(entry, snapshot);
  resolved.set(entry, { snapshot, result });
  return result;
}

/** Entries are immutable once parsed, so their resolution is kept for later sessions (fix checks rebuild them often). */
const resolved = new WeakMap<ServerEntry, { snapshot: ServerSnapshot | undefined; result: ResolvedTools }>();

function resolveEntry(entry: ServerEntry, snapshot: ServerSnapshot | undefined): ResolvedTools {
  const identities = identifyServer(entry);
  const catalog = findCatalogServer(identities)?.server;
  const narrowing = catalog?.narrow?.(entry);
  const without = narrowing?.without;
  let out: ResolvedTools;
  let listing: RecordedListing | undefined;
  if (snapshot) {
    out = { origin: 'live', tools: snapshot.tools.map((t) => classifyTool(t, catalog ? { catalog, ...(without ? { without } : {}) } : {})), hiddenTools: [] };
  } else if (catalog) {
    out = { origin: 'catalog', tools: catalogTools(catalog, narrowing), hiddenTools: [] };
    if (narrowing) out.narrowedBy = narrowing.why;
  } else if ((listing = findRecordedListing(identities))) {
    out = { origin: 'listing', tools: listingTools(listing), hiddenTools: [] };
  } else {
    const guess = guessFromNames([entry.name, ...identities.map((i) => i.name)]);
    out = guess ? { origin: 'guess', tools: [guess], hiddenTools: [] } : { origin: 'unknown', tools: [], hiddenTools: [] };
  }
  if (catalog) out.catalog = catalog;
  return applyFilter(entry, out);
}

const listingLists = new WeakMap<RecordedListing, ToolClassification[]>();

/** A recorded listing's tools, classified as a live listing would be (names, schemas, annotations, descriptions); shared by every entry that runs it. */
function listingTools(listing: RecordedListing): ToolClassification[] {
  let list = listingLists.get(listing);
  if (!list) {
    list = listing.tools.map((t) => classifyTool(recordedTool(t)));
    listingLists.set(listing, list);
  }
  return list;
}

const catalogLists = new WeakMap<CatalogServer, Map<string, ToolClassification[]>>();

/** The classified tool list of a catalog server in one mode, shared by every entry that runs it. */
function catalogTools(catalog: CatalogServer, narrowing: Narrowing | undefined): ToolClassification[] {
  let byMode = catalogLists.get(catalog);
  if (!byMode) catalogLists.set(catalog, (byMode = new Map()));
  const mode = narrowing?.why ?? '';
  let list = byMode.get(mode);
  if (!list) {
    list = catalog.tools.filter((t) => !narrowing || narrowing.keep(t)).map((t) => classifyCatalogTool(catalog, t, narrowing?.without));
    byMode.set(mode, list);
  }
  return list;
}

function applyFilter(entry: ServerEntry, resolved: ResolvedTools): ResolvedTools {
  const filter = readToolFilter(entry);
  if (!filter.allow && !filter.deny) return resolved;
  const visible: ToolClassification[] = [];
  for (const tool of resolved.tools) {
    const shown = tool.guessed ? !(filter.allow && filter.allow.names.length === 0) : toolAllowed(filter, tool.tool);
    if (shown) visible.push(tool);
    else resolved.hiddenTools.push(tool.tool);
  }
  return { ...resolved, tools: visible };
}
