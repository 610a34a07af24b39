// The messages between the extension host and its tool-analysis worker thread (src/node/toolAnalysis).
import type { ServerSnapshot } from '../../core/model/tool';
import type { AnalyzeContext, ToolFinding } from '../../core/tools/types';

/** One analysis to run: `analyzeServer(snapshot, context)`. */
export interface AnalysisRequest {
  id: number;
  snapshot: ServerSnapshot;
  context: AnalyzeContext;
}

/** The findings of request `id`, or the error the analyzer threw on it. */
export type AnalysisAnswer = { id: number; findings: ToolFinding[] } | { id: number; error: { name: string; message: string; stack?: string } };

/** What the worker's file exports when it is loaded on the caller's thread instead (the fallback). */
export interface AnalyzerModule {
  analyzeServer(snapshot: ServerSnapshot, context?: AnalyzeContext): ToolFinding[];
}
