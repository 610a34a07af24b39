import type { DocNode } from '../model/docNode';

/** `schema`: a value of the wrong type in a setting the client validates (it then refuses the file). */
export type ProblemKind = 'syntax' | 'strict-json' | 'too-deep' | 'binary' | 'too-large' | 'encoding' | 'schema';

/** Something that kept (part of) a file from being read. Offsets into the decoded text. */
export interface ParseProblem {
  kind: ProblemKind;
  offset: number;
  length: number;
  message: string;
}

export interface ParseOutput {
  /** The document tree; still present (partially) after recoverable syntax errors. */
  root: DocNode | undefined;
  problems: ParseProblem[];
}

export type ConfigFormat = 'json' | 'jsonc' | 'yaml' | 'toml';

/** Deeper nesting than this is refused before parsing: no real config comes close, and it protects the stack. */
export const MAX_NESTING_DEPTH = 256;
