import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ALL_RULES } from '../core/index';
import { HELP, parseCliArgs, RULES_HELP, usageError, UsageError } from './args';
import { runApprove } from './approve';
import { runFix } from './fix';
import { runGatewayCommand } from './gateway';
import { runInspect } from './inspect';
import { runInventory } from './inventory';
import { runScan, type CliIo } from './scan';
import { runTools } from './tools';
import { runVerify } from './verify';
import { visibleText } from '../core/text/visible';

const COMMANDS = `Other commands (each has --help):
  mcp-warden inspect [configs…] --yes    start the servers of configs and list their tools, prompts, resources
  mcp-warden verify [configs…] --yes     start the servers and check them against the approval lockfile (CI)
  mcp-warden approve [configs…] --yes    start the servers and record what they offer in the approval lockfile
  mcp-warden tools FILE                  analyse tool definitions (a tools/list result) for poisoning
  mcp-warden inventory [paths…]          every configured server as JSON, CSV or Markdown, with a risk score
  mcp-warden gateway [options] -- CMD    run a server behind a local gateway: audit log, pins, canaries, shield
`;

/** The folder holding MCP Warden's package.json (and docs/), from wherever this file was bundled to. */
function findPackageRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"mcp-warden"/.test(readFileSync(pkg, 'utf8'))) return dir;
    dir = dirname(dir);
  }
  return dirname(start);
}

export async function runCli(argv: string[], io: CliIo, isTty = false): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === 'inspect') return await runInspect(rest, io);
    if (command === 'verify') return await runVerify(rest, io);
    if (command === 'approve') return await runApprove(rest, io);
    if (command === 'tools') return runTools(rest, io, isTty);
    if (command === 'inventory') return await runInventory(rest, io);
    if (command === 'gateway') return await runGatewayCommand(rest, io);
    const args = parseCliArgs(argv, isTty);
    switch (args.command) {
      case 'help':
        // Without a command the help is a usage error: a CI step that lost its arguments must not pass.
        if (args.missingCommand) {
          io.stderr(HELP + '\n' + COMMANDS);
          return 2;
        }
        io.stdout(args.topic === 'rules' ? RULES_HELP : HELP + '\n' + COMMANDS);
        return 0;
      case 'version':
        io.stdout(io.version + '\n');
        return 0;
      case 'rules':
        io.stdout(
          args.format === 'json'
            ? JSON.stringify(
                ALL_RULES.map((r) => ({ ...r.meta, docs: `docs/rules/${r.meta.id}.md` })),
                null,
                2,
              ) + '\n'
            : ALL_RULES.map((r) => `${r.meta.id.padEnd(26)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.category.padEnd(13)} ${r.meta.description}`).join(
                '\n',
              ) + '\n',
        );
        return 0;
      case 'scan':
        return args.fix ? await runFix(args, io) : runScan(args, io);
    }
  } catch (e) {
    if (e instanceof UsageError) return usageError(io, e.message, e.command ?? (argv[0] === 'scan' || argv[0] === 'rules' ? argv[0] : undefined));
    io.stderr(`mcp-warden: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

if (require.main === module) {
  // `mcp-warden scan | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const packageRoot = findPackageRoot(__dirname);
  let version = '0.0.0';
  try {
    version = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version;
  } catch {
    /* version stays unknown */
  }
  void runCli(
    process.argv.slice(2),
    { cwd: process.cwd(), env: process.env, packageRoot, version, stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(visibleText(t)) },
    process.stdout.isTTY === true,
  ).then((code) => {
    process.exitCode = code;
  });
}
