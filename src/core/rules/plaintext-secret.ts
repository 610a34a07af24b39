import { loadConfigText } from '../config/load';
import { describeSecret } from '../secrets/describe';
import { scanEnvFileText } from '../secrets/envFile';
import { envFilePathOf } from '../secrets/envFileRefs';
import { maskSecret } from '../secrets/mask';
import { findSecretsInRawText } from '../secrets/rawText';
import { scanConfigForSecrets } from '../secrets/scanConfig';
import type { Rule } from './rule';

/**
 * A credential written in plain text in a server entry: a provider token (GitHub, OpenAI, AWS, …),
 * a private key, a password in a connection URL, an `Authorization` header value, or a random value
 * under a secret-like name. The range covers only the secret's characters.
 */
export const plaintextSecret: Rule = {
  meta: {
    id: 'plaintext-secret',
    category: 'secrets',
    defaultSeverity: 'error',
    description: 'A token, key or password is written in plain text in an MCP config.',
  },
  check(file, context) {
    const occurrences = scanConfigForSecrets(file);
    for (const occurrence of occurrences) {
      const report: Parameters<typeof context.report>[0] = {
        range: occurrence.range,
        path: occurrence.field.path,
        message: describeSecret(occurrence, file.client),
        severity: occurrence.hit.severity,
      };
      if (occurrence.server) report.server = occurrence.server;
      context.report(report);
    }
    if (file.problems.some((p) => p.kind === 'syntax')) {
      for (const raw of findSecretsInRawText(file.text)) {
        if (occurrences.some((o) => raw.range.start < o.range.end && o.range.start < raw.range.end)) continue;
        context.report({
          range: raw.range,
          message: `Plaintext ${raw.hit.label} in this unparsable file (${maskSecret(raw.secret, raw.hit.publicPrefix)}): anyone with this file can use it. Fix the file, move the secret out, and rotate it if the file was shared.`,
          severity: raw.hit.severity,
        });
      }
    }
    for (const server of file.servers) {
      const path = envFilePathOf(server, file, context.project);
      const text = path === undefined ? undefined : context.project.envFiles?.get(path);
      if (text === undefined || !server.envFile) continue;
      const envFile = loadConfigText(text, { path: path!, explicit: false });
      for (const secret of scanEnvFileText(text)) {
        context.report({
          node: server.envFile.node,
          server,
          message: `envFile ${server.envFile.value}, line ${secret.line}: ${secret.message}`,
          severity: secret.hit.severity,
          related: [{ file: envFile, range: secret.range, message: `${secret.key} holds the secret` }],
        });
      }
    }
  },
};
