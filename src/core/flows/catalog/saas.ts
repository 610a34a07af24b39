import type { ServerEntry } from '../../model/server';
import { tool, tools, type CatalogServer } from './types';

const hasEnv = (server: ServerEntry, key: string) => server.env.some((e) => e.key === key && (e.value ?? '') !== '');
const hasArg = (server: ServerEntry, arg: string) => server.args.some((a) => a.value === arg || a.value.startsWith(`${arg}=`));

/** Hosted services: chat, mail, documents, trackers, databases, payments. */
export const SAAS_SERVERS: readonly CatalogServer[] = [
  {
    id: 'slack',
    title: 'Slack (korotovsky/slack-mcp-server)',
    match: ['npm:slack-mcp-server', 'docker:ghcr.io/korotovsky/slack-mcp-server', 'binary:slack-mcp-server'],
    tools: [
      ...tools('UP', ['conversations_history', 'conversations_replies', 'conversations_search_messages'], { content: 'a Slack message' }),
      tool('channels_list', 'P'),
      tool('conversations_add_message', 'O'),
    ],
    reads: ['untrusted-content', 'private-data'],
    source: 'korotovsky/slack-mcp-server README',
    narrow: (server) =>
      hasEnv(server, 'SLACK_MCP_ADD_MESSAGE_TOOL') ? undefined : { keep: (t) => t.name !== 'conversations_add_message', why: 'posting is off unless SLACK_MCP_ADD_MESSAGE_TOOL is set' },
  },
  {
    id: 'gmail',
    title: 'Gmail (GongRzhe/Gmail-MCP-Server)',
    match: ['npm:@gongrzhe/server-gmail-autoauth-mcp'],
    tools: [
      ...tools('UP', ['read_email', 'search_emails', 'download_attachment'], { content: 'an email' }),
      ...tools('P', ['list_email_labels', 'list_filters', 'get_filter']),
      ...tools('O', ['send_email']),
      ...tools('D', ['modify_email', 'delete_email', 'batch_modify_emails', 'batch_delete_emails', 'update_label', 'delete_label', 'delete_filter']),
      ...tools('', ['draft_email', 'create_label', 'get_or_create_label', 'create_filter', 'create_filter_from_template']),
    ],
    reads: ['untrusted-content', 'private-data'],
    source: 'GongRzhe/Gmail-MCP-Server README',
    uncertain: 'Many Gmail servers exist; only this one is in the catalog. Others are judged by their tool names once inspected.',
  },
  {
    id: 'notion',
    title: 'Notion (local @notionhq/notion-mcp-server or hosted mcp.notion.com)',
    match: ['npm:@notionhq/notion-mcp-server', 'docker:mcp/notion', 'url:mcp.notion.com'],
    tools: [
      ...tools('P', ['notion-search', 'notion-fetch', 'notion-get-comments', 'notion-get-users', 'notion-get-self', 'notion-get-user', 'notion-get-teams', 'API-post-search', 'API-post-database-query', 'API-query-data-source', 'API-get-block-children', 'API-retrieve-a-block', 'API-retrieve-a-page', 'API-retrieve-a-page-property', 'API-retrieve-a-database', 'API-retrieve-a-data-source', 'API-retrieve-a-comment', 'API-get-user', 'API-get-users', 'API-get-self'], { possible: 'U', content: 'a page a collaborator or guest wrote' }),
      ...tools('D', ['notion-update-page', 'notion-move-pages', 'notion-update-database', 'API-patch-page', 'API-patch-block-children', 'API-update-a-block', 'API-delete-a-block', 'API-update-a-database', 'API-update-a-data-source']),
      ...tools('', ['notion-create-pages', 'notion-duplicate-page', 'notion-create-database', 'notion-create-comment', 'API-post-page', 'API-create-a-database', 'API-create-a-data-source', 'API-create-a-comment'], { possible: 'O' }),
    ],
    reads: ['private-data'],
    source: 'makenotion/notion-mcp-server README and developers.notion.com hosted-MCP tool list',
    uncertain: 'Pages published to the web make writes public; not judged.',
  },
  {
    id: 'linear',
    title: 'Linear (hosted mcp.linear.app)',
    match: ['url:mcp.linear.app'],
    tools: [
      ...tools('P', ['list_issues', 'get_issue', 'list_my_issues', 'list_comments', 'list_projects', 'get_project', 'list_documents', 'get_document', 'list_teams', 'get_team', 'list_users', 'get_user', 'list_cycles', 'list_issue_statuses', 'get_issue_status', 'list_issue_labels', 'list_project_labels'], { possible: 'U', content: 'an issue filed through customer intake' }),
      ...tools('D', ['update_issue', 'update_project']),
      ...tools('', ['create_issue', 'create_comment', 'create_project', 'create_issue_label', 'search_documentation']),
    ],
    reads: ['private-data'],
    source: 'linear.app/docs/mcp',
  },
  {
    id: 'atlassian',
    title: 'Atlassian Jira/Confluence (hosted Rovo MCP or sooperset/mcp-atlassian)',
    match: ['url:mcp.atlassian.com', 'pypi:mcp-atlassian', 'docker:ghcr.io/sooperset/mcp-atlassian'],
    tools: [
      ...tools('Pu', ['getJiraIssue', 'searchJiraIssuesUsingJql', 'getJiraIssueRemoteIssueLinks', 'jira_get_issue', 'jira_search', 'jira_get_project_issues', 'jira_get_board_issues', 'jira_get_sprint_issues', 'jira_download_attachments', 'search', 'fetch'], { content: 'a ticket an outside reporter filed' }),
      ...tools('P', ['getConfluencePage', 'searchConfluenceUsingCql', 'getConfluenceSpaces', 'getPagesInConfluenceSpace', 'getConfluencePageFooterComments', 'getConfluencePageInlineComments', 'getConfluencePageDescendants', 'getVisibleJiraProjects', 'lookupJiraAccountId', 'atlassianUserInfo', 'getAccessibleAtlassianResources', 'confluence_search', 'confluence_get_page', 'confluence_get_page_children', 'confluence_get_comments', 'confluence_get_labels', 'confluence_search_user', 'jira_get_user_profile', 'jira_get_transitions', 'jira_get_worklog', 'jira_get_agile_boards', 'jira_get_sprints_from_board']),
      ...tools('o', ['addCommentToJiraIssue', 'jira_add_comment'], { content: 'a ticket an outside reporter filed' }),
      ...tools('D', ['editJiraIssue', 'transitionJiraIssue', 'updateConfluencePage', 'jira_update_issue', 'jira_delete_issue', 'jira_transition_issue', 'jira_remove_issue_link', 'jira_update_sprint', 'confluence_update_page', 'confluence_delete_page']),
      ...tools('', ['createJiraIssue', 'createConfluencePage', 'createConfluenceFooterComment', 'createConfluenceInlineComment', 'jira_create_issue', 'jira_batch_create_issues', 'jira_add_worklog', 'jira_link_to_epic', 'jira_create_issue_link', 'jira_create_sprint', 'confluence_create_page', 'confluence_add_label']),
    ],
    reads: ['private-data'],
    source: 'Atlassian Rovo MCP docs; sooperset/mcp-atlassian README',
    uncertain: 'Service-desk projects take tickets from outsiders and email them comments (hence weak untrusted-content and outbound labels); internal-only Jira sites do not.',
  },
  {
    id: 'sentry',
    title: 'Sentry (@sentry/mcp-server or hosted mcp.sentry.dev)',
    match: ['npm:@sentry/mcp-server', 'url:mcp.sentry.dev'],
    tools: [
      ...tools('UP', ['find_issues', 'get_issue_details', 'search_events', 'search_issues', 'get_event_attachment', 'get_trace_details', 'analyze_issue_with_seer'], { content: 'an error event carrying user input' }),
      ...tools('P', ['whoami', 'find_organizations', 'find_teams', 'find_projects', 'find_releases', 'find_dsns']),
      ...tools('D', ['update_issue', 'update_project']),
      ...tools('', ['create_team', 'create_project', 'create_dsn', 'search_docs', 'get_doc']),
    ],
    reads: ['untrusted-content', 'private-data'],
    source: 'getsentry/sentry-mcp README',
  },
  {
    id: 'supabase',
    title: 'Supabase (@supabase/mcp-server-supabase or hosted mcp.supabase.com)',
    match: ['npm:@supabase/mcp-server-supabase', 'url:mcp.supabase.com'],
    tools: [
      tool('execute_sql', 'PDuo', { content: "a row written by your application's users" }),
      ...tools('P', ['list_organizations', 'get_organization', 'list_projects', 'get_project', 'list_tables', 'list_extensions', 'list_migrations', 'get_logs', 'get_advisors', 'get_project_url', 'get_anon_key', 'get_publishable_keys', 'generate_typescript_types', 'list_edge_functions', 'get_edge_function', 'list_branches', 'list_storage_buckets', 'get_storage_config']),
      ...tools('D', ['apply_migration', 'pause_project', 'restore_project', 'deploy_edge_function', 'delete_branch', 'merge_branch', 'reset_branch', 'rebase_branch', 'update_storage_config']),
      ...tools('', ['get_cost', 'confirm_cost', 'create_project', 'create_branch', 'search_docs']),
    ],
    reads: ['private-data'],
    source: 'supabase-community/supabase-mcp README; the exfiltration write-up by General Analysis (support tickets read and written through execute_sql)',
    narrow: (server) =>
      hasArg(server, '--read-only') || (server.url !== undefined && /[?&]read_only=true/i.test(server.url.value))
        ? { keep: (t) => !t.labels.includes('destructive') || t.name === 'execute_sql', why: 'read-only mode', without: ['destructive', 'outbound'] }
        : undefined,
  },
  {
    id: 'stripe',
    title: 'Stripe (@stripe/mcp or hosted mcp.stripe.com)',
    match: ['npm:@stripe/mcp', 'url:mcp.stripe.com'],
    tools: [
      ...tools('P', ['list_customers', 'list_disputes'], { possible: 'U', content: 'a customer name or dispute text written by a customer' }),
      ...tools('P', ['list_products', 'list_prices', 'retrieve_balance', 'list_payment_intents', 'list_subscriptions', 'list_coupons', 'list_invoices', 'get_stripe_account_info', 'search_stripe_resources', 'fetch_stripe_resources']),
      ...tools('D', ['create_refund', 'cancel_subscription', 'update_subscription', 'update_dispute', 'finalize_invoice']),
      ...tools('', ['create_customer', 'create_product', 'create_price', 'create_payment_link', 'create_invoice', 'create_invoice_item', 'create_coupon', 'search_documentation', 'search_stripe_documentation']),
    ],
    reads: ['private-data'],
    source: 'stripe/agent-toolkit modelcontextprotocol README and docs.stripe.com/mcp',
  },
];
