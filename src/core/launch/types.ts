import type { StringField } from '../model/server';

/**
 * One word of a command line as the launched program receives it, with where each of its characters
 * stands in the field's value (`map[i]` is the value index of character `i`; `map[text.length]` is
 * the index just after the last one). A whole arg maps onto itself; a word split out of
 * `cmd /c "npx -y pkg"` maps into the middle of its string.
 */
export interface Token {
  text: string;
  field: StringField;
  map: number[];
  /** A shell operator (`&&`, `|`, `;` …) between commands, not a word. */
  operator?: boolean;
}

export type Runner =
  | 'npx'
  | 'npm-exec'
  | 'bunx'
  | 'pnpm-dlx'
  | 'pnpx'
  | 'yarn-dlx'
  | 'uvx'
  | 'uv-tool-run'
  | 'uv-run'
  | 'pipx-run'
  | 'docker'
  | 'podman'
  | 'nerdctl'
  | 'deno'
  | 'go-run';

/** What a launch passes through before the real program: `cmd /c`, `env X=1`, `sh -c "…"`, `docker exec box …`. */
export type Wrapper = 'cmd' | 'env' | 'shell' | 'container-exec' | 'gateway';

export type Ecosystem = 'npm' | 'pypi' | 'oci' | 'jsr' | 'go' | 'git';

/**
 * How firmly a package reference names one artifact. Pinned: `exact` (an exact release), `digest`
 * (an image digest), `commit` (a full git commit id). Not pinned: `none` (no version at all),
 * `latest`, `tag` (a moving name: npm dist-tag, image tag, git branch or tag), `range`.
 */
export type PinState = 'exact' | 'digest' | 'commit' | 'none' | 'latest' | 'tag' | 'range';

export const PINNED_STATES: ReadonlySet<PinState> = new Set(['exact', 'digest', 'commit']);

/** A package, image or module a launch downloads, and where its version is written. */
export interface PackageRef {
  ecosystem: Ecosystem;
  /** The name to look up: npm/PyPI/JSR package, image repository (`ghcr.io/o/x`, `mcp/fetch`), Go package path, git URL. */
  name: string;
  /** The reference as written (e.g. `@scope/x@^1.2`, `mcp-server-git==0.6`, `mcp/fetch:latest`). */
  spec: string;
  token: Token;
  /** Range of `spec` in `token.text`. */
  specStart: number;
  specEnd: number;
  pin: PinState;
  /** The version, range, dist-tag, image tag or git ref as written, if any. */
  version?: string;
  digest?: string;
  /**
   * The part of `token.text` an exact version replaces (empty where a version would be inserted),
   * and what goes before the version there (`@`, `==`, `#`, or nothing when the separator stays).
   */
  pinStart: number;
  pinEnd: number;
  pinPrefix: string;
  /** A registry or index named on the command line (`npx --registry`, `uvx --index-url`). */
  registry?: string;
  /** Set only on the packages of the gateway's launcher in front of a routed server (`npx mcp-warden@… gateway -- …`): the runner that fetches them. */
  runner?: Runner;
}

/** A runner or container option, e.g. `--network host` (value `host`) or `-v /:/host`. */
export interface ParsedOption {
  name: string;
  token: Token;
  value?: Token;
}

/** A server's command line, understood: what runs, through which runner, fetching which packages. */
export interface LaunchSpec {
  /** The words after unwrapping (`cmd /c`, `env`, a command written as one string). */
  words: Token[];
  wrappers: Wrapper[];
  /** The program that actually runs, lower-cased base name without `.exe`/`.cmd` (e.g. `npx`, `node`, `docker`). */
  program?: string;
  programToken?: Token;
  runner?: Runner;
  /** Options of the runner before the package or image (e.g. docker's `--privileged`, `-v …`). */
  options: ParsedOption[];
  packages: PackageRef[];
  /** A local file or folder the launch runs (`npx ./pkg`, `node ./server.js`, `deno run ./main.ts`). */
  localTarget?: Token;
  /** The words given to the server itself (after the package, image or script). */
  programArgs: Token[];
}
