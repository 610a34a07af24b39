import type { ClientId } from '../../config/clientIds';
import { tools, type CatalogServer } from './types';

const PAGE = { content: 'a web page' };
const SEARCH = { content: 'a search result' };

export interface BuiltinSet {
  title: string;
  tools: CatalogServer['tools'];
  source: string;
  uncertain?: string;
}

const TERMINAL_NOTE = 'A terminal reads files, changes anything and reaches the network; most clients ask before each command unless auto-approval is on.';

/**
 * The clients' own agent tools, as far as their docs name them. Names change between releases
 * (both old and new spellings are listed) and most clients confirm risky calls with the user.
 */
export const BUILTIN_TOOLS: Partial<Record<ClientId, BuiltinSet>> = {
  vscode: {
    title: 'VS Code agent mode built-in tools',
    tools: [
      ...tools('U', ['fetch', 'web/fetch', 'fetch_webpage'], PAGE),
      ...tools('U', ['githubRepo', 'web/githubRepo'], { content: 'code in a public repository' }),
      ...tools('DOP', ['runInTerminal', 'runCommands', 'execute/runInTerminal', 'run_in_terminal']),
      ...tools('D', ['runTasks', 'execute/runTask', 'editFiles', 'edit/editFiles', 'edit/createFile', 'createFile', 'insert_edit_into_file']),
      ...tools('P', ['readFile', 'read/readFile', 'codebase', 'search/codebase', 'search', 'search/textSearch', 'search/fileSearch']),
    ],
    source: 'code.visualstudio.com/docs/agents/reference/tools-reference (tool sets #web, #execute, #edit, #read, #search)',
    uncertain: TERMINAL_NOTE,
  },
  cursor: {
    title: 'Cursor agent built-in tools',
    tools: [
      ...tools('U', ['web_search'], SEARCH),
      ...tools('DOP', ['run_terminal_cmd']),
      ...tools('P', ['read_file', 'codebase_search', 'grep_search', 'file_search', 'list_dir']),
      ...tools('D', ['edit_file', 'search_replace', 'delete_file']),
    ],
    source: 'Cursor agent tool names as seen in its system prompt dumps (not an official list)',
    uncertain: TERMINAL_NOTE,
  },
  'claude-code': {
    title: 'Claude Code built-in tools',
    tools: [
      ...tools('U', ['WebFetch'], PAGE),
      ...tools('U', ['WebSearch'], SEARCH),
      ...tools('DOP', ['Bash']),
      ...tools('P', ['Read', 'Grep', 'Glob', 'LS']),
      ...tools('D', ['Write', 'Edit', 'MultiEdit', 'NotebookEdit']),
    ],
    source: 'docs.anthropic.com Claude Code settings (tools available to Claude)',
    uncertain: TERMINAL_NOTE,
  },
  'gemini-cli': {
    title: 'Gemini CLI built-in tools',
    tools: [
      ...tools('U', ['web_fetch'], PAGE),
      ...tools('U', ['google_web_search'], SEARCH),
      ...tools('DOP', ['run_shell_command']),
      ...tools('P', ['read_file', 'read_many_files', 'list_directory', 'glob', 'search_file_content']),
      ...tools('D', ['write_file', 'replace']),
    ],
    source: 'google-gemini/gemini-cli docs/tools',
    uncertain: TERMINAL_NOTE,
  },
  codex: {
    title: 'Codex CLI built-in tools',
    tools: [...tools('DP', ['shell'], { possible: 'O' }), ...tools('D', ['apply_patch'])],
    source: 'openai/codex docs (sandbox: workspace-write without network by default; web search is opt-in)',
    uncertain: 'Network access from the shell depends on the sandbox mode; counted only with a lower minConfidence.',
  },
  windsurf: {
    title: 'Windsurf Cascade built-in tools',
    tools: [
      ...tools('U', ['read_url_content', 'search_web'], PAGE),
      ...tools('DOP', ['run_command']),
      ...tools('P', ['view_file', 'codebase_search', 'grep_search', 'find_by_name', 'list_dir']),
      ...tools('D', ['write_to_file', 'edit_file']),
    ],
    source: 'Windsurf docs (Cascade tools); names partly from prompt dumps',
    uncertain: TERMINAL_NOTE,
  },
  cline: {
    title: 'Cline built-in tools',
    tools: [
      ...tools('U', ['browser_action', 'web_fetch'], { ...PAGE, possible: 'O' }),
      ...tools('DOP', ['execute_command']),
      ...tools('P', ['read_file', 'search_files', 'list_files', 'list_code_definition_names']),
      ...tools('D', ['write_to_file', 'replace_in_file']),
    ],
    source: 'cline/cline src/core/prompts (tool definitions)',
    uncertain: TERMINAL_NOTE,
  },
  'roo-code': {
    title: 'Roo Code built-in tools',
    tools: [
      ...tools('U', ['browser_action'], { ...PAGE, possible: 'O' }),
      ...tools('DOP', ['execute_command']),
      ...tools('P', ['read_file', 'search_files', 'list_files', 'list_code_definition_names', 'codebase_search']),
      ...tools('D', ['write_to_file', 'apply_diff', 'insert_content', 'search_and_replace']),
    ],
    source: 'RooCodeInc/Roo-Code src/shared/tools',
    uncertain: TERMINAL_NOTE,
  },
  zed: {
    title: 'Zed agent built-in tools',
    tools: [
      ...tools('U', ['fetch'], PAGE),
      ...tools('U', ['web_search'], SEARCH),
      ...tools('DOP', ['terminal']),
      ...tools('P', ['read_file', 'grep', 'find_path', 'list_directory']),
      ...tools('D', ['edit_file', 'delete_path', 'move_path', 'copy_path', 'create_directory']),
    ],
    source: 'zed.dev/docs/ai/tools',
    uncertain: TERMINAL_NOTE,
  },
  continue: {
    title: 'Continue agent built-in tools',
    tools: [
      ...tools('U', ['builtin_search_web', 'builtin_fetch_url_content'], PAGE),
      ...tools('DOP', ['builtin_run_terminal_command']),
      ...tools('P', ['builtin_read_file', 'builtin_grep_search', 'builtin_file_glob_search', 'builtin_ls']),
      ...tools('D', ['builtin_create_new_file', 'builtin_edit_existing_file']),
    ],
    source: 'continuedev/continue core/tools/builtIn.ts',
    uncertain: TERMINAL_NOTE,
  },
  'amazon-q': {
    title: 'Amazon Q Developer built-in tools',
    tools: [...tools('DOP', ['execute_bash']), ...tools('P', ['fs_read']), ...tools('D', ['fs_write']), ...tools('PD', ['use_aws'])],
    source: 'aws/amazon-q-developer-cli built-in tools',
    uncertain: TERMINAL_NOTE,
  },
  'copilot-cli': {
    title: 'GitHub Copilot CLI built-in tools',
    tools: [...tools('U', ['web_fetch'], PAGE), ...tools('DOP', ['shell', 'bash']), ...tools('P', ['view']), ...tools('D', ['edit', 'create'])],
    source: 'GitHub Copilot CLI docs and community reports (names unverified)',
    uncertain: `${TERMINAL_NOTE} Names are not verified.`,
  },
};

/** Goose's built-in extensions appear in its config as extensions of `type: builtin`. */
export const GOOSE_BUILTINS: readonly CatalogServer[] = [
  {
    id: 'goose-developer',
    title: 'Goose developer extension',
    match: ['goose:developer'],
    tools: [...tools('DOP', ['shell']), ...tools('PD', ['text_editor']), ...tools('P', ['list_windows', 'screen_capture', 'image_processor'])],
    source: 'block/goose crates/goose-mcp developer',
  },
  {
    id: 'goose-computercontroller',
    title: 'Goose computer controller extension',
    match: ['goose:computercontroller'],
    tools: [
      ...tools('U', ['web_scrape'], PAGE),
      ...tools('DOP', ['automation_script', 'computer_control']),
      ...tools('P', ['cache', 'pdf_tool', 'docx_tool', 'xlsx_tool']),
    ],
    source: 'block/goose crates/goose-mcp computercontroller',
  },
  {
    id: 'goose-memory',
    title: 'Goose memory extension',
    match: ['goose:memory'],
    tools: [...tools('P', ['retrieve_memories']), ...tools('D', ['remove_memory_category', 'remove_specific_memory']), ...tools('', ['remember_memory'])],
    source: 'block/goose crates/goose-mcp memory',
  },
];
