// The live MCP client: editor-free (no `vscode`), used by the extension's tree and the CLI's `inspect`.
export { LiveConnection } from './connection';
export { LiveError, type LiveErrorKind } from './errors';
export { incompleteLists } from './truncation';
export { DEFAULT_CONCURRENCY, inspectAll, inspectServer, type InspectAllOptions, type InspectResult } from './inspect';
export { describeEntry, describeLaunch, projectFolderOf, resolveLaunch } from './launch';
export { DEFAULT_LIMITS, limitsOf, type LiveContext, type LiveLimits, type LiveOptions } from './options';
export { killAllLiveProcesses, liveProcesses, ProcessRegistry, type TrackedProcess } from './processRegistry';
export { isAlive } from './processTree';
export { createRedactor, mask } from './redact';
export {
  LIST_KINDS,
  type Disposable,
  type Event,
  type InputRequest,
  type LaunchSpec,
  type ListKind,
  type LiveSnapshot,
  type LiveStatus,
  type SecretRequest,
  type SnapshotChange,
  type TraceEvent,
  type TruncatedText,
  type Truncation,
  type TruncationReason,
} from './types';
