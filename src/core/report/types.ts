import type { ConfigFile } from '../model/configFile';
import type { Finding } from '../model/finding';

export interface FileReport {
  file: ConfigFile;
  findings: Finding[];
}

export interface ReportInput {
  files: FileReport[];
  /** Paths in output are made relative to this folder where they are inside it. */
  cwd: string;
  toolVersion: string;
}

export function displayPath(path: string, cwd: string): string {
  const p = path.replace(/\\/g, '/');
  const c = cwd.replace(/\\/g, '/').replace(/\/$/, '');
  return p.startsWith(c + '/') ? p.slice(c.length + 1) : p;
}
