import * as vscode from 'vscode';

/*
 * VS Code's MCP extension API is stable since 1.101; MCP Warden keeps `engines.vscode` lower for
 * Cursor's older base, so these declarations stand in for the newer @types/vscode and every use is
 * feature-detected at run time.
 */
export interface McpStdioDefinition {
  readonly label: string;
  cwd?: vscode.Uri;
  command: string;
  args: string[];
  env: Record<string, string | number | null>;
  version?: string;
}

export interface McpHttpDefinition {
  readonly label: string;
  uri: vscode.Uri;
  headers: Record<string, string>;
  version?: string;
}

export type McpDefinition = McpStdioDefinition | McpHttpDefinition;

export interface McpDefinitionProvider {
  onDidChangeMcpServerDefinitions?: vscode.Event<void>;
  provideMcpServerDefinitions(token: vscode.CancellationToken): vscode.ProviderResult<McpDefinition[]>;
  resolveMcpServerDefinition?(server: McpDefinition, token: vscode.CancellationToken): vscode.ProviderResult<McpDefinition>;
}

export interface McpApi {
  registerProvider(id: string, provider: McpDefinitionProvider): vscode.Disposable;
  stdio(label: string, command: string, args: string[], env: Record<string, string>, version?: string): McpStdioDefinition;
  http(label: string, uri: vscode.Uri, headers: Record<string, string>, version?: string): McpHttpDefinition;
  isStdio(definition: McpDefinition): definition is McpStdioDefinition;
}

type Ctor<T> = new (...args: unknown[]) => T;

/** The MCP definition-provider API of this editor, or undefined where it has none (older VS Code, Cursor). */
export function mcpApi(): McpApi | undefined {
  const api = vscode as unknown as {
    lm?: { registerMcpServerDefinitionProvider?: (id: string, p: McpDefinitionProvider) => vscode.Disposable };
    McpStdioServerDefinition?: Ctor<McpStdioDefinition>;
    McpHttpServerDefinition?: Ctor<McpHttpDefinition>;
  };
  const register = api.lm?.registerMcpServerDefinitionProvider;
  const Stdio = api.McpStdioServerDefinition;
  const Http = api.McpHttpServerDefinition;
  if (typeof register !== 'function' || typeof Stdio !== 'function' || typeof Http !== 'function') return undefined;
  return {
    registerProvider: (id, provider) => register.call(api.lm, id, provider),
    stdio: (label, command, args, env, version) => new Stdio(label, command, args, env, version),
    http: (label, uri, headers, version) => new Http(label, uri, headers, version),
    isStdio: (d): d is McpStdioDefinition => d instanceof Stdio,
  };
}

/** Cursor's extension API for MCP servers (not written to any file). */
export interface CursorMcpApi {
  registerServer(config: {
    name: string;
    server: { command: string; args: string[]; env: Record<string, string> } | { url: string; headers?: Record<string, string> };
  }): void;
  unregisterServer(name: string): void;
}

export function cursorMcpApi(): CursorMcpApi | undefined {
  const mcp = (vscode as unknown as { cursor?: { mcp?: Partial<CursorMcpApi> } }).cursor?.mcp;
  return typeof mcp?.registerServer === 'function' && typeof mcp.unregisterServer === 'function' ? (mcp as CursorMcpApi) : undefined;
}
