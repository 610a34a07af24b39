import * as vscode from 'vscode';
import { loadConfigBytes, loadConfigText, type ClientId, type ConfigFile, type Scope } from '../core/index';

export type Origin = 'open' | 'workspace' | 'user';

/** A config file the extension knows: its latest parse, and whether its problems are shown. */
export interface TrackedConfig {
  uri: vscode.Uri;
  origin: Origin;
  config: ConfigFile;
  /** The open document's version the parse was made from, if it came from an editor. */
  version?: number;
}

export function pathOfUri(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath.replace(/\\/g, '/') : uri.path;
}

/** Every config file known: open ones, the workspace's, and the user's. Keyed by URI. */
export class ConfigIndex {
  private readonly byUri = new Map<string, TrackedConfig>();
  private readonly byPath = new Map<string, TrackedConfig>();

  constructor(private readonly home: string) {}

  get all(): TrackedConfig[] {
    return [...this.byUri.values()];
  }

  get(uri: vscode.Uri): TrackedConfig | undefined {
    return this.byUri.get(uri.toString());
  }

  uriOf(path: string): vscode.Uri {
    return this.byPath.get(path)?.uri ?? vscode.Uri.file(path);
  }

  fromDocument(document: vscode.TextDocument, scope?: Scope): TrackedConfig {
    const previous = this.get(document.uri);
    const config = loadConfigText(document.getText(), { path: pathOfUri(document.uri), home: this.home, explicit: true, ...(scope ? { scope } : {}) });
    return this.put({
      uri: document.uri,
      origin: previous?.origin === 'user' || previous?.origin === 'workspace' ? previous.origin : 'open',
      config,
      version: document.version,
    });
  }

  fromBytes(uri: vscode.Uri, bytes: Uint8Array, origin: Origin, maxFileBytes: number, scope?: Scope, byteLength?: number, client?: ClientId): TrackedConfig {
    const config = loadConfigBytes(bytes, {
      path: pathOfUri(uri),
      home: this.home,
      explicit: origin !== 'user',
      maxFileBytes,
      ...(scope ? { scope } : {}),
      ...(byteLength !== undefined ? { byteLength } : {}),
      ...(client ? { client } : {}),
    });
    return this.put({ uri, origin, config });
  }

  delete(uri: vscode.Uri): TrackedConfig | undefined {
    const tracked = this.byUri.get(uri.toString());
    if (!tracked) return undefined;
    this.byUri.delete(uri.toString());
    this.byPath.delete(tracked.config.path);
    return tracked;
  }

  private put(tracked: TrackedConfig): TrackedConfig {
    this.byUri.set(tracked.uri.toString(), tracked);
    this.byPath.set(tracked.config.path, tracked);
    return tracked;
  }
}
