import { untilOperator, type RunnerParse } from './nodeRunners';
import { scanOptions } from './options';
import { toPackageRef, type SpecReading } from './specReading';
import type { PinState, Token } from './types';

const GO_VALUES = new Set([
  '-C',
  '-exec',
  '-ldflags',
  '-gcflags',
  '-tags',
  '-mod',
  '-modfile',
  '-p',
  '-pkgdir',
  '-asmflags',
  '-buildmode',
  '-compiler',
  '-gccgoflags',
  '-installsuffix',
  '-overlay',
  '-pgo',
  '-toolexec',
  '-o',
  '-covermode',
  '-coverpkg',
]);
const MODULE_PATH = /^[a-z0-9][\w.-]*\.[a-z]{2,}(?:\/[\w.~+-]+)+$/i;

function goPin(version: string): PinState {
  if (version === 'latest' || version === 'upgrade' || version === 'patch') return 'latest';
  if (/^v\d+\.\d+\.\d+(?:-[\w.-]+)?(?:\+incompatible)?$/.test(version)) return 'exact';
  if (/^[0-9a-f]{12,40}$/.test(version)) return 'commit';
  if (/^(?:[<>]=?)?v\d/.test(version)) return 'range';
  return 'tag';
}

/** `pkg/path@version`: a remote package at a version. Without `@` it is built from the local module. */
export function readGoSpec(text: string): SpecReading | undefined {
  const at = text.lastIndexOf('@');
  if (at <= 0) return undefined;
  const path = text.slice(0, at);
  if (!MODULE_PATH.test(path)) return undefined;
  const version = text.slice(at + 1);
  return { ecosystem: 'go', name: path, pin: version === '' ? 'none' : goPin(version), version, pinStart: at + 1, pinEnd: text.length, pinPrefix: '' };
}

/** `go run [build flags] pkg@version [args]` or `go run ./cmd/server`. */
export function parseGoRun(words: readonly Token[], start: number): RunnerParse {
  const scan = scanOptions(words, start, GO_VALUES, true);
  const out: RunnerParse = { options: scan.options, packages: [], programArgs: [] };
  const rest = untilOperator(words, scan.next);
  const target = rest[0];
  if (target) {
    const reading = readGoSpec(target.text);
    if (reading) out.packages.push(toPackageRef(target, 0, reading));
    else if (/^\.{1,2}(?:[/\\]|$)|\.go$|^[/\\]/.test(target.text)) out.localTarget = target;
  }
  out.programArgs = rest.slice(1);
  return out;
}
