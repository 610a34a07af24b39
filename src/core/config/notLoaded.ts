import type { Project } from '../engine/project';
import type { ConfigFile } from '../model/configFile';
import type { ServerEntry } from '../model/server';
import { disabledBy } from './disabledBy';

// The live side (Connect All, `mcp-warden inspect`, the Servers view) asks the rules' own question, `disabledBy`,
// so a server the rules treat as disabled is one these skip too, and they say why in the same words.

/** Why the server's client would not load it ("`disabledMcpjsonServers` in .claude/settings.local.json"), or undefined. */
export function whyNotLoaded(server: ServerEntry, files: readonly ConfigFile[], project: Project): string | undefined {
  const file = files.find((f) => f.servers.includes(server));
  return file ? disabledBy(server, file, project) : undefined;
}

/** Every server of these files its client would not load, with why. */
export function serversNotLoaded(files: readonly ConfigFile[], project: Project): Map<ServerEntry, string> {
  const out = new Map<ServerEntry, string>();
  for (const file of files) {
    for (const server of file.servers) {
      const why = disabledBy(server, file, project);
      if (why !== undefined) out.set(server, why);
    }
  }
  return out;
}

/** The reason as plain text, for a tree row, a notification or a terminal: the Markdown backticks dropped. */
export function plainReason(reason: string): string {
  return reason.replace(/`/g, '');
}
