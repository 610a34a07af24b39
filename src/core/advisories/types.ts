/** Versions an advisory covers: from `introduced` (inclusive; "0" means every earlier release) up to `fixed` (exclusive) or `lastAffected` (inclusive); neither means every later release too. */
export interface AffectedRange {
  introduced: string;
  fixed?: string;
  lastAffected?: string;
}

export type AdvisoryEcosystem = 'npm' | 'pypi';

/** One published advisory (GitHub Advisory Database / OSV record), reduced to what a config check needs. */
export interface Advisory {
  /** The record's own id: `GHSA-…`, `MAL-…`, `PYSEC-…`. */
  id: string;
  /** Other ids of the same advisory (`CVE-…`, `GHSA-…`). */
  aliases: string[];
  kind: 'vulnerability' | 'malicious';
  severity: 'critical' | 'high' | 'moderate' | 'low' | 'unknown';
  summary: string;
  affected: { ecosystem: AdvisoryEcosystem; name: string; ranges: AffectedRange[] }[];
}

export interface AdvisorySnapshot {
  advisories: Advisory[];
}
