import type { ServerEntry } from '../../core/index';
import type { TrackedConfig } from '../configIndex';

export type ListName = 'tools' | 'prompts' | 'resources' | 'resourceTemplates';

export const LIST_LABELS: Record<ListName, string> = {
  tools: 'Tools',
  prompts: 'Prompts',
  resources: 'Resources',
  resourceTemplates: 'Resource Templates',
};

/** The sidebar's nodes: config file → server → list → item → field; a server not connected yet has a `connect` row. */
export type TreeNode =
  | { kind: 'config'; tracked: TrackedConfig }
  | { kind: 'server'; server: ServerEntry; parent: TreeNode }
  | { kind: 'connect'; server: ServerEntry; parent: TreeNode }
  | { kind: 'instructions'; server: ServerEntry; parent: TreeNode }
  | { kind: 'list'; server: ServerEntry; list: ListName; parent: TreeNode }
  | { kind: 'item'; server: ServerEntry; list: ListName; name: string; parent: TreeNode }
  | { kind: 'field'; label: string; value: string; parent: TreeNode }
  | { kind: 'editorTools'; parent?: undefined }
  | { kind: 'editorServer'; name: string; tools: { name: string; description: string }[]; parent: TreeNode }
  | { kind: 'editorTool'; name: string; description: string; parent: TreeNode };
