import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createProject, lintProject, type ConfigFile, type FileReport, type Finding, type Rule, type TextEdit } from '../core/index';
import { isVulnerableData, vulnerableRefOf } from '../core/advisories/configPackages';
import { packageOfFinding, pinEdit, pinnedSpec, pinRequestFor, type PinRequest } from '../core/launch/pin';
import { applyFixSafely } from '../core/engine/applyFix';
import { automaticFix } from '../core/engine/fixes';
import { resolveFixedVersion } from '../node/advisories/resolveFixed';
import { readBounded, readBoundedText, READ_CAPS } from '../node/boundedRead';
import { currentMachineEnv } from '../node/machineEnv';
import { createLookupRun } from '../node/registry/lookupRun';
import type { RegistrySettings, ResolvedPin } from '../node/registry/resolve';
import { registrySettingsFrom, type NpmrcText } from '../node/registrySettings';
import type { RegistryArgs, ScanArgs } from './args';
import { loadProject, reportResults, type CliIo, type LoadedProject } from './scan';

/** One fix chosen for a file: its edits and how to say what it did. */
interface PlannedFix {
  edits: TextEdit[];
  says: string;
  removes?: string[];
}

export type PinResolver = (request: PinRequest) => Promise<ResolvedPin>;

/** Opting in to the credentials of the scanned project's `.npmrc` (off: a repository is untrusted input). */
export const TRUST_PROJECT_NPMRC_ENV = 'MCP_WARDEN_TRUST_PROJECT_NPMRC';

/** Registries from the command line over `~/.npmrc` and `./.npmrc` (whose credentials count only when trusted). */
export function registrySettings(args: RegistryArgs, io: CliIo, options: { trustProjectNpmrc?: boolean } = {}): RegistrySettings {
  const trustProject = options.trustProjectNpmrc ?? (args.trustProjectNpmrc === true || io.env[TRUST_PROJECT_NPMRC_ENV] === '1');
  const readNpmrc = (path: string, trusted: boolean): NpmrcText | undefined => {
    try {
      return { text: readBoundedText(path, { maxBytes: READ_CAPS.npmrc }), trusted };
    } catch {
      return undefined;
    }
  };
  const home = currentMachineEnv(io.env).home;
  const userPath = join(home, '.npmrc');
  const projectPath = join(io.cwd, '.npmrc');
  const npmrcs = [readNpmrc(userPath, true), projectPath === userPath ? undefined : readNpmrc(projectPath, trustProject)];
  return registrySettingsFrom(npmrcs, args, io.env, () =>
    io.stderr(
      `mcp-warden: ${projectPath}: its credentials were not used (a project's .npmrc is untrusted; pass --trust-project-npmrc, or set ${TRUST_PROJECT_NPMRC_ENV}=1, to use them)\n`,
    ),
  );
}

/** The fixes of one file: each finding's preferred fix, and a pin for each unpinned package the registries can resolve. */
export async function planFixes(
  file: ConfigFile,
  findings: readonly Finding[],
  resolvePinFor: PinResolver,
  warn: (message: string) => void,
): Promise<PlannedFix[]> {
  const planned: PlannedFix[] = [];
  for (const finding of findings) {
    const preferred = automaticFix(finding);
    if (preferred) {
      planned.push({
        edits: preferred.edits,
        says: `${preferred.title}${finding.server ? ` (server "${finding.server}")` : ''}`,
        ...(preferred.removes ? { removes: preferred.removes } : {}),
      });
      continue;
    }
    if (finding.ruleId === 'vulnerable-package' && isVulnerableData(finding.data)) {
      const data = finding.data;
      const ref = vulnerableRefOf(file, data);
      if (!ref) continue;
      try {
        const { version } = await resolveFixedVersion(file, data, resolvePinFor);
        planned.push({
          edits: pinEdit(file, ref, version),
          says: `moved ${ref.spec} to ${pinnedSpec(ref, version)}, out of ${data.advisories.join(', ')} (server "${finding.server}")`,
        });
      } catch (e) {
        warn(`could not move ${ref.spec} to a fixed version (server "${finding.server}"): ${(e as Error).message}`);
      }
      continue;
    }
    const request = finding.ruleId === 'unpinned-package' ? pinRequestFor(file, finding) : undefined;
    const ref = request && packageOfFinding(file, finding);
    if (!request || !ref) continue;
    try {
      const { version } = await resolvePinFor(request);
      planned.push({ edits: pinEdit(file, finding, version), says: `pinned ${ref.spec} to ${pinnedSpec(ref, version)} (server "${finding.server}")` });
    } catch (e) {
      warn(`could not pin ${ref.spec} (server "${finding.server}"): ${(e as Error).message}`);
    }
  }
  return planned;
}

/** Applies the fixes that do not overlap, through the engine's one safe path (`applyFixSafely`). */
export function applyPlanned(file: ConfigFile, planned: readonly PlannedFix[]): { file: ConfigFile; applied: string[] } | { refused: string } {
  const result = applyFixSafely(file, planned);
  if ('refused' in result) return result;
  return { file: result.file, applied: result.applied.map((i) => planned[i]!.says) };
}

/** Writes through a temporary file in the same folder and a rename, keeping the mode, a BOM and the link target. */
export function writeAtomically(path: string, expected: string, text: string): void {
  const real = realpathSync(path);
  const read = readBounded(real, { maxBytes: Buffer.byteLength(expected, 'utf8') + 3 });
  if (read.tooLarge) throw new Error('it changed on disk while fixing; left untouched');
  const bytes = read.bytes;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (new TextDecoder('utf-8').decode(bytes) !== expected) throw new Error('it changed on disk while fixing; left untouched');
  const tmp = join(dirname(real), `.${basename(real)}.mcp-warden-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', statSync(real).mode & 0o7777);
  try {
    try {
      writeSync(fd, Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, real);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}

const UNSAFE_PROBLEMS = new Set(['encoding', 'binary', 'too-large']);

/** `mcp-warden scan --fix` / `--fix-dry-run`: fixes, prints what changed, then reports what is left (a dry run: what is there). */
export async function runFix(args: ScanArgs, io: CliIo, options: { resolve?: PinResolver; rules?: readonly Rule[] } = {}): Promise<number> {
  const loaded = loadProject(args, io);
  if (!loaded) return 2;
  const ioError = loaded.ioError;
  const say = (line: string) => (args.format === 'text' && !args.output ? io.stdout(line + '\n') : io.stderr(`mcp-warden: ${line}\n`));
  const settings = registrySettings(args.registries, io);
  const lookups = createLookupRun(settings, options.resolve ? { lookup: (request) => options.resolve!(request) } : {});
  try {
    return await fixProject(loaded, args, io, lookups.resolve, ioError, say, options.rules);
  } finally {
    lookups.dispose();
  }
}

async function fixProject(
  loaded: LoadedProject,
  args: ScanArgs,
  io: CliIo,
  resolvePinFor: PinResolver,
  ioError: boolean,
  say: (line: string) => void,
  rules: readonly Rule[] | undefined,
): Promise<number> {
  const lintOptions = { settings: loaded.settings, ...(rules ? { rules } : {}) };
  const files: ConfigFile[] = [];
  const shown = (f: ConfigFile) => (f.path.startsWith(io.cwd + '/') || f.path.startsWith(io.cwd + '\\') ? f.path.slice(io.cwd.length + 1) : f.path);
  const linted = lintProject(loaded.project, lintOptions);
  // Every lookup starts now (in parallel, within the run's deadline); planFixes then awaits the answers.
  for (const { file, findings } of linted) {
    for (const finding of findings) {
      const request = finding.ruleId === 'unpinned-package' && !finding.fixes.some((f) => f.preferred) ? pinRequestFor(file, finding) : undefined;
      if (request) resolvePinFor(request).catch(() => undefined);
    }
  }
  for (const { file, findings } of linted) {
    files.push(file);
    if (findings.length === 0 || file.problems.some((p) => UNSAFE_PROBLEMS.has(p.kind))) continue;
    const planned = await planFixes(file, findings, resolvePinFor, (m) => io.stderr(`mcp-warden: ${shown(file)}: ${m}\n`));
    const result = applyPlanned(file, planned);
    if ('refused' in result) {
      io.stderr(`mcp-warden: ${shown(file)}: ${result.refused}\n`);
      continue;
    }
    if (result.applied.length === 0) continue;
    if (!args.fixDryRun) {
      try {
        writeAtomically(file.path, file.text, result.file.text);
      } catch (e) {
        io.stderr(`mcp-warden: cannot write ${shown(file)}: ${(e as Error).message}\n`);
        ioError = true;
        continue;
      }
    }
    // A dry run reports the files as they are, so its exit code is the one the unchanged files earn.
    if (!args.fixDryRun) files[files.length - 1] = result.file;
    for (const line of result.applied) say(`${args.fixDryRun ? 'would fix' : 'fixed'} ${shown(file)}: ${line}`);
  }
  if (args.fixDryRun) say('Dry run: nothing was written. The findings below are those of the files as they are now.');
  const project = createProject(files, loaded.project.workspaceRoots);
  if (loaded.project.window) project.window = loaded.project.window;
  if (loaded.project.policy) project.policy = loaded.project.policy;
  const results: FileReport[] = lintProject(project, lintOptions);
  return reportResults(results, args, io, ioError);
}
