import { tool, tools, type CatalogServer } from './types';

const REF = 'modelcontextprotocol/servers (README and source of each server)';

/** The MCP project's reference servers, current and archived. */
export const REFERENCE_SERVERS: readonly CatalogServer[] = [
  {
    id: 'filesystem',
    title: 'Filesystem (reference server)',
    match: ['npm:@modelcontextprotocol/server-filesystem', 'docker:mcp/filesystem'],
    tools: [
      ...tools('P', ['read_file', 'read_text_file', 'read_media_file', 'read_multiple_files', 'list_directory', 'list_directory_with_sizes', 'directory_tree', 'search_files', 'get_file_info'], {
        possible: 'U',
        content: 'a file that came from outside (a download, a cloned repository)',
      }),
      tool('list_allowed_directories', ''),
      ...tools('D', ['write_file', 'edit_file', 'move_file']),
      tool('create_directory', ''),
    ],
    reads: ['private-data'],
    source: `${REF}; tool names checked against @modelcontextprotocol/server-filesystem in node_modules`,
  },
  {
    id: 'memory',
    title: 'Knowledge-graph memory (reference server)',
    match: ['npm:@modelcontextprotocol/server-memory', 'docker:mcp/memory'],
    tools: [
      ...tools('P', ['read_graph', 'search_nodes', 'open_nodes']),
      ...tools('D', ['delete_entities', 'delete_observations', 'delete_relations']),
      ...tools('', ['create_entities', 'create_relations', 'add_observations']),
    ],
    reads: ['private-data'],
    source: `${REF}; tool names checked against @modelcontextprotocol/server-memory in node_modules`,
  },
  {
    id: 'fetch',
    title: 'Fetch (reference server)',
    match: ['pypi:mcp-server-fetch', 'binary:mcp-server-fetch', 'docker:mcp/fetch'],
    tools: [tool('fetch', 'U', { possible: 'O', content: 'a web page' })],
    reads: ['untrusted-content'],
    source: REF,
    uncertain: 'A GET to a URL the model picks can carry data in its query string; counted only with a lower minConfidence.',
  },
  {
    id: 'git',
    title: 'Git (reference server)',
    match: ['pypi:mcp-server-git', 'binary:mcp-server-git', 'docker:mcp/git'],
    tools: [
      ...tools('P', ['git_status', 'git_diff_unstaged', 'git_diff_staged', 'git_diff', 'git_log', 'git_show', 'git_branch'], { possible: 'U', content: 'a commit message from a contributor' }),
      tool('git_reset', 'D'),
      tool('git_checkout', 'd'),
      ...tools('', ['git_commit', 'git_add', 'git_create_branch', 'git_init']),
    ],
    reads: ['private-data'],
    source: REF,
  },
  {
    id: 'time',
    title: 'Time (reference server)',
    match: ['pypi:mcp-server-time', 'binary:mcp-server-time', 'docker:mcp/time'],
    tools: tools('', ['get_current_time', 'convert_time']),
    source: REF,
  },
  {
    id: 'sequential-thinking',
    title: 'Sequential thinking (reference server)',
    match: ['npm:@modelcontextprotocol/server-sequential-thinking', 'docker:mcp/sequentialthinking'],
    tools: [tool('sequentialthinking', '')],
    source: REF,
  },
  {
    id: 'everything',
    title: 'Everything (reference test server)',
    match: ['npm:@modelcontextprotocol/server-everything', 'docker:mcp/everything'],
    tools: [
      ...tools('P', ['get-env', 'printEnv']),
      tool('gzip-file-as-resource', 'U', { possible: 'O', content: 'a downloaded file' }),
      ...tools('', ['echo', 'add', 'get-sum', 'get-tiny-image', 'getTinyImage', 'get-annotated-message', 'annotatedMessage', 'get-resource-links', 'get-resource-reference', 'getResourceReference', 'get-roots-list', 'get-structured-content', 'longRunningOperation', 'trigger-long-running-operation', 'sampleLLM', 'trigger-sampling-request', 'trigger-sampling-request-async', 'trigger-elicitation-request', 'trigger-elicitation-request-async', 'trigger-url-elicitation', 'startElicitation', 'toggle-simulated-logging', 'toggle-subscriber-updates', 'simulate-research-query']),
    ],
    source: `${REF}; names of both the 2025 and the current release (checked in node_modules)`,
  },
  {
    id: 'sqlite',
    title: 'SQLite (archived reference server)',
    match: ['pypi:mcp-server-sqlite', 'binary:mcp-server-sqlite', 'docker:mcp/sqlite'],
    tools: [...tools('P', ['read_query', 'list_tables', 'describe_table']), tool('write_query', 'D'), ...tools('', ['create_table', 'append_insight'])],
    reads: ['private-data'],
    source: `${REF} (servers-archived)`,
  },
  {
    id: 'postgres',
    title: 'PostgreSQL (archived reference server)',
    match: ['npm:@modelcontextprotocol/server-postgres', 'docker:mcp/postgres'],
    tools: [tool('query', 'P', { possible: 'U', content: "a row written by your application's users" })],
    reads: ['private-data'],
    source: `${REF} (servers-archived); the query runs in a read-only transaction`,
  },
  {
    id: 'slack-reference',
    title: 'Slack (archived reference server)',
    match: ['npm:@modelcontextprotocol/server-slack', 'npm:@zencoderai/slack-mcp-server', 'docker:mcp/slack'],
    tools: [
      ...tools('UP', ['slack_get_channel_history', 'slack_get_thread_replies'], { content: 'a Slack message' }),
      ...tools('P', ['slack_list_channels', 'slack_get_users', 'slack_get_user_profile']),
      ...tools('O', ['slack_post_message', 'slack_reply_to_thread']),
      tool('slack_add_reaction', ''),
    ],
    reads: ['untrusted-content', 'private-data'],
    source: `${REF} (servers-archived)`,
    uncertain: 'Whether a message reaches outsiders depends on the channel (Slack Connect, guests).',
  },
  {
    id: 'gdrive',
    title: 'Google Drive (archived reference server)',
    match: ['npm:@modelcontextprotocol/server-gdrive', 'docker:mcp/gdrive'],
    tools: tools('P', ['search', 'gdrive_search', 'gdrive_read_file'], { possible: 'U', content: 'a document shared with you' }),
    reads: ['private-data'],
    source: `${REF} (servers-archived)`,
  },
  {
    id: 'puppeteer',
    title: 'Puppeteer (archived reference server)',
    match: ['npm:@modelcontextprotocol/server-puppeteer', 'docker:mcp/puppeteer'],
    tools: [
      tool('puppeteer_navigate', 'U', { possible: 'O', content: 'a web page' }),
      tool('puppeteer_screenshot', 'U', { content: 'a web page' }),
      ...tools('O', ['puppeteer_fill', 'puppeteer_evaluate']),
      ...tools('', ['puppeteer_click', 'puppeteer_select', 'puppeteer_hover']),
    ],
    reads: ['untrusted-content'],
    source: `${REF} (servers-archived)`,
  },
];
