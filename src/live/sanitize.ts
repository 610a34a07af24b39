import type { PromptDefinition, ResourceDefinition, ResourceTemplateDefinition, ToolAnnotations, ToolDefinition } from '../core/model/tool';
import type { ListKind, TruncatedText } from './types';

const MAX_SCHEMA_DEPTH = 64;
const NAME_LIMIT = 200;

/**
 * Turns what a server listed into the shared model: only the known fields, every string cut at
 * `maxText` characters (each cut recorded), schemas copied to a bounded depth.
 */
export class Sanitizer {
  readonly truncated: TruncatedText[] = [];
  constructor(private readonly maxText: number) {}

  text(value: unknown, list: ListKind | 'server', item: string, field: string): string | undefined {
    if (typeof value !== 'string') return undefined;
    if (value.length <= this.maxText) return value;
    this.truncated.push({ list, item: item.slice(0, NAME_LIMIT), field, length: value.length });
    return value.slice(0, this.maxText);
  }

  tool(raw: Record<string, unknown>): ToolDefinition {
    const name = this.text(raw.name, 'tools', String(raw.name), 'name') ?? '';
    const out: ToolDefinition = { name };
    this.assign(out, 'title', this.text(raw.title, 'tools', name, 'title'));
    this.assign(out, 'description', this.text(raw.description, 'tools', name, 'description'));
    if (raw.inputSchema !== undefined) out.inputSchema = this.json(raw.inputSchema, 'tools', name, 'inputSchema', 0);
    if (raw.outputSchema !== undefined) out.outputSchema = this.json(raw.outputSchema, 'tools', name, 'outputSchema', 0);
    const annotations = this.annotations(raw.annotations, name);
    if (annotations) out.annotations = annotations;
    return out;
  }

  prompt(raw: Record<string, unknown>): PromptDefinition {
    const name = this.text(raw.name, 'prompts', String(raw.name), 'name') ?? '';
    const out: PromptDefinition = { name };
    this.assign(out, 'title', this.text(raw.title, 'prompts', name, 'title'));
    this.assign(out, 'description', this.text(raw.description, 'prompts', name, 'description'));
    if (Array.isArray(raw.arguments)) {
      out.arguments = raw.arguments.map((a: Record<string, unknown>, i) => {
        const arg: NonNullable<PromptDefinition['arguments']>[number] = { name: this.text(a.name, 'prompts', name, `arguments[${i}].name`) ?? '' };
        this.assign(arg, 'description', this.text(a.description, 'prompts', name, `arguments[${i}].description`));
        if (typeof a.required === 'boolean') arg.required = a.required;
        return arg;
      });
    }
    return out;
  }

  resource(raw: Record<string, unknown>): ResourceDefinition {
    const uri = this.text(raw.uri, 'resources', String(raw.uri), 'uri') ?? '';
    const out: ResourceDefinition = { uri, name: this.text(raw.name, 'resources', uri, 'name') ?? '' };
    this.common(out, raw, 'resources', uri);
    return out;
  }

  resourceTemplate(raw: Record<string, unknown>): ResourceTemplateDefinition {
    const uriTemplate = this.text(raw.uriTemplate, 'resourceTemplates', String(raw.uriTemplate), 'uriTemplate') ?? '';
    const out: ResourceTemplateDefinition = { uriTemplate, name: this.text(raw.name, 'resourceTemplates', uriTemplate, 'name') ?? '' };
    this.common(out, raw, 'resourceTemplates', uriTemplate);
    return out;
  }

  private common(out: { title?: string; description?: string; mimeType?: string }, raw: Record<string, unknown>, list: ListKind, item: string): void {
    this.assign(out, 'title', this.text(raw.title, list, item, 'title'));
    this.assign(out, 'description', this.text(raw.description, list, item, 'description'));
    this.assign(out, 'mimeType', this.text(raw.mimeType, list, item, 'mimeType'));
  }

  private annotations(raw: unknown, item: string): ToolAnnotations | undefined {
    if (!raw || typeof raw !== 'object') return undefined;
    const a = raw as Record<string, unknown>;
    const out: ToolAnnotations = {};
    this.assign(out, 'title', this.text(a.title, 'tools', item, 'annotations.title'));
    for (const hint of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const) {
      if (typeof a[hint] === 'boolean') out[hint] = a[hint] as boolean;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }

  /** A plain-data copy of a JSON value: long strings cut, nesting beyond 64 levels replaced by null. */
  private json(value: unknown, list: ListKind, item: string, path: string, depth: number): unknown {
    if (typeof value === 'string') return this.text(value, list, item, path);
    if (value === null || typeof value !== 'object') return value;
    if (depth >= MAX_SCHEMA_DEPTH) {
      this.truncated.push({ list, item: item.slice(0, NAME_LIMIT), field: path, length: -1 });
      return null;
    }
    if (Array.isArray(value)) return value.map((v, i) => this.json(v, list, item, `${path}[${i}]`, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = k.length > this.maxText ? k.slice(0, this.maxText) : k;
      Object.defineProperty(out, key, {
        value: this.json(v, list, item, `${path}.${key.slice(0, NAME_LIMIT)}`, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }

  private assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
    if (value !== undefined) target[key] = value;
  }
}
