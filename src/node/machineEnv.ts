import { homedir } from 'node:os';
import type { MachineEnv } from '../core/index';

/** This machine's facts for `userConfigLocations`, from the OS and the environment. */
export function currentMachineEnv(env: NodeJS.ProcessEnv = process.env): MachineEnv {
  const platform = process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';
  const out: MachineEnv = { platform, home: (env.HOME && platform !== 'win32' ? env.HOME : homedir()).replace(/\\/g, '/') };
  if (env.APPDATA) out.appData = env.APPDATA.replace(/\\/g, '/');
  if (env.XDG_CONFIG_HOME) out.xdgConfigHome = env.XDG_CONFIG_HOME;
  if (env.CODEX_HOME) out.codexHome = env.CODEX_HOME;
  if (env.COPILOT_HOME) out.copilotHome = env.COPILOT_HOME;
  return out;
}
