// A stand-in for the `vscode` module, so bench/_sessionChild.ts can load the extension's real bundle
// (dist/extension.js) outside the editor and time that load: every name is a callable, constructible
// object whose properties are more of the same. Nothing is called on it in the bench beyond module load.
function deep(): unknown {
  const props = new Map<PropertyKey, unknown>();
  return new Proxy(function () {}, {
    get(target, p) {
      if (props.has(p)) return props.get(p);
      if (p === 'then') return undefined;
      if (p === 'prototype') return target.prototype as unknown;
      if (p === Symbol.iterator) return function* () {};
      if (p === Symbol.toPrimitive) return () => '';
      const value = deep();
      props.set(p, value);
      return value;
    },
    set(_t, p, value) {
      props.set(p, value);
      return true;
    },
    apply: () => deep(),
    construct: () => deep() as object,
  });
}

const NAMES =
  'CodeAction CodeActionKind ConfigurationTarget Diagnostic DiagnosticRelatedInformation DiagnosticSeverity Disposable EventEmitter FileType Location Position ProgressLocation Range RelativePattern StatusBarAlignment ThemeColor ThemeIcon TreeItem TreeItemCollapsibleState Uri WorkspaceEdit commands env languages lm version window workspace';

const stub: Record<string, unknown> = {};
for (const name of NAMES.split(' ')) stub[name] = deep();
module.exports = stub;
