// No import cycles across src/: each module can be read, tested and loaded after the ones it imports.
// Type-only imports (`import type`, `export type`) are left out: they vanish from the compiled code.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './core/fixtureHelpers';

const ROOT = repoRoot();
const SRC = join(ROOT, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative modules a file loads at run time: value imports and re-exports, dynamic imports, require(). */
export function runtimeImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const found: string[] = [];
  for (const m of code.matchAll(/\b(import|export)\s+(type\s+)?([^'"`;]*?)\bfrom\s*['"]([^'"]+)['"]/g)) {
    if (m[2]) continue;
    const names = m[3]!.replace(/[{}\s]/g, '');
    if (names !== '' && names.split(',').every((n) => n.startsWith('type'))) continue;
    found.push(m[4]!);
  }
  for (const m of code.matchAll(/\bimport\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of code.matchAll(/\b(?:import|require)\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g)) found.push(m[1]!);
  return found.filter((s) => s.startsWith('.'));
}

function resolveModule(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [base + '.ts', join(base, 'index.ts'), base].find((p) => p.endsWith('.ts') && existsSync(p));
}

/** Cycles of a graph, one per strongly connected component with more than one file (or a self-import). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

test('the cycle finder finds a two-file cycle and a self-import, and nothing in a tree', () => {
  const g = new Map([
    ['a', ['b']],
    ['b', ['a', 'c']],
    ['c', []],
    ['d', ['d']],
  ]);
  assert.deepEqual(
    findCycles(g).sort((x, y) => x.length - y.length),
    [['d'], ['a', 'b']],
  );
  assert.deepEqual(
    findCycles(
      new Map([
        ['a', ['b', 'c']],
        ['b', ['c']],
        ['c', []],
      ]),
    ),
    [],
  );
  assert.deepEqual(
    runtimeImports(
      "import type { A } from './a';\nimport { type B } from './b';\nimport { c } from './c';\nexport { d } from './d';\nconst e = await import('./e');",
    ),
    ['./c', './d', './e'],
  );
});

test('no import cycles across src/', () => {
  const graph = new Map<string, string[]>();
  for (const file of tsFiles(SRC)) {
    const targets = runtimeImports(readFileSync(file, 'utf8'))
      .map((s) => resolveModule(file, s))
      .filter((p): p is string => p !== undefined);
    graph.set(file, targets);
  }
  assert.ok(graph.size > 100, `only ${graph.size} files under src/`);
  const cycles = findCycles(graph).map((c) => c.map((f) => relative(ROOT, f).replace(/\\/g, '/')).join(' ↔ '));
  assert.deepEqual(cycles, []);
});
