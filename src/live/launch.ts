import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, resolve, sep } from 'node:path';
import {
  findReferences,
  interpolationStyle,
  substitute,
  type InterpolatedField,
  type InterpolationStyle,
  type Reference,
  type ReferenceSpan,
} from '../core/config/interpolate';
import { variableValue } from '../core/config/variables';
import type { ServerEntry } from '../core/model/server';
import { projectFolderOf } from '../core/workspace/locations';
import { readEnvFile } from './envFile';
import { LiveError } from './errors';
import { visibleText } from '../core/text/visible';
import { createRedactor, mask } from './redact';
import type { LiveContext } from './options';
import type { LaunchSpec } from './types';

export { projectFolderOf };

interface Field {
  kind: InterpolatedField;
  text: string;
}

/** Resolves every reference of an entry (inputs and secrets through the host's callbacks) into what is launched. */
export async function resolveLaunch(entry: ServerEntry, context: LiveContext): Promise<LaunchSpec> {
  const style = interpolationStyle(entry.client);
  const project = projectFolderOf(entry);
  const env = context.env ?? process.env;
  const vars = {
    workspaceFolder: context.workspaceFolder ?? project,
    userHome: context.userHome ?? homedir(),
    pathSeparator: sep,
  };
  const fields = collectFields(entry);
  const values = await resolveReferences(entry, style, fields, env, context);
  const secrets = [...values.secretValues];
  const lookup = (ref: Reference): string | undefined => {
    switch (ref.kind) {
      case 'env':
        return env[ref.name] ?? values.byKey.get(`env:${ref.name}`);
      case 'input':
        return values.byKey.get(`input:${ref.id}`);
      case 'secret':
        return values.byKey.get(`secret:${ref.name}`);
      case 'variable':
        return variableValue(ref.name, vars);
      case 'unsupported':
        return undefined;
    }
  };
  const expand = (kind: InterpolatedField, text: string): string => {
    if (!style.fields.includes(kind)) return text;
    const result = substitute(text, style, lookup);
    for (const span of result.unresolved) failUnresolved(span, style);
    return result.value;
  };

  const cwdText = entry.cwd ? expand('cwd', entry.cwd.value) : undefined;
  const cwd = cwdText ? resolve(project, cwdText) : project;
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (typeof v === 'string') childEnv[k] = v;
  if (entry.envFile) {
    const path = resolve(project, expand('envFile', entry.envFile.value));
    for (const [k, v] of Object.entries(readEnvFile(path))) {
      childEnv[k] = v;
      secrets.push(v);
    }
  }
  for (const item of entry.env) {
    if (item.value === undefined) {
      if (item.node.type === 'null') delete childEnv[item.key];
      continue;
    }
    const value = expand('env', item.value);
    childEnv[item.key] = value;
    secrets.push(value);
  }
  const headers: Record<string, string> = {};
  for (const item of entry.headers) {
    if (item.value === undefined) continue;
    headers[item.key] = expand('headers', item.value);
    secrets.push(headers[item.key]!);
  }
  const launch: LaunchSpec = { transport: 'stdio', args: entry.args.map((a) => expand('args', a.value)), env: childEnv, headers, secrets, cwd };
  if (entry.transport === 'stdio' || (entry.transport === 'unknown' && entry.command)) {
    if (!entry.command) throw new LiveError('config', 'the entry has no command to run');
    launch.command = expand('command', entry.command.value);
    if (!launch.command.trim()) throw new LiveError('config', 'the command is empty');
  } else if (entry.url) {
    launch.transport = entry.transport === 'sse' ? 'sse' : 'http';
    launch.url = expand('url', entry.url.value);
    secrets.push(...urlSecrets(launch.url));
  } else {
    throw new LiveError('config', 'the entry has neither a command nor a URL');
  }
  if (!isAbsolute(cwd)) launch.cwd = resolve(cwd);
  if (launch.transport === 'stdio' && !existsSync(launch.cwd!))
    throw new LiveError('config', `the working folder "${visibleText(launch.cwd!, { singleLine: true, max: 200 })}" does not exist`);
  return launch;
}

function collectFields(entry: ServerEntry): Field[] {
  const out: Field[] = [];
  if (entry.command) out.push({ kind: 'command', text: entry.command.value });
  for (const a of entry.args) out.push({ kind: 'args', text: a.value });
  for (const e of entry.env) if (e.value !== undefined) out.push({ kind: 'env', text: e.value });
  for (const h of entry.headers) if (h.value !== undefined) out.push({ kind: 'headers', text: h.value });
  if (entry.url) out.push({ kind: 'url', text: entry.url.value });
  if (entry.cwd) out.push({ kind: 'cwd', text: entry.cwd.value });
  if (entry.envFile) out.push({ kind: 'envFile', text: entry.envFile.value });
  return out;
}

interface Resolved {
  byKey: Map<string, string>;
  secretValues: string[];
}

/** Asks the host, once per distinct input or secret, in order of appearance. */
async function resolveReferences(
  entry: ServerEntry,
  style: InterpolationStyle,
  fields: Field[],
  env: Record<string, string | undefined>,
  context: LiveContext,
): Promise<Resolved> {
  const byKey = new Map<string, string>();
  const secretValues: string[] = [];
  const asked = new Set<string>();
  for (const field of fields) {
    if (!style.fields.includes(field.kind)) continue;
    for (const { ref } of findReferences(field.text, style)) {
      const key = ref.kind === 'input' ? `input:${ref.id}` : ref.kind === 'secret' ? `secret:${ref.name}` : ref.kind === 'env' ? `env:${ref.name}` : undefined;
      if (!key || asked.has(key)) continue;
      asked.add(key);
      let value: string | undefined;
      if (ref.kind === 'input') value = await context.resolveInput?.({ id: ref.id, server: entry });
      else if (ref.kind === 'secret') value = await context.resolveSecret?.({ name: ref.name, from: 'secret', server: entry });
      else if (ref.kind === 'env' && env[ref.name] === undefined) value = await context.resolveSecret?.({ name: ref.name, from: 'env', server: entry });
      if (value !== undefined) {
        byKey.set(key, value);
        secretValues.push(value);
      }
    }
  }
  return { byKey, secretValues };
}

function failUnresolved(span: ReferenceSpan, style: InterpolationStyle): void {
  const ref = span.ref;
  const raw = visibleText(span.raw, { singleLine: true, max: 100 });
  switch (ref.kind) {
    case 'input':
      throw new LiveError('config', `no value was given for ${raw}`);
    case 'secret':
      throw new LiveError('config', `${raw} refers to a secret that is not stored`);
    case 'unsupported':
      throw new LiveError('config', `${raw} can only be resolved inside the editor`);
    case 'variable':
      throw new LiveError('config', `${raw} has no value here`);
    case 'env':
      if (style.missing === 'error') throw new LiveError('config', `${raw} refers to the environment variable ${ref.name}, which is not set`);
  }
}

function urlSecrets(raw: string): string[] {
  try {
    const url = new URL(raw);
    return [decodeURIComponent(url.password), ...[...url.searchParams.values()]].filter(Boolean);
  } catch {
    return [];
  }
}

/** The command line for a confirmation prompt or a log, secret values masked. */
export function describeLaunch(launch: LaunchSpec, redact: (text: string) => string): string {
  if (launch.transport !== 'stdio') return redact(`${launch.transport === 'sse' ? 'SSE' : 'HTTP'} ${launch.url ?? ''}`);
  const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return redact([launch.command ?? '', ...launch.args].map(quote).join(' '));
}

/**
 * The command line as the config writes it, references unresolved and nothing asked: for a trust
 * prompt before anything runs. Env and header values are masked (first 4 characters at most).
 */
export function describeEntry(entry: ServerEntry): string {
  const values = [...entry.env, ...entry.headers].map((kv) => kv.value ?? '');
  const redact = createRedactor(values);
  const launch: LaunchSpec = {
    transport: entry.command ? 'stdio' : entry.transport === 'sse' ? 'sse' : 'http',
    args: entry.args.map((a) => a.value),
    env: {},
    headers: {},
    secrets: values,
    ...(entry.command ? { command: entry.command.value } : {}),
    ...(entry.url ? { url: entry.url.value } : {}),
  };
  const env = entry.env.length > 0 ? ` (env: ${entry.env.map((e) => `${e.key}=${e.value === undefined ? '' : mask(e.value)}`).join(', ')})` : '';
  const headers =
    entry.headers.length > 0 ? ` (headers: ${entry.headers.map((h) => `${h.key}: ${h.value === undefined ? '' : mask(h.value)}`).join(', ')})` : '';
  return visibleText(describeLaunch(launch, redact) + env + headers, { singleLine: true, max: 2_000 });
}
