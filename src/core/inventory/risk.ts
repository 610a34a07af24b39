import type { Severity } from '../model/finding';

/** Points per finding; documented in docs/inventory.md ("Risk score"). */
export const RISK_WEIGHTS: Record<Severity, number> = { error: 25, warning: 10, info: 2 };

/**
 * 25 per error + 10 per warning + 2 per info finding on the server, capped at 100; a disabled
 * server (which its client does not start) counts a quarter, rounded.
 */
export function riskScore(findings: Record<Severity, number>, disabled: boolean): number {
  const raw = Math.min(100, findings.error * RISK_WEIGHTS.error + findings.warning * RISK_WEIGHTS.warning + findings.info * RISK_WEIGHTS.info);
  return disabled ? Math.round(raw / 4) : raw;
}

export function riskLevel(score: number): 'none' | 'low' | 'medium' | 'high' {
  return score === 0 ? 'none' : score < 20 ? 'low' : score < 50 ? 'medium' : 'high';
}
