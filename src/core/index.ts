// The engine's public surface, shared by the extension and the CLI. Named exports only.
export { CLIENT_IDS, isClientId, type ClientId } from './config/clientIds';
export { CLIENTS, type ClientSpec, type Scope } from './config/clients';
export { DEFAULT_MAX_FILE_BYTES, loadConfigBytes, loadConfigText, type LoadOptions } from './config/load';
export { clientFromPath, userConfigLocations, WORKSPACE_FILES, type KnownLocation, type MachineEnv } from './config/locations';
export { applyFixSafely, type FixGroup, type SafeFixResult } from './engine/applyFix';
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
export {
  findReferences,
  interpolationStyle,
  substitute,
  type InterpolatedField,
  type InterpolationStyle,
  type PredefinedVariable,
  type Reference,
  type ReferenceSpan,
  type Substituted,
} from './config/interpolate';
export { findSecretsInValue } from './secrets/detect';
export { scanEnvFileText, type EnvFileSecret } from './secrets/envFile';
export { maskSecret } from './secrets/mask';
export { replacementCandidates, type ReplacementCandidate } from './secrets/replacements';
export { scanConfigForSecrets, type SecretOccurrence } from './secrets/scanConfig';
export { locateSecret, locateSecrets, type SecretLocation } from './secrets/secretLocation';
export { analyseProject, type FlowAnalysis } from './flows/analysis';
export { CATALOG, findCatalogServer } from './flows/catalog/index';
export { classifyTool, type ServerHint } from './flows/classify';
export { describePath, roleOf } from './flows/describe';
export { anchorOf, flowReport, type FlowReport, type FlowLegReport } from './flows/anchor';
export { FLOW_LEGS, findToxicFlows, type FlowLeg, type ToxicFlow } from './flows/flows';
export { identifyServer } from './flows/identify';
export { DEFAULT_FLOW_OPTIONS, readAcceptedFlows, readFlowSettings, type AcceptedFlow, type FlowKind, type FlowOptions } from './flows/options';
export { buildSessions, serverKey, type Session, type SessionServer } from './flows/sessions';
export { CAPABILITIES, COUNTED_CONFIDENCE, type Capability, type CapabilityLabel, type Evidence, type ToolClassification } from './flows/types';
export { analyzeServer, analyzeText, type AnalyzeTextOptions } from './tools/analyze';
export { TOOL_CATEGORIES, toolCategory, type ToolCategoryMeta } from './tools/categories';
export { isSuspicious } from './tools/escalate';
export { MAX_RENDERED_FIELD, renderDefinition, type DefinitionSpan, type RenderedDefinition, type RenderOptions } from './tools/render';
export { formatToolsJson, formatToolsSarif, formatToolsText, verdictOf, type ToolVerdict, type ToolsSarifOptions } from './tools/report';
export { parseToolList, type ToolListInput } from './tools/toolList';
export type { AnalyzeContext, OtherServer, TargetKind, TargetRef, ToolCategory, ToolFinding } from './tools/types';
export { canonicalize, canonicalJson, canonicalPretty } from './lock/canonical';
export { diffLines, unifiedDiff } from './lock/diff';
export { storedIdentity, type ServerIdentity } from './lock/identity';
export {
  approve,
  compare,
  forget,
  itemHash,
  LOCKFILE_PATH,
  LOCKFILE_VERSION,
  LockfileError,
  lockItems,
  parseLockfile,
  type ApproveOptions,
  type Comparison,
  type IdentityChange,
  type ItemChange,
  type LockedServer,
  type Lockfile,
  type LockItem,
} from './lock/lockfile';
export { commandWords, launchOf, parseLaunch } from './launch/parse';
export { packageOfFinding, pinEdit, pinnedSpec, pinRequestFor, pinRequestOf, type PinRequest, type UnpinnedPackageData } from './launch/pin';
export { isExactVersion, maxSatisfying, satisfies } from './launch/semver';
export { PINNED_STATES, type LaunchSpec, type PackageRef, type PinState, type Runner } from './launch/types';
export { applyTextEdits } from './policy/applyEdits';
export { approveEdit, createPolicyFromServers, policyEntryFor } from './policy/approve';
export { evaluatePolicy, versionAllowed, type Approval } from './policy/evaluate';
export type { Policy, PolicyEntry } from './policy/model';
export { readPolicy, type PolicyProblem } from './policy/read';
export { canDisable, disableServerEdit, removeServerEdit } from './policy/serverEdits';
export { buildInventory, type InventoryRow } from './inventory/rows';
export { inventoryCsv, inventoryJson, inventoryMarkdown } from './inventory/render';
export { riskLevel, riskScore } from './inventory/risk';
