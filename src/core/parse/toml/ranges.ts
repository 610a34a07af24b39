import type { DocNode } from '../../model/docNode';

/**
 * Gives each table and property its final range once the whole file is read. A table spans its own
 * text (a header, braces or brackets) and everything later added to it; a table that starts at its
 * header (`anchored`) keeps that start even if a sub-table was written above it. A property spans its
 * key and its value. Recursion depth is bounded by the key-part and bracket nesting limits.
 */
export function settleRanges(root: DocNode, anchored: ReadonlySet<DocNode>): void {
  for (const child of root.children ?? []) settle(child, anchored);
}

function settle(node: DocNode, anchored: ReadonlySet<DocNode>): void {
  const children = node.children;
  if (!children || children.length === 0) return;
  let start = node.offset;
  let end = node.offset + node.length;
  for (const child of children) {
    settle(child, anchored);
    start = Math.min(start, child.offset);
    end = Math.max(end, child.offset + child.length);
  }
  if (anchored.has(node)) start = node.offset;
  node.offset = start;
  node.length = end - start;
}
