import { findReferences, type InterpolationStyle, type PredefinedVariable } from './interpolate';

/** What the editor-style predefined variables stand for on this machine and workspace. */
export interface VariableValues {
  workspaceFolder: string;
  userHome: string;
  /** `/` or `\`. */
  pathSeparator: string;
}

/** The value of `${workspaceFolder}`, `${workspaceFolderBasename}`, `${userHome}` or `${pathSeparator}`. */
export function variableValue(name: PredefinedVariable, values: VariableValues): string {
  switch (name) {
    case 'workspaceFolder':
      return values.workspaceFolder;
    case 'workspaceFolderBasename':
      return (
        values.workspaceFolder
          .replace(/[\\/]+$/, '')
          .split(/[\\/]/)
          .pop() ?? ''
      );
    case 'userHome':
      return values.userHome;
    case 'pathSeparator':
      return values.pathSeparator;
  }
}

const EDITOR_VARIABLES: InterpolationStyle = {
  editorVariables: true,
  inputs: false,
  shell: 'none',
  shellFallback: false,
  templates: false,
  fields: [],
  missing: 'empty',
};

/**
 * Expands the editor's predefined variables and `${env:NAME}` (unset: empty, as VS Code does) and
 * leaves every other reference (`${input:…}`, `${secret:…}`) as written, for the caller to fill.
 */
export function expandEditorVariables(text: string, values: VariableValues, env: Readonly<Record<string, string | undefined>>): string {
  let out = '';
  let last = 0;
  for (const span of findReferences(text, EDITOR_VARIABLES)) {
    const ref = span.ref;
    const value = ref.kind === 'variable' ? variableValue(ref.name, values) : ref.kind === 'env' ? (env[ref.name] ?? '') : span.raw;
    out += text.slice(last, span.start) + value;
    last = span.end;
  }
  return out + text.slice(last);
}
