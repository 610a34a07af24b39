import { tokenFileRange } from '../launch/literal';
import { commandWords, shellScript, unwrapOnce } from '../launch/parse';
import { POWERSHELLS, programName, SHELLS } from '../launch/program';
import type { Token } from '../launch/types';
import { fieldToken } from '../launch/words';
import type { ConfigFile } from '../model/configFile';
import type { ServerEntry } from '../model/server';
import { maskSecretsInText } from '../text/mask';
import type { Rule, RuleContext } from './rule';
import { disabledBy } from '../config/disabledBy';

/** A download piped or substituted into an interpreter: `curl … | sh`, `bash <(curl …)`, `iwr … | iex`. */
const PIPE_TO_SHELL =
  /\b(?:curl|wget|iwr|irm|invoke-webrequest|invoke-restmethod)\b[^|\n]{0,2000}\|\s*(?:sudo\s+)?(?:(?:ba|z|da|k)?sh|python3?|node|iex|invoke-expression)\b|(?:<\(|\$\()\s*(?:curl|wget)\b/i;
/** A word without any of these cannot take part in a `PIPE_TO_SHELL` match, so most command lines are not joined to be tested. */
const DOWNLOAD_WORD = /curl|wget|iwr|irm|invoke-|<\(|\$\(/i;
const POWERSHELL_COMMAND = /^[-/](?:c|command)$/i;
const POWERSHELL_ENCODED = /^[-/](?:e|ec|enc|encodedcommand)$/i;

/** A command string as a message quotes it: secrets masked first, then one line of at most 60 characters. */
function shorten(text: string): string {
  const one = maskSecretsInText(text).replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

/** Quoted as a shell would need it: in single quotes unless it holds one, else as a JSON string (inner quotes escaped). */
function shellQuoted(text: string): string {
  return text.includes("'") ? JSON.stringify(text) : `'${text}'`;
}

function report(file: ConfigFile, context: RuleContext, server: ServerEntry, token: Token, message: string, severity?: 'error'): void {
  context.report({ server, range: tokenFileRange(file.text, token), path: token.field.path, message, ...(severity ? { severity } : {}) });
}

/**
 * A server started through a shell that interprets a command string (`bash -c`, `sh -c`,
 * PowerShell `-Command`), `cmd /c` running more than one command, and downloads piped into a shell.
 */
export const shellWrapper: Rule = {
  meta: {
    id: 'shell-wrapper',
    category: 'launch',
    defaultSeverity: 'warning',
    description: 'A server is launched through a shell command string, or pipes a download into a shell.',
  },
  check(file, context) {
    for (const server of file.servers) {
      if (disabledBy(server, file, context.project)) continue;
      let words = commandWords(server);
      for (let depth = 0; words && words.length > 0 && depth < 4; depth++) {
        const program = programName(words[0]!.text);
        const whole = words.some((w) => DOWNLOAD_WORD.test(w.text)) ? words.map((w) => w.text).join(' ') : '';
        if (PIPE_TO_SHELL.test(whole) && (SHELLS.has(program) || POWERSHELLS.has(program) || program === 'cmd')) {
          report(
            file,
            context,
            server,
            words.find((w) => PIPE_TO_SHELL.test(w.text)) ?? words[0]!,
            `Server "${server.name}" downloads a script and runs it in a shell (${shorten(whole)}): whatever that URL serves at launch runs with your credentials, unreviewed.`,
            'error',
          );
          break;
        }
        if (SHELLS.has(program)) {
          const script = shellScript(words);
          if (script)
            report(
              file,
              context,
              server,
              script,
              `Server "${server.name}" is started by ${program} ${words[words.indexOf(script) - 1]!.text} ${shellQuoted(shorten(script.text))}: a shell string is hard to review and easy to inject into. Start the program directly.`,
            );
          break;
        }
        if (POWERSHELLS.has(program)) {
          const at = words.findIndex((w, i) => i > 0 && (POWERSHELL_COMMAND.test(w.text) || POWERSHELL_ENCODED.test(w.text)));
          const arg = words[at + 1];
          if (at > 0 && arg) {
            const encoded = POWERSHELL_ENCODED.test(words[at]!.text);
            report(
              file,
              context,
              server,
              arg,
              encoded
                ? `Server "${server.name}" runs a base64-encoded PowerShell command: nobody reading this config can see what it does.`
                : `Server "${server.name}" runs a PowerShell command string (${shorten(arg.text)}): PowerShell interprets all of it, which is harder to review and easy to inject into. Start the program directly.`,
              encoded ? 'error' : undefined,
            );
          }
          break;
        }
        const inner = unwrapOnce(words);
        if (program === 'cmd' && inner) {
          const operator = inner.words.find((w) => w.operator);
          if (operator) {
            report(
              file,
              context,
              server,
              fieldToken(operator.field),
              `Server "${server.name}" uses cmd /c to run more than one command (${shorten(inner.words.map((w) => w.text).join(' '))}): everything after "${operator.text}" also runs, which is easy to overlook.`,
            );
            break;
          }
        }
        words = inner?.words;
      }
    }
  },
};
