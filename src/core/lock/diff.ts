/**
 * Line diff in linear space: Myers' O(ND) algorithm with the "middle snake" divide and conquer
 * (Myers 1986, section 4b). When the edit distance passes `maxEdits`, the remaining region is
 * reported as one replacement instead (bounded time on unrelated texts).
 */
export type DiffOp = { kind: 'equal' | 'delete' | 'insert'; line: string };

export const DEFAULT_MAX_EDITS = 4000;

export function diffLines(a: readonly string[], b: readonly string[], maxEdits = DEFAULT_MAX_EDITS): DiffOp[] {
  const ops: DiffOp[] = [];
  let budget = maxEdits;
  const v = new Int32Array(2 * (a.length + b.length) + 4);
  const vb = new Int32Array(v.length);

  const replace = (a0: number, a1: number, b0: number, b1: number) => {
    for (let i = a0; i < a1; i++) ops.push({ kind: 'delete', line: a[i]! });
    for (let j = b0; j < b1; j++) ops.push({ kind: 'insert', line: b[j]! });
  };

  const solve = (a0: number, a1: number, b0: number, b1: number): void => {
    while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) {
      ops.push({ kind: 'equal', line: a[a0++]! });
      b0++;
    }
    let tailA = a1;
    let tailB = b1;
    while (tailA > a0 && tailB > b0 && a[tailA - 1] === b[tailB - 1]) {
      tailA--;
      tailB--;
    }
    const tail = a.slice(tailA, a1);
    if (a0 === tailA) for (let j = b0; j < tailB; j++) ops.push({ kind: 'insert', line: b[j]! });
    else if (b0 === tailB) for (let i = a0; i < tailA; i++) ops.push({ kind: 'delete', line: a[i]! });
    else {
      const snake = budget > 0 ? middleSnake(a0, tailA, b0, tailB) : undefined;
      if (!snake) replace(a0, tailA, b0, tailB);
      else {
        budget -= snake.d;
        solve(a0, snake.x, b0, snake.y);
        for (let i = snake.x; i < snake.u; i++) ops.push({ kind: 'equal', line: a[i]! });
        solve(snake.u, tailA, snake.v, tailB);
      }
    }
    for (const line of tail) ops.push({ kind: 'equal', line });
  };

  /** The middle snake of the optimal path through a[a0,a1) × b[b0,b1): from (x,y) to (u,v), d edits in total. */
  const middleSnake = (a0: number, a1: number, b0: number, b1: number) => {
    const n = a1 - a0;
    const m = b1 - b0;
    const delta = n - m;
    const odd = (delta & 1) !== 0;
    const offset = m + 1;
    const maxD = Math.min(Math.ceil((n + m) / 2), budget);
    v.fill(0, 0, n + m + 3);
    vb.fill(0, 0, n + m + 3);
    v[offset + 1] = 0;
    vb[offset + 1] = 0;
    for (let d = 0; d <= maxD; d++) {
      for (let k = -d; k <= d; k += 2) {
        let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
        let y = x - k;
        const sx = x;
        const sy = y;
        while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
          x++;
          y++;
        }
        v[offset + k] = x;
        const c = delta - k;
        if (odd && c >= -(d - 1) && c <= d - 1 && x + vb[offset + c]! >= n) return { x: a0 + sx, y: b0 + sy, u: a0 + x, v: b0 + y, d: 2 * d - 1 };
      }
      for (let k = -d; k <= d; k += 2) {
        let x = k === -d || (k !== d && vb[offset + k - 1]! < vb[offset + k + 1]!) ? vb[offset + k + 1]! : vb[offset + k - 1]! + 1;
        let y = x - k;
        const sx = x;
        const sy = y;
        while (x < n && y < m && a[a1 - 1 - x] === b[b1 - 1 - y]) {
          x++;
          y++;
        }
        vb[offset + k] = x;
        const c = delta - k;
        if (!odd && c >= -d && c <= d && x + v[offset + c]! >= n) return { x: a1 - x, y: b1 - y, u: a1 - sx, v: b1 - sy, d: 2 * d };
      }
    }
    return undefined;
  };

  solve(0, a.length, 0, b.length);
  return ops;
}

/** A unified diff (`---`/`+++` headers, `@@` hunks with `context` lines around each change). */
export function unifiedDiff(
  oldText: string,
  newText: string,
  options: { oldLabel?: string; newLabel?: string; context?: number; maxEdits?: number } = {},
): string {
  const a = oldText === '' ? [] : oldText.split('\n');
  const b = newText === '' ? [] : newText.split('\n');
  const ops = diffLines(a, b, options.maxEdits);
  if (!ops.some((o) => o.kind !== 'equal')) return '';
  const context = options.context ?? 3;
  const lines = [`--- ${options.oldLabel ?? 'approved'}`, `+++ ${options.newLabel ?? 'current'}`];
  const positions: { op: DiffOp; ai: number; bi: number }[] = [];
  let ai = 0;
  let bi = 0;
  for (const op of ops) {
    positions.push({ op, ai, bi });
    if (op.kind !== 'insert') ai++;
    if (op.kind !== 'delete') bi++;
  }
  let i = 0;
  while (i < positions.length) {
    while (i < positions.length && positions[i]!.op.kind === 'equal') i++;
    if (i >= positions.length) break;
    const start = Math.max(0, i - context);
    let end = i;
    let quiet = 0;
    while (end < positions.length && quiet <= 2 * context) {
      quiet = positions[end]!.op.kind === 'equal' ? quiet + 1 : 0;
      end++;
    }
    end = Math.min(positions.length, end - Math.max(0, quiet - context));
    const hunk = positions.slice(start, end);
    const oldCount = hunk.filter((p) => p.op.kind !== 'insert').length;
    const newCount = hunk.filter((p) => p.op.kind !== 'delete').length;
    const first = hunk[0]!;
    lines.push(`@@ -${oldCount ? first.ai + 1 : first.ai},${oldCount} +${newCount ? first.bi + 1 : first.bi},${newCount} @@`);
    for (const p of hunk) lines.push((p.op.kind === 'equal' ? ' ' : p.op.kind === 'delete' ? '-' : '+') + p.op.line);
    i = end;
  }
  return lines.join('\n') + '\n';
}
