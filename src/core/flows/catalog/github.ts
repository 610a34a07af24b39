import type { ServerEntry } from '../../model/server';
import { tools, type CatalogServer, type CatalogTool } from './types';

const ISSUE = 'an issue body';
const PR = 'a pull request description';

/** Tools of both GitHub servers: readers of things anyone can write on a public repository, and writers. */
const GITHUB_TOOLS: CatalogTool[] = [
  ...tools('UP', ['get_issue', 'issue_read', 'list_issues', 'search_issues', 'get_issue_comments', 'list_sub_issues'], { content: ISSUE }),
  ...tools('UP', ['get_pull_request', 'pull_request_read', 'list_pull_requests', 'search_pull_requests', 'get_pull_request_comments', 'get_pull_request_reviews', 'get_pull_request_files', 'get_pull_request_diff', 'get_pull_request_status', 'get_pull_request_review_comments'], { content: PR }),
  ...tools('UP', ['get_discussion', 'get_discussion_comments', 'list_discussions'], { content: 'a discussion post' }),
  ...tools('UP', ['list_notifications', 'get_notification_details'], { content: 'a notification' }),
  ...tools('UP', ['get_commit', 'list_commits'], { content: 'a commit message' }),
  ...tools('UP', ['get_file_contents', 'get_repository_tree', 'search_code'], { content: 'a file in a public repository' }),
  ...tools('UP', ['get_job_logs', 'get_workflow_run_logs'], { content: 'a CI log of an outside contribution' }),
  ...tools('U', ['search_repositories', 'search_users', 'search_orgs', 'list_starred_repositories', 'get_latest_release', 'list_releases', 'get_release_by_tag', 'list_global_security_advisories', 'get_global_security_advisory', 'github_support_docs_search'], { content: 'text on a public repository' }),
  ...tools('P', ['get_me', 'list_branches', 'get_team_members', 'get_teams', 'list_code_scanning_alerts', 'get_code_scanning_alert', 'list_dependabot_alerts', 'get_dependabot_alert', 'list_secret_scanning_alerts', 'get_secret_scanning_alert', 'list_gists', 'get_gist', 'list_workflows', 'list_workflow_runs', 'get_workflow_run', 'list_workflow_jobs', 'list_projects', 'get_project', 'list_project_items', 'get_project_item', 'list_repository_security_advisories', 'list_org_repository_security_advisories', 'list_tags', 'get_tag', 'list_label', 'get_label', 'list_issue_types']),
  ...tools('O', ['create_issue', 'add_issue_comment', 'create_pull_request', 'create_pull_request_review', 'create_pending_pull_request_review', 'add_comment_to_pending_review', 'submit_pending_pull_request_review', 'add_reply_to_pull_request_comment', 'create_gist', 'create_repository', 'fork_repository']),
  ...tools('OD', ['create_or_update_file', 'push_files', 'update_issue', 'issue_write', 'update_pull_request', 'update_gist', 'sub_issue_write']),
  ...tools('D', ['delete_file', 'merge_pull_request', 'update_pull_request_branch', 'run_workflow', 'rerun_workflow_run', 'rerun_failed_jobs', 'cancel_workflow_run', 'delete_workflow_run_logs', 'dismiss_notification', 'mark_all_notifications_read', 'manage_notification_subscription', 'manage_repository_notification_subscription', 'assign_copilot_to_issue', 'delete_pending_pull_request_review']),
  ...tools('', ['create_branch', 'request_copilot_review', 'download_workflow_run_artifact', 'list_workflow_run_artifacts', 'get_workflow_run_usage']),
];

const isWrite = (t: CatalogTool) => t.labels.includes('outbound') || t.labels.includes('destructive');

const TRUE = /^(1|true|yes|on)$/i;

/** github-mcp-server's read-only mode: `--read-only`, `GITHUB_READ_ONLY`, the `/readonly` URL or the `X-MCP-Readonly` header. */
function readOnlyMode(server: ServerEntry): string | undefined {
  if (server.args.some((a) => a.value === '--read-only' || a.value === '--read-only=true' || /^GITHUB_READ_ONLY=(1|true)$/i.test(a.value))) return 'started with read-only mode';
  if (server.env.some((e) => e.key === 'GITHUB_READ_ONLY' && TRUE.test(e.value ?? ''))) return 'GITHUB_READ_ONLY is set';
  if (server.url && /\/readonly\/?$/i.test(server.url.value)) return 'the read-only endpoint';
  if (server.headers.some((h) => h.key.toLowerCase() === 'x-mcp-readonly' && TRUE.test(h.value ?? ''))) return 'the X-MCP-Readonly header';
  return undefined;
}

export const GITHUB_SERVERS: readonly CatalogServer[] = [
  {
    id: 'github',
    title: 'GitHub MCP server (github/github-mcp-server, local or remote)',
    match: ['docker:ghcr.io/github/github-mcp-server', 'binary:github-mcp-server', 'url:api.githubcopilot.com/mcp', 'docker:mcp/github-mcp-server'],
    tools: GITHUB_TOOLS,
    reads: ['untrusted-content', 'private-data'],
    source: 'github/github-mcp-server README (tool list by toolset, several releases merged: older get_issue/get_pull_request and newer issue_read/pull_request_read)',
    uncertain: 'Toolsets (`--toolsets`, `GITHUB_TOOLSETS`, `/x/<toolset>` URLs) are not read: every default tool is assumed present.',
    narrow: (server) => {
      const why = readOnlyMode(server);
      return why ? { keep: (t) => !isWrite(t), why } : undefined;
    },
  },
  {
    id: 'github-reference',
    title: 'GitHub (archived reference server)',
    match: ['npm:@modelcontextprotocol/server-github', 'docker:mcp/github'],
    tools: GITHUB_TOOLS.filter((t) =>
      ['create_or_update_file', 'search_repositories', 'create_repository', 'get_file_contents', 'push_files', 'create_issue', 'create_pull_request', 'fork_repository', 'create_branch', 'list_commits', 'list_issues', 'update_issue', 'add_issue_comment', 'search_code', 'search_issues', 'search_users', 'get_issue', 'get_pull_request', 'list_pull_requests', 'create_pull_request_review', 'merge_pull_request', 'get_pull_request_files', 'get_pull_request_status', 'update_pull_request_branch', 'get_pull_request_comments', 'get_pull_request_reviews'].includes(t.name),
    ),
    reads: ['untrusted-content', 'private-data'],
    source: 'modelcontextprotocol/servers-archived src/github README',
  },
];
