// The job summary of the GitHub Action: findings by rule and severity, from the SARIF file the scan wrote.
const LEVEL_NAMES = { error: 'error', warning: 'warning', note: 'info', none: 'info' };
const ORDER = ['error', 'warning', 'info'];

/** Markdown for $GITHUB_STEP_SUMMARY. Rule ids and paths are escaped: they come from the scanned repository. */
export function summaryMarkdown(sarif, { failOn, exitCode, paths }) {
  const results = sarif.runs.flatMap((r) => r.results ?? []);
  const byRule = new Map();
  const bySeverity = { error: 0, warning: 0, info: 0 };
  const files = new Set();
  for (const result of results) {
    const severity = LEVEL_NAMES[result.level ?? 'warning'] ?? 'warning';
    bySeverity[severity]++;
    const row = byRule.get(result.ruleId) ?? { error: 0, warning: 0, info: 0 };
    row[severity]++;
    byRule.set(result.ruleId, row);
    const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
    if (uri) files.add(uri);
  }
  const verdict =
    exitCode === 0
      ? `passed (nothing at or above \`${failOn}\`)`
      : exitCode === 1
        ? `failed (findings at or above \`${failOn}\`)`
        : `could not run (exit ${exitCode})`;
  const lines = [`## MCP Warden`, '', `Scanned ${paths.map((p) => `\`${escape(p)}\``).join(', ')}: **${verdict}**.`, ''];
  if (results.length === 0) {
    lines.push('No findings.', '');
    return lines.join('\n');
  }
  const count = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${count(results.length, 'finding')} in ${count(files.size, 'file')}: ${ORDER.map((s) => `${bySeverity[s]} ${s}`).join(', ')}.`, '');
  lines.push('| rule | error | warning | info |', '| --- | ---: | ---: | ---: |');
  const rows = [...byRule].sort(([a, x], [b, y]) => y.error - x.error || y.warning - x.warning || y.info - x.info || a.localeCompare(b));
  for (const [rule, row] of rows) lines.push(`| \`${escape(rule)}\` | ${row.error} | ${row.warning} | ${row.info} |`);
  lines.push('', 'Each rule is explained in the code-scanning alert and under `docs/rules/` of the mcp-warden package.', '');
  return lines.join('\n');
}

function escape(text) {
  return String(text)
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
    .replace(/[|`<>\\]/g, (c) => `\\${c}`);
}
