import type { ServerEntry } from '../../model/server';
import { tools, type CatalogServer, type CatalogTool, type Narrowing } from './types';

const ISSUE = 'an issue body';
const PR = 'a pull request description';

/** Tools of both GitHub servers: readers of things anyone can write on a public repository, and writers. */
const GITHUB_TOOLS: CatalogTool[] = [
  ...tools('UP', ['get_issue', 'issue_read', 'list_issues', 'search_issues', 'get_issue_comments', 'list_sub_issues'], { content: ISSUE }),
  ...tools(
    'UP',
    [
      'get_pull_request',
      'pull_request_read',
      'list_pull_requests',
      'search_pull_requests',
      'get_pull_request_comments',
      'get_pull_request_reviews',
      'get_pull_request_files',
      'get_pull_request_diff',
      'get_pull_request_status',
      'get_pull_request_review_comments',
    ],
    { content: PR },
  ),
  ...tools('UP', ['get_discussion', 'get_discussion_comments', 'list_discussions'], { content: 'a discussion post' }),
  ...tools('UP', ['list_notifications', 'get_notification_details'], { content: 'a notification' }),
  ...tools('UP', ['get_commit', 'list_commits'], { content: 'a commit message' }),
  ...tools('UP', ['get_file_contents', 'get_repository_tree', 'search_code'], { content: 'a file in a public repository' }),
  ...tools('UP', ['get_job_logs', 'get_workflow_run_logs'], { content: 'a CI log of an outside contribution' }),
  ...tools(
    'U',
    [
      'search_repositories',
      'search_users',
      'search_orgs',
      'list_starred_repositories',
      'get_latest_release',
      'list_releases',
      'get_release_by_tag',
      'list_global_security_advisories',
      'get_global_security_advisory',
      'github_support_docs_search',
    ],
    { content: 'text on a public repository' },
  ),
  ...tools('P', [
    'get_me',
    'list_branches',
    'get_team_members',
    'get_teams',
    'list_code_scanning_alerts',
    'get_code_scanning_alert',
    'list_dependabot_alerts',
    'get_dependabot_alert',
    'list_secret_scanning_alerts',
    'get_secret_scanning_alert',
    'list_gists',
    'get_gist',
    'list_workflows',
    'list_workflow_runs',
    'get_workflow_run',
    'list_workflow_jobs',
    'list_projects',
    'get_project',
    'list_project_items',
    'get_project_item',
    'list_repository_security_advisories',
    'list_org_repository_security_advisories',
    'list_tags',
    'get_tag',
    'list_label',
    'get_label',
    'list_issue_types',
  ]),
  ...tools('O', [
    'create_issue',
    'add_issue_comment',
    'create_pull_request',
    'create_pull_request_review',
    'create_pending_pull_request_review',
    'add_comment_to_pending_review',
    'submit_pending_pull_request_review',
    'add_reply_to_pull_request_comment',
    'create_gist',
    'create_repository',
    'fork_repository',
  ]),
  ...tools('OD', ['create_or_update_file', 'push_files', 'update_issue', 'issue_write', 'update_pull_request', 'update_gist', 'sub_issue_write']),
  ...tools('D', [
    'delete_file',
    'merge_pull_request',
    'update_pull_request_branch',
    'run_workflow',
    'rerun_workflow_run',
    'rerun_failed_jobs',
    'cancel_workflow_run',
    'delete_workflow_run_logs',
    'dismiss_notification',
    'mark_all_notifications_read',
    'manage_notification_subscription',
    'manage_repository_notification_subscription',
    'assign_copilot_to_issue',
    'delete_pending_pull_request_review',
  ]),
  ...tools('', ['create_branch', 'request_copilot_review', 'download_workflow_run_artifact', 'list_workflow_run_artifacts', 'get_workflow_run_usage']),
];

const isWrite = (t: CatalogTool) => t.labels.includes('outbound') || t.labels.includes('destructive');

const TRUE = /^(1|true|yes|on)$/i;

/** github-mcp-server's read-only mode: `--read-only`, `GITHUB_READ_ONLY`, the `/readonly` URL or the `X-MCP-Readonly` header. */
function readOnlyMode(server: ServerEntry): string | undefined {
  if (server.args.some((a) => a.value === '--read-only' || a.value === '--read-only=true' || /^GITHUB_READ_ONLY=(1|true)$/i.test(a.value)))
    return 'started with read-only mode';
  if (server.env.some((e) => e.key === 'GITHUB_READ_ONLY' && TRUE.test(e.value ?? ''))) return 'GITHUB_READ_ONLY is set';
  if (server.url && /\/readonly\/?$/i.test(server.url.value)) return 'the read-only endpoint';
  if (server.headers.some((h) => h.key.toLowerCase() === 'x-mcp-readonly' && TRUE.test(h.value ?? ''))) return 'the X-MCP-Readonly header';
  return undefined;
}

/** github-mcp-server's toolset of a tool, from its name (toolsets as its README lists them). */
export function toolsetOf(name: string): string {
  if (/security_advisor/.test(name)) return 'security_advisories';
  if (/code_scanning/.test(name)) return 'code_security';
  if (/secret_scanning/.test(name)) return 'secret_protection';
  if (/dependabot/.test(name)) return 'dependabot';
  if (/notification/.test(name)) return 'notifications';
  if (/discussion/.test(name)) return 'discussions';
  if (/gist/.test(name)) return 'gists';
  if (/project/.test(name)) return 'projects';
  if (/workflow|job|artifact/.test(name)) return 'actions';
  if (/pull_request|review/.test(name)) return 'pull_requests';
  if (/issue/.test(name)) return 'issues';
  if (/label/.test(name)) return 'labels';
  if (/starred/.test(name)) return 'stargazers';
  if (/^(get_me|get_teams|get_team_members)$/.test(name)) return 'context';
  if (/^search_users$/.test(name)) return 'users';
  if (/^search_orgs$/.test(name)) return 'orgs';
  if (/support_docs/.test(name)) return 'context';
  return 'repos';
}

/** The toolsets github-mcp-server enables when none are named. */
const DEFAULT_TOOLSETS = ['context', 'repos', 'issues', 'pull_requests', 'users'];

/** Toolsets named by the launch: `--toolsets a,b`, `GITHUB_TOOLSETS`, an `/x/<toolset>` URL or the `X-MCP-Toolsets` header; undefined for the default set. */
function toolsetsOf(server: ServerEntry): { names: string[]; why: string } | undefined {
  const split = (v: string) =>
    v
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean);
  const args = server.args.map((a) => a.value);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--toolsets' && args[i + 1]) return { names: split(args[i + 1]!), why: `--toolsets ${args[i + 1]}` };
    if (a.startsWith('--toolsets=')) return { names: split(a.slice(11)), why: a };
    const m = /^GITHUB_TOOLSETS=(.+)$/.exec(a);
    if (m) return { names: split(m[1]!), why: `GITHUB_TOOLSETS=${m[1]}` };
  }
  const env = server.env.find((e) => e.key === 'GITHUB_TOOLSETS' && e.value && !e.value.includes('${'));
  if (env) return { names: split(env.value!), why: `GITHUB_TOOLSETS=${env.value}` };
  const url = server.url && /\/x\/([a-z_,]+)(?:\/readonly)?\/?$/i.exec(server.url.value);
  if (url) return { names: split(url[1]!), why: `the /x/${url[1]} endpoint` };
  const header = server.headers.find((h) => h.key.toLowerCase() === 'x-mcp-toolsets' && h.value);
  if (header) return { names: split(header.value!), why: `X-MCP-Toolsets: ${header.value}` };
  return undefined;
}

/** Read-only mode and toolsets together: the tools a launch of github-mcp-server really offers. */
function githubNarrowing(server: ServerEntry): Narrowing | undefined {
  const readOnly = readOnlyMode(server);
  const named = toolsetsOf(server);
  const sets = named ? new Set(named.names.flatMap((n) => (n === 'default' ? DEFAULT_TOOLSETS : [n]))) : undefined;
  const all = !sets || sets.has('all');
  if (!readOnly && all) return undefined;
  const why = [readOnly, all ? undefined : `toolsets from ${named!.why}`].filter(Boolean).join('; ');
  return { keep: (t) => (!readOnly || !isWrite(t)) && (all || sets!.has(toolsetOf(t.name))), why };
}

export const GITHUB_SERVERS: readonly CatalogServer[] = [
  {
    id: 'github',
    title: 'GitHub MCP server (github/github-mcp-server, local or remote)',
    match: ['docker:ghcr.io/github/github-mcp-server', 'binary:github-mcp-server', 'url:api.githubcopilot.com/mcp', 'docker:mcp/github-mcp-server'],
    tools: GITHUB_TOOLS,
    reads: ['untrusted-content', 'private-data'],
    source:
      'github/github-mcp-server README (tool list by toolset, several releases merged: older get_issue/get_pull_request and newer issue_read/pull_request_read)',
    uncertain: 'Without named toolsets every tool of the list is assumed present (the default set is smaller); a toolset is judged from the tool name.',
    narrow: githubNarrowing,
  },
  {
    id: 'github-reference',
    title: 'GitHub (archived reference server)',
    match: ['npm:@modelcontextprotocol/server-github', 'docker:mcp/github'],
    tools: GITHUB_TOOLS.filter((t) =>
      [
        'create_or_update_file',
        'search_repositories',
        'create_repository',
        'get_file_contents',
        'push_files',
        'create_issue',
        'create_pull_request',
        'fork_repository',
        'create_branch',
        'list_commits',
        'list_issues',
        'update_issue',
        'add_issue_comment',
        'search_code',
        'search_issues',
        'search_users',
        'get_issue',
        'get_pull_request',
        'list_pull_requests',
        'create_pull_request_review',
        'merge_pull_request',
        'get_pull_request_files',
        'get_pull_request_status',
        'update_pull_request_branch',
        'get_pull_request_comments',
        'get_pull_request_reviews',
      ].includes(t.name),
    ),
    reads: ['untrusted-content', 'private-data'],
    source: 'modelcontextprotocol/servers-archived src/github README',
  },
];
