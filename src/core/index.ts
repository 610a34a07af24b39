// The engine's public surface, shared by the extension and the CLI. Named exports only.
export { CLIENT_IDS, isClientId, type ClientId } from './config/clientIds';
export { CLIENTS, type ClientSpec, type Scope } from './config/clients';
export { DEFAULT_MAX_FILE_BYTES, loadConfigBytes, loadConfigText, type LoadOptions } from './config/load';
export { clientFromPath, userConfigLocations, WORKSPACE_FILES, type KnownLocation, type MachineEnv } from './config/locations';
export { lintFile, lintProject, type LintOptions } from './engine/lint';
export { createProject, normalizeFsPath, type Project } from './engine/project';
export { DEFAULT_SETTINGS, mergeSettings, readSettings, type IgnoreEntry, type WardenSettings } from './engine/settings';
export type { ConfigFile } from './model/configFile';
export type { DocNode, JsonPath, TextRange } from './model/docNode';
export { SEVERITY_ORDER, type Finding, type Fix, type Severity, type SeveritySetting, type TextEdit } from './model/finding';
export type { ServerEntry, Transport } from './model/server';
export type { PromptDefinition, ResourceDefinition, ResourceTemplateDefinition, ServerSnapshot, ToolAnnotations, ToolDefinition } from './model/tool';
export { formatJson } from './report/json';
export { formatSarif } from './report/sarif';
export { formatText } from './report/text';
export type { FileReport, ReportInput } from './report/types';
export { ALL_RULES, findRule } from './rules/index';
export { docsPath, type Rule, type RuleMeta } from './rules/rule';
