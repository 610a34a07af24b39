import type { ClientId } from '../config/clientIds';
import type { Scope } from '../config/clients';
import type { ConfigFormat, ParseProblem } from '../parse/problem';
import type { LineIndex } from '../text/lineIndex';
import type { DocNode } from './docNode';
import type { ServerEntry } from './server';

export type ClientSource = 'forced' | 'path' | 'content';

/** One config file, read and parsed, with its servers in the common model. */
export interface ConfigFile {
  path: string;
  text: string;
  format: ConfigFormat;
  /** Undefined when neither the name nor the content says which client reads the file. */
  client: ClientId | undefined;
  clientSource: ClientSource | undefined;
  scope: Scope;
  root: DocNode | undefined;
  problems: ParseProblem[];
  servers: ServerEntry[];
  /** True for files that also hold other settings (so an absence of servers is normal). */
  sharedSettings: boolean;
  /** True when the file was named explicitly (by the user or an open editor) rather than discovered. */
  explicit: boolean;
  lines: LineIndex;
}
