import type { Severity } from '../model/finding';
import type { LearnedModel } from './learned/model';

export type ToolCategory =
  | 'hidden-instructions'
  | 'concealment'
  | 'coercion'
  | 'shadowing'
  | 'sensitive-target'
  | 'exfiltration'
  | 'invisible-characters'
  | 'ansi-escapes'
  | 'encoded-blob'
  | 'prompt-injection'
  | 'abnormal-size';

export type TargetKind = 'tool' | 'prompt' | 'resource' | 'resourceTemplate' | 'server';

/** Which definition a finding is about. `name` is the tool/prompt/template name, the resource URI, or the server name. */
export interface TargetRef {
  kind: TargetKind;
  name: string;
}

export interface ToolFinding {
  /** Equal to `category`: one rule per category, documented in docs/rules/<id>.md. */
  ruleId: ToolCategory;
  category: ToolCategory;
  severity: Severity;
  target: TargetRef;
  /** Path of the text field inside the definition, e.g. `description` or `inputSchema.properties.sidenote.description`. */
  field: string;
  /** UTF-16 offsets into that field's text. */
  start: number;
  end: number;
  /** The matched text, bounded, with control and invisible characters made visible. */
  excerpt: string;
  /** Why this is suspicious, in plain language. */
  message: string;
  /** Facts behind the finding (decoded text, code points, the words that combined). */
  evidence: string[];
}

/** What kind of text a field holds; detectors choose their checks by it. */
export type FieldRole = 'name' | 'parameterName' | 'prose' | 'value' | 'uri';

/** One text field of one definition. */
export interface TextField {
  target: TargetRef;
  field: string;
  role: FieldRole;
  text: string;
  /** For schema fields: the property the text belongs to (its name), if any. */
  property?: string;
}

export interface OtherServer {
  server: string;
  toolNames: string[];
}

export interface AnalyzeContext {
  /** The other servers of the same session, to recognise references to their tools (shadowing). */
  otherServers?: OtherServer[];
  /**
   * The learned model that weighs each definition's wording findings (default: the one shipped in
   * `learned/weights.ts`; `null`: wording findings only, as the span detectors give them).
   */
  model?: LearnedModel | null;
}

/** What a detector sees about the definition a field belongs to. */
export interface TargetScope {
  target: TargetRef;
  fields: TextField[];
  /** Tool names of this server. */
  ownTools: ReadonlySet<string>;
  /** Lower-cased parameter names of this definition (tool input schema or prompt arguments). */
  parameters: ReadonlySet<string>;
  otherServers: OtherServer[];
}
