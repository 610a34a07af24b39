import { GATEWAY_HELP, parseGatewayArgs } from '../gateway/options';
import { GatewaySetupError, runGateway, type GatewayStreams } from '../gateway/run';
import { visibleText } from '../core/text/visible';
import { usageError } from './options';
import type { CliIo } from './scan';

export { GATEWAY_HELP };

/** `mcp-warden gateway`: runs until the client or the server goes away; returns the exit code. */
export async function runGatewayCommand(argv: string[], io: CliIo, streams?: Partial<GatewayStreams>): Promise<number> {
  const options = parseGatewayArgs(argv, io.cwd, io.env);
  if (options === 'help') {
    io.stdout(GATEWAY_HELP);
    return 0;
  }
  if (typeof options === 'string') {
    return usageError(io, `gateway: ${options}`, 'gateway');
  }
  try {
    return await runGateway(options, {
      input: streams?.input ?? process.stdin,
      output: streams?.output ?? process.stdout,
      stderr: streams?.stderr ?? ((chunk) => process.stderr.write(chunk)),
      env: streams?.env ?? io.env,
      cwd: streams?.cwd ?? io.cwd,
    });
  } catch (e) {
    if (!(e instanceof GatewaySetupError)) throw e;
    io.stderr(`mcp-warden gateway: ${visibleText(e.message, { singleLine: true, max: 2_000 })}\n`);
    return 2;
  }
}
