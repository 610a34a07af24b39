import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { buildInventory, type InventoryRow } from '../../core/inventory/rows';
import { inventoryCsv, inventoryJson, inventoryMarkdown } from '../../core/inventory/render';
import { isVulnerableData, vulnerableRefOf } from '../../core/advisories/configPackages';
import { isUnpinnedData, pinEdit } from '../../core/launch/pin';
import type { TextEdit } from '../../core/model/finding';
import { approveEdit, createPolicyFromServers, policyEntryFor } from '../../core/policy/approve';
import { applyPolicyFixSafely, type SafePolicyFixResult } from '../../core/engine/applyFix';
import { evaluatePolicy } from '../../core/policy/evaluate';
import { resolveFixedVersion } from '../../node/advisories/resolveFixed';
import { resolvePin, type RegistrySettings } from '../../node/registry/resolve';
import { registrySettingsFrom, type RegistryChoices } from '../../node/registrySettings';
import { toWorkspaceEdit } from '../convert';
import { whyUnsafe } from '../safeEdit';
import type { Warden } from '../warden';
import { policyUri, readText } from './policyFile';
import { serverNamed } from '../../core/config/serverNamed';
import { pinKey, type KnownPins } from './supplyActions';
import { plural } from '../../core/text/plural';

/** Registry settings: the editor's settings, the user's `~/.npmrc`, and the project's `.npmrc` in a trusted workspace only. */
async function registrySettings(): Promise<RegistrySettings> {
  const c = vscode.workspace.getConfiguration('mcpWarden.registries');
  const asNpmrc = (text: string | undefined, trusted: boolean) => (text === undefined ? undefined : { text, trusted });
  const npmrcs = [asNpmrc(await readText(vscode.Uri.file(`${homedir()}/.npmrc`)), true)];
  const folder = vscode.workspace.workspaceFolders?.[0];
  // The project's .npmrc only in a trusted workspace, and even then its credentials are not used (a repository is untrusted input).
  if (folder && vscode.workspace.isTrusted) npmrcs.push(asNpmrc(await readText(vscode.Uri.joinPath(folder.uri, '.npmrc')), false));
  const choices: RegistryChoices = {
    npmScopes: c.get<Record<string, string>>('npmScopes', {}),
    ociMirrors: c.get<Record<string, string>>('ociMirrors', {}),
    timeoutMs: c.get<number>('timeoutMs', 5000),
  };
  for (const [key, setting] of [
    ['npmRegistry', 'npm'],
    ['pypiUrl', 'pypi'],
    ['jsrUrl', 'jsr'],
    ['goProxy', 'goProxy'],
  ] as const) {
    const value = c.get<string>(setting);
    if (value) choices[key] = value;
  }
  return registrySettingsFrom(npmrcs, choices, process.env);
}

/** Resolves the exact version from the registry (with a timeout), then writes it into the launch. */
export async function pinPackageCommand(
  warden: Warden,
  pins: KnownPins,
  uri: vscode.Uri | undefined,
  findingStart: number | undefined,
): Promise<string | undefined> {
  if (!uri || typeof findingStart !== 'number') {
    void vscode.window.showWarningMessage('MCP Warden: pin a package from the quick fix on its "unpinned-package" finding in an MCP config file.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const tracked = warden.index.fromDocument(document);
  warden.linter.lintRelated(tracked);
  const finding = warden.linter.findingsFor(uri).find((f) => f.ruleId === 'unpinned-package' && f.range.start === findingStart);
  if (!finding || !isUnpinnedData(finding.data) || !finding.data.request) {
    void vscode.window.showWarningMessage('MCP Warden: that package is no longer unpinned here (the file may have changed).');
    return undefined;
  }
  const request = finding.data.request;
  const settings = await registrySettings();
  let version: string;
  try {
    version = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `MCP Warden: looking up ${request.name} in the ${request.ecosystem} registry…`,
        cancellable: true,
      },
      async (_p, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return (await resolvePin(request, settings, abort.signal)).version;
      },
    );
  } catch (e) {
    void vscode.window.showWarningMessage(`MCP Warden could not pin ${request.name}: ${(e as Error).message}. Nothing was changed.`);
    return undefined;
  }
  pins.remember(pinKey(request.ecosystem, request.name, request.wanted), version);
  const current = warden.index.fromDocument(document);
  const edits = pinEdit(current.config, finding, version);
  if (edits.length === 0) return undefined;
  const unsafe = whyUnsafe(current, [{ edits }]);
  if (unsafe) {
    void vscode.window.showWarningMessage(`MCP Warden did not pin ${request.name}: ${unsafe}.`);
    return undefined;
  }
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document, edits)))) return undefined;
  warden.log.info(`Pinned ${request.name} to ${version} in ${uri.fsPath}.`);
  return version;
}

/** Asks the registry for the first fixed release of a `vulnerable-package` finding (else the newest above it) and writes it in. */
export async function moveToFixedVersionCommand(warden: Warden, uri: vscode.Uri | undefined, findingStart: number | undefined): Promise<string | undefined> {
  if (!uri || typeof findingStart !== 'number') {
    void vscode.window.showWarningMessage('MCP Warden: move a package from the quick fix on its "vulnerable-package" finding in an MCP config file.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  warden.linter.lintRelated(warden.index.fromDocument(document));
  const finding = warden.linter.findingsFor(uri).find((f) => f.ruleId === 'vulnerable-package' && f.range.start === findingStart);
  if (!finding || !isVulnerableData(finding.data)) {
    void vscode.window.showWarningMessage('MCP Warden: that package version is no longer here (the file may have changed).');
    return undefined;
  }
  const data = finding.data;
  const settings = await registrySettings();
  let version: string;
  try {
    version = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `MCP Warden: looking up fixed releases of ${data.name}…`, cancellable: true },
      async (_p, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        const current = warden.index.fromDocument(document).config;
        return (await resolveFixedVersion(current, data, (request) => resolvePin(request, settings, abort.signal))).version;
      },
    );
  } catch (e) {
    void vscode.window.showWarningMessage(`MCP Warden could not move ${data.name} to a fixed version: ${(e as Error).message}. Nothing was changed.`);
    return undefined;
  }
  const current = warden.index.fromDocument(document).config;
  const ref = vulnerableRefOf(current, data);
  const edits = ref ? pinEdit(current, ref, version) : [];
  if (edits.length === 0 || !(await vscode.workspace.applyEdit(toWorkspaceEdit(document, edits)))) return undefined;
  warden.log.info(`Moved ${data.name} from ${data.version} to ${version} (${data.advisories.join(', ')}) in ${uri.fsPath}.`);
  return version;
}

/** Adds the server to the policy's allow list (creating the policy file if there is none). */
export async function approveInPolicyCommand(
  warden: Warden,
  uri: vscode.Uri | undefined,
  serverName: string | undefined,
  reloadPolicy: () => Promise<void>,
): Promise<boolean> {
  const target = policyUri();
  const servers = uri && serverName ? warden.index.get(uri)?.config.servers : undefined;
  const server = servers && serverName ? serverNamed(servers, serverName) : undefined;
  if (!target || !server) {
    void vscode.window.showWarningMessage('MCP Warden: approve a server from the quick fix on its "unapproved-server" finding in an MCP config file.');
    return false;
  }
  const policy = warden.linter.policy;
  if (policy && evaluatePolicy(policy, server).state === 'denied') {
    void vscode.window.showWarningMessage(
      `MCP Warden: "${serverName}" is denied by ${vscode.workspace.asRelativePath(target)}; a deny entry wins over any approval. Remove the deny entry first if the server is fine.`,
    );
    return false;
  }
  const existing = await readText(target);
  const text = existing ?? createPolicyFromServers([]);
  let edits: TextEdit[];
  let safe: SafePolicyFixResult;
  try {
    edits = approveEdit(text, server);
    safe = applyPolicyFixSafely(text, target.fsPath, { edits, adds: [policyEntryFor(server)] });
  } catch (e) {
    void vscode.window.showWarningMessage(`MCP Warden could not approve "${serverName}": ${(e as Error).message}`);
    return false;
  }
  if ('refused' in safe) {
    void vscode.window.showWarningMessage(`MCP Warden did not approve "${serverName}": ${safe.refused}.`);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  if (existing === undefined) {
    edit.createFile(target, { ignoreIfExists: true });
    edit.insert(target, new vscode.Position(0, 0), safe.text);
  } else {
    const doc = await vscode.workspace.openTextDocument(target);
    toWorkspaceEdit(doc, edits, edit);
  }
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  await (await vscode.workspace.openTextDocument(target)).save();
  await reloadPolicy();
  return true;
}

/** Writes a policy that allows what is installed now (opens the existing one instead of overwriting it). */
export async function createPolicyCommand(warden: Warden, reloadPolicy: () => Promise<void>): Promise<void> {
  const target = policyUri();
  if (!target) {
    void vscode.window.showWarningMessage('MCP Warden: open a folder first; the policy lives in the workspace.');
    return;
  }
  if ((await readText(target)) === undefined) {
    const servers = warden.index.all.flatMap((t) => t.config.servers);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(createPolicyFromServers(servers)));
    await reloadPolicy();
    void vscode.window.showInformationMessage(
      `MCP Warden created ${vscode.workspace.asRelativePath(target)} allowing the ${plural(servers.length, 'server')} configured now. Review it and commit it.`,
    );
  }
  await vscode.window.showTextDocument(target);
}

/** Every configured server with its pin and approval state and findings, as JSON, CSV or Markdown. */
export async function exportInventoryCommand(warden: Warden): Promise<void> {
  const format = await vscode.window.showQuickPick(['Markdown', 'CSV', 'JSON'], { placeHolder: 'Inventory format' });
  if (!format) return;
  const project = warden.linter.project();
  const results = warden.index.all.map((t) => ({ file: t.config, findings: warden.linter.findingsFor(t.uri) }));
  const rows: InventoryRow[] = buildInventory(results, project, (p) => vscode.workspace.asRelativePath(p));
  const content = format === 'JSON' ? inventoryJson(rows) : format === 'CSV' ? inventoryCsv(rows) : inventoryMarkdown(rows);
  const doc = await vscode.workspace.openTextDocument({ content, language: format === 'JSON' ? 'json' : format === 'CSV' ? 'plaintext' : 'markdown' });
  await vscode.window.showTextDocument(doc);
}
