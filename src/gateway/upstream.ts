/** The server side of the gateway: a spawned stdio process or a remote HTTP server. */
export interface Upstream {
  /** Resolves once the server runs (stdio) or the connection is set up (HTTP). */
  start(): Promise<void>;
  /**
   * Passes one line (one JSON-RPC message) to the server; `raw` is its original bytes with the
   * newline when it passes unchanged. Lines may be held until `flush()`.
   */
  send(line: string, raw?: Buffer): void;
  /** Writes what `send` held (the gateway calls it after each chunk of client input). */
  flush(): void;
  /** Stops the server and everything it started; resolves when done. */
  close(): Promise<void>;
  /** The pid for the start record (stdio only). */
  readonly pid?: number;
}

export interface UpstreamEvents {
  /** One line from the server; `raw` is its bytes with the newline (stdio only). */
  onLine(line: string, bytes: number, raw?: Buffer): void;
  /** A chunk of output was handled (its lines all went through onLine). */
  onChunkEnd?(): void;
  /** The server is gone: exit code (stdio), or a reason. */
  onExit(code: number, detail: string): void;
}
