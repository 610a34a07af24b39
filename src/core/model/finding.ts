import type { JsonPath, TextRange } from './docNode';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export const SEVERITY_ORDER: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

export type RuleCategory = 'config' | 'secrets' | 'supply-chain' | 'launch' | 'flow' | 'tools';

/** A replacement of `length` UTF-16 units at `offset` by `newText`. */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The file the edits apply to, when not the finding's own (a fix for another leg of a toxic flow). */
  file?: string;
  /** The one safe fix to prefer (VS Code `isPreferred`, applied by `--fix` and `source.fixAll`). */
  preferred?: boolean;
  /** Names of servers this fix removes on purpose; `applyFixSafely` refuses any other change to the set of servers. */
  removes?: string[];
}

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units as editors count them. */
  column: number;
}

export interface RelatedLocation {
  file: string;
  range: TextRange;
  start: Position;
  end: Position;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  category: RuleCategory;
  message: string;
  file: string;
  range: TextRange;
  start: Position;
  end: Position;
  /** Keys from the file's root to the flagged value. */
  path: JsonPath;
  server?: string;
  fixes: Fix[];
  related: RelatedLocation[];
  /** Rule-specific, JSON-serializable facts for tools that act on the finding (e.g. what to resolve to pin a package). */
  data?: unknown;
}
