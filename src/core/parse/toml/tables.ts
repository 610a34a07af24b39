import type { DocNode } from '../../model/docNode';
import type { TomlContext } from './context';
import { keyText, type KeySegment } from './keys';
import { fail } from './scanner';

/**
 * How a table came to be, which decides what may extend it later:
 * `header`/`element` were defined by `[a]`/`[[a]]`, `implicit` only named on the way to one (`a` in `[a.b]`),
 * `dotted` created by a dotted key (`a.b = 1`), `inline` written as `{ … }` and closed for good.
 */
export type TableKind = 'root' | 'header' | 'element' | 'implicit' | 'dotted' | 'inline';

interface TableState {
  kind: TableKind;
  /** First property of each key; later duplicates are listed in the tree but never extended. */
  keys: Map<string, DocNode>;
}

/** The tables of one document and the TOML rules on defining each of them once. */
export class Tables {
  private readonly states = new Map<DocNode, TableState>();
  private readonly tableArrays = new Set<DocNode>();
  /** Tables whose range starts at their own header, whatever their children's positions. */
  readonly anchored = new Set<DocNode>();

  constructor(private readonly ctx: TomlContext) {}

  create(kind: TableKind, offset: number, length: number): DocNode {
    const node: DocNode = { type: 'object', offset, length, children: [] };
    this.states.set(node, { kind, keys: new Map() });
    if (kind === 'header' || kind === 'element' || kind === 'inline' || kind === 'root') this.anchored.add(node);
    return node;
  }

  kindOf(node: DocNode): string | undefined {
    return this.tableArrays.has(node) ? 'table-array' : this.states.get(node)?.kind;
  }

  /** The value of `name` in `table`, if defined. */
  lookup(table: DocNode, name: string): DocNode | undefined {
    return this.states.get(table)?.keys.get(name)?.children?.[1];
  }

  /** Adds `segment = value` to `table` as a property node. */
  attach(table: DocNode, segment: KeySegment, value: DocNode, equalsOffset?: number): DocNode {
    const prop: DocNode = { type: 'property', offset: segment.offset, length: segment.length, parent: table, children: [] };
    if (equalsOffset !== undefined) prop.colonOffset = equalsOffset;
    const key: DocNode = { type: 'string', value: segment.name, offset: segment.offset, length: segment.length, parent: prop };
    value.parent = prop;
    prop.children!.push(key, value);
    table.children!.push(prop);
    const keys = this.states.get(table)?.keys;
    if (keys && !keys.has(segment.name)) keys.set(segment.name, prop);
    return prop;
  }

  /** `a.b.c = value` inside `table`: creates the dotted tables `a` and `a.b` as needed. */
  assign(table: DocNode, segments: readonly KeySegment[], value: DocNode, equalsOffset: number): void {
    let target = table;
    for (let i = 0; i < segments.length - 1; i++) {
      const segment = segments[i]!;
      const existing = this.lookup(target, segment.name);
      if (!existing) {
        const next = segments[i + 1]!;
        const created = this.create('dotted', next.offset, 0);
        this.attach(target, segment, created);
        target = created;
      } else if (this.states.get(existing)?.kind === 'dotted') {
        target = existing;
      } else {
        const prefix = keyText(segments.slice(0, i + 1));
        fail(segment.offset, `cannot set '${keyText(segments)}': '${prefix}' is already ${this.ctx.describe(existing, this.kindOf(existing))}`, segment.length);
      }
    }
    const last = segments[segments.length - 1]!;
    const existing = this.lookup(target, last.name);
    this.attach(target, last, value, equalsOffset);
    if (existing) {
      this.ctx.report(
        last.offset,
        last.length,
        `key '${keyText(segments)}' is already defined (line ${this.ctx.line(existing.parent!.children![0]!.offset)}); TOML allows each key once`,
      );
    }
  }

  /** `[a.b]` or `[[a.b]]` spanning `start`..`end`: the table that the following key/values go into. */
  openHeader(root: DocNode, segments: readonly KeySegment[], isArray: boolean, start: number, end: number): DocNode {
    const header = (): string => (isArray ? `[[${keyText(segments)}]]` : `[${keyText(segments)}]`);
    let parent = root;
    for (let i = 0; i < segments.length - 1; i++) {
      const segment = segments[i]!;
      const existing = this.lookup(parent, segment.name);
      if (!existing) {
        const created = this.create('implicit', start, end - start);
        this.attach(parent, segment, created);
        parent = created;
        continue;
      }
      const next = this.descend(existing);
      if (!next) {
        const prefix = keyText(segments.slice(0, i + 1));
        fail(segment.offset, `cannot define ${header()}: '${prefix}' is already ${this.ctx.describe(existing, this.kindOf(existing))}`, segment.length);
      }
      parent = next;
    }
    const last = segments[segments.length - 1]!;
    const existing = this.lookup(parent, last.name);
    return isArray ? this.appendElement(parent, last, existing, header, start, end) : this.defineTable(parent, last, existing, header, start, end);
  }

  /** A table a header may pass through: any table but an inline one, or the last table of an array of tables. */
  private descend(node: DocNode): DocNode | undefined {
    if (this.tableArrays.has(node)) return node.children![node.children!.length - 1];
    const kind = this.states.get(node)?.kind;
    return kind && kind !== 'inline' ? node : undefined;
  }

  private defineTable(parent: DocNode, last: KeySegment, existing: DocNode | undefined, header: () => string, start: number, end: number): DocNode {
    const state = existing ? this.states.get(existing) : undefined;
    if (existing && state?.kind === 'implicit') {
      state.kind = 'header';
      this.anchored.add(existing);
      existing.offset = start;
      existing.length = end - start;
      const prop = existing.parent!;
      const key = prop.children![0]!;
      prop.offset = key.offset = last.offset;
      prop.length = key.length = last.length;
      return existing;
    }
    const table = this.create('header', start, end - start);
    this.attach(parent, last, table);
    if (existing) {
      const message =
        state?.kind === 'header'
          ? `table ${header()} is already defined (line ${this.line(existing)})`
          : `cannot define ${header()}: it is already ${this.ctx.describe(existing, this.kindOf(existing))}`;
      this.ctx.report(last.offset, last.length, message);
    }
    return table;
  }

  private appendElement(parent: DocNode, last: KeySegment, existing: DocNode | undefined, header: () => string, start: number, end: number): DocNode {
    const element = this.create('element', start, end - start);
    let array = existing && this.tableArrays.has(existing) ? existing : undefined;
    if (!array) {
      array = { type: 'array', offset: start, length: end - start, children: [] };
      this.tableArrays.add(array);
      this.attach(parent, last, array);
      if (existing)
        this.ctx.report(last.offset, last.length, `cannot append to ${header()}: it is already ${this.ctx.describe(existing, this.kindOf(existing))}`);
    }
    element.parent = array;
    array.children!.push(element);
    return element;
  }

  private line(value: DocNode): number {
    return this.ctx.line(value.parent!.children![0]!.offset);
  }
}
