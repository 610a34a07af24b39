import { compareVersions, parseVersion } from '../launch/semver';
import type { AdvisoryEcosystem } from './types';

/** A PEP 440 release (`1.2`, `1.10.0rc1`, `2025.7.1.post1`), reduced to what ordering needs. */
interface Pep440 {
  release: number[];
  /** `a` < `b` < `rc` < final (none) < `post`; `dev` sorts before everything of its release. */
  phase: number;
  phaseNumber: number;
}

const PHASE: Record<string, number> = { dev: 0, a: 1, alpha: 1, b: 2, beta: 2, rc: 3, c: 3, pre: 3, preview: 3, post: 5 };

function parsePep440(text: string): Pep440 | undefined {
  const m = /^v?(\d+(?:\.\d+)*)(?:[-_.]?(dev|a|alpha|b|beta|rc|c|pre|preview|post)[-_.]?(\d*))?$/i.exec(text.trim());
  if (!m) return undefined;
  const release = m[1]!.split('.').map(Number);
  while (release.length > 1 && release[release.length - 1] === 0) release.pop();
  return { release, phase: m[2] ? PHASE[m[2].toLowerCase()]! : 4, phaseNumber: m[3] ? Number(m[3]) : 0 };
}

function comparePep440(a: Pep440, b: Pep440): number {
  for (let i = 0; i < Math.max(a.release.length, b.release.length); i++) {
    const d = (a.release[i] ?? 0) - (b.release[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return Math.sign(a.phase - b.phase) || Math.sign(a.phaseNumber - b.phaseNumber);
}

/** Orders two versions of one ecosystem; undefined when either cannot be read (then nothing is claimed about it). */
export function compareEcosystemVersions(ecosystem: AdvisoryEcosystem, a: string, b: string): number | undefined {
  if (ecosystem === 'npm') {
    const x = parseVersion(a);
    const y = parseVersion(b);
    return x && y ? compareVersions(x, y) : undefined;
  }
  const x = parsePep440(a);
  const y = parsePep440(b);
  return x && y ? comparePep440(x, y) : undefined;
}
