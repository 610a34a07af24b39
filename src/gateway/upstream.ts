/** The server side of the gateway: a spawned stdio process or a remote HTTP server. */
export interface Upstream {
  /** Resolves once the server runs (stdio) or the connection is set up (HTTP). */
  start(): Promise<void>;
  /** Passes one line (one JSON-RPC message) to the server. */
  send(line: string): void;
  /** Stops the server and everything it started; resolves when done. */
  close(): Promise<void>;
  /** The pid for the start record (stdio only). */
  readonly pid?: number;
}

export interface UpstreamEvents {
  onLine(line: string, bytes: number): void;
  /** A chunk of output was handled (its lines all went through onLine). */
  onChunkEnd?(): void;
  /** The server is gone: exit code (stdio), or a reason. */
  onExit(code: number, detail: string): void;
}
