// How every command reads its arguments: Node's util.parseArgs, strict, one option table per command,
// and one way to report a wrong command line (message, where the help is, exit code 2). Kept free of
// the engine so the gateway's bundle can use it too.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { visibleText } from '../core/text/visible';
import type { CliIo } from './scan';

/** A wrong command line; `command` names the command whose `--help` to suggest. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/** One command's option table for `util.parseArgs`; every command also takes `-h, --help`. */
export type OptionTable = NonNullable<ParseArgsConfig['options']>;
const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;
export type Parsed<O extends OptionTable> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O & typeof HELP_OPTION; strict: true; allowPositionals: true }>
>;

/**
 * The one way every command reads its arguments: `util.parseArgs`, strict, with the command's option
 * table. Unknown options, missing values and stray positionals become a UsageError in plain words.
 */
export function parseOptions<O extends OptionTable>(command: string, argv: readonly string[], options: O, allowPositionals = true): Parsed<O> {
  try {
    return parseArgs({ args: [...argv], options: { ...options, ...HELP_OPTION }, strict: true, allowPositionals }) as Parsed<O>;
  } catch (e) {
    throw new UsageError(plainParseError(e as Error & { code?: string }), command);
  }
}

export function plainParseError(e: Error & { code?: string }): string {
  const option = /'(-[^']*)'/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? e.message}`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const named = /'(?:-\w, )?(--[\w-]+)/.exec(e.message)?.[1];
    return /argument missing/.test(e.message) ? `${named ?? 'an option'} needs a value` : `${named ?? 'an option'} takes no value`;
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${/'([^']*)'/.exec(e.message)?.[1] ?? ''}`.trim();
  return e.message;
}

/**
 * Parses a command's arguments as `parseOptions` does, for commands that return their exit code:
 * prints `help` and gives 0 for `--help`, prints the usage error and gives 2, else the parsed arguments.
 */
export function commandArgs<O extends OptionTable>(io: CliIo, command: string, argv: readonly string[], options: O, help: string): Parsed<O> | 0 | 2 {
  try {
    const parsed = parseOptions(command, argv, options);
    if ((parsed.values as { help?: boolean }).help) {
      io.stdout(help);
      return 0;
    }
    return parsed;
  } catch (e) {
    if (e instanceof UsageError) return usageError(io, e.message, command);
    throw e;
  }
}

/** Prints a usage error the one way every command does (message, then where the help is) and gives exit code 2. */
export function usageError(io: Pick<CliIo, 'stderr'>, message: string, command?: string): 2 {
  io.stderr(`mcp-warden: ${visibleText(message, { singleLine: true, max: 2_000 })}\n${command ? `(try: mcp-warden ${command} --help)\n` : ''}`);
  return 2;
}
