import { loadConfigText } from '../config/load';
import type { Project } from '../engine/project';
import type { ConfigFile } from '../model/configFile';
import type { TextEdit } from '../model/finding';
import type { ServerEntry } from '../model/server';
import { applyTextEdits } from '../policy/applyEdits';
import { findToxicFlows, flowThrough, type ToxicFlow } from './flows';
import { liveSnapshotsOf, type FlowKind, type FlowOptions } from './options';
import { buildSessions, sessionClientOf, type Session } from './sessions';

export interface FlowAnalysis {
  sessions: Session[];
  flows: ToxicFlow[];
}

const cache = new WeakMap<Project, { key: string; analysis: FlowAnalysis }>();

/** Sessions and toxic flows of a project; computed once per project object and options. */
export function analyseProject(project: Project, options: FlowOptions): FlowAnalysis {
  const live = liveSnapshotsOf(project);
  const key = JSON.stringify(options);
  const cached = cache.get(project);
  if (cached && cached.key === key) return cached.analysis;
  const sessions = buildSessions(project, live ? { live, builtinTools: options.builtinTools } : { builtinTools: options.builtinTools });
  const analysis = { sessions, flows: sessions.flatMap((s) => findToxicFlows(s, options)) };
  cache.set(project, { key, analysis });
  return analysis;
}

/**
 * Whether a flow of `kind` still runs through `entry` once `edits` are applied to its file:
 * the file is re-read and every session rebuilt, exactly as a new lint run would.
 */
export function flowSurvivesEdit(
  project: Project,
  file: ConfigFile,
  edits: readonly TextEdit[],
  entry: ServerEntry,
  kind: FlowKind,
  options: FlowOptions,
): boolean {
  const edited = loadConfigText(applyTextEdits(file.text, edits), {
    path: file.path,
    scope: file.scope,
    explicit: file.explicit,
    ...(file.client ? { client: file.client } : {}),
  });
  const sameClient = (f: ConfigFile) => sessionClientOf(f) === sessionClientOf(file);
  const files = project.files.filter(sameClient).map((f) => (f === file ? edited : f));
  const live = liveSnapshotsOf(project);
  const sessions = buildSessions({ ...project, files }, live ? { live, builtinTools: options.builtinTools } : { builtinTools: options.builtinTools });
  const path = entry.path.join('/');
  return sessions.some((session) =>
    flowThrough(session, kind, options, (s) => s.file === edited && s.entry?.name === entry.name && s.entry.path.join('/') === path),
  );
}
